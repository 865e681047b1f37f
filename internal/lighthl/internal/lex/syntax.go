package lex

import "strings"

// syntax is what the scanner needs to know about a language: how its
// comments open, and a few conventions that change how text reads. One
// generic scanner driven by these flags covers the code a news article
// quotes well enough; exactness is not the goal, a readable block is.
type syntax struct {
	slashLine   bool // // to the end of the line
	slashBlock  bool // /* ... */
	hashLine    bool // # to the end of the line
	hashPreproc bool // # at the start of a line is a directive (C, Rust)
	dashLine    bool // -- to the end of the line (SQL, Lua, Haskell)
	semiLine    bool // ; to the end of the line (Lisp, assembly, INI)
	percentLine bool // % to the end of the line (TeX, Erlang, MATLAB)
	markup      bool // <tags>, <!-- comments --> and &entities;
	diff        bool // lines coloured by their first character
	sql         bool // keywords in any case
	dollarVars  bool // $name is a variable (shells, Perl, PHP)
	tripleQuote bool // """ and ''' strings (Python)
	guess       bool // language unknown: accept the common forms, carefully
}

// syntaxFor returns the syntax of the language a code fence names. An
// unknown or empty name gets the guessing syntax rather than none, since
// many articles fence code without naming it.
func syntaxFor(lang string) syntax {
	lang = strings.ToLower(strings.TrimSpace(lang))
	switch lang {
	case "c", "h", "cpp", "c++", "cc", "cxx", "hpp", "objc", "objective-c",
		"cs", "csharp", "c#", "rust", "rs":
		return syntax{slashLine: true, slashBlock: true, hashPreproc: true}
	case "go", "golang", "java", "javascript", "js", "jsx", "mjs", "cjs",
		"typescript", "ts", "tsx", "swift", "kotlin", "kt", "scala", "dart",
		"groovy", "zig", "solidity", "sol", "d", "json", "jsonc", "json5",
		"scss", "less", "proto", "protobuf", "glsl", "hlsl":
		return syntax{slashLine: true, slashBlock: true}
	case "css":
		return syntax{slashBlock: true}
	case "php":
		return syntax{slashLine: true, slashBlock: true, hashLine: true, dollarVars: true}
	case "python", "py", "python3", "py3", "pycon", "ipython", "starlark", "bazel":
		return syntax{hashLine: true, tripleQuote: true}
	case "sh", "bash", "shell", "zsh", "fish", "ksh", "console", "shell-session",
		"perl", "pl", "powershell", "ps1", "pwsh", "make", "makefile", "awk", "tcl":
		return syntax{hashLine: true, dollarVars: true}
	case "ruby", "rb", "r", "yaml", "yml", "toml", "conf", "cfg", "dockerfile",
		"docker", "nim", "julia", "jl", "elixir", "ex", "exs", "crystal", "cmake",
		"nix", "graphql", "gql", "properties", "coffee", "coffeescript", "hcl", "terraform", "tf":
		return syntax{hashLine: true}
	case "ini":
		return syntax{hashLine: true, semiLine: true}
	case "sql", "mysql", "postgres", "postgresql", "psql", "plsql", "plpgsql",
		"sqlite", "sqlite3", "tsql", "t-sql":
		return syntax{dashLine: true, slashBlock: true, sql: true}
	case "lua", "haskell", "hs", "elm", "ada", "vhdl", "applescript", "purescript":
		return syntax{dashLine: true}
	case "lisp", "common-lisp", "clojure", "clj", "cljs", "scheme", "racket",
		"elisp", "emacs-lisp", "asm", "nasm", "gas", "s", "x86asm", "armasm":
		return syntax{semiLine: true}
	case "tex", "latex", "erlang", "erl", "matlab", "octave", "prolog":
		return syntax{percentLine: true}
	case "html", "htm", "xml", "xhtml", "svg", "rss", "atom", "plist", "vue", "svelte":
		return syntax{markup: true}
	case "diff", "patch", "udiff":
		return syntax{diff: true}
	}
	return syntax{slashLine: true, slashBlock: true, hashLine: true, dashLine: true, guess: true}
}
