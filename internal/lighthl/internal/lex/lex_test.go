package lex

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// join is the text of toks, which must be src itself.
func join(toks []chroma.Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Value)
	}
	return b.String()
}

// typeOf is the type of the first token whose value is v, or -2.
func typeOf(toks []chroma.Token, v string) chroma.TokenType {
	for _, t := range toks {
		if t.Value == v {
			return t.Type
		}
	}
	return -2
}

func TestTokensCoverTheSource(t *testing.T) {
	srcs := []string{"", "x", "'", "\"", "`", "/*", "\"\"\"", "<", "<a", "&", "$", "${", "@", "0x", ".5", "1e", "1e+",
		"\\", "\"\\", "'\\'", "#!", "--", "\xff\xfe", "é\u0301", "a\r\nb", "<a b='c'>d</a>"}
	for _, lang := range []string{"", "go", "python", "sql", "html", "diff", "sh", "c", "lisp", "tex"} {
		for _, src := range srcs {
			if got := join(Tokenise(lang, src)); got != src {
				t.Errorf("lang %q: tokens of %q join to %q", lang, src, got)
			}
		}
	}
}

func FuzzTokenise(f *testing.F) {
	f.Add("go", "func f() { return \"x\\n\" // c\n}")
	f.Add("", "SELECT 'a' -- c\n# h /* b */")
	f.Add("html", "<a href=\"x\">&amp;</a><!-- c")
	f.Fuzz(func(t *testing.T, lang, src string) {
		if got := join(Tokenise(lang, src)); got != src {
			t.Fatalf("tokens join to %q, not %q", got, src)
		}
	})
}

func TestClasses(t *testing.T) {
	toks := Tokenise("go", "// note\nfunc f(x int) string { return \"a\\tb\" + 0x1F }")
	for v, want := range map[string]chroma.TokenType{
		"// note": chroma.CommentSingle, "func": chroma.Keyword, "f": chroma.NameFunction,
		"int": chroma.KeywordType, "return": chroma.Keyword, "\\t": chroma.LiteralStringEscape,
		"0x1F": chroma.LiteralNumberHex, "+": chroma.Operator, "{": chroma.Punctuation,
	} {
		if got := typeOf(toks, v); got != want {
			t.Errorf("%q is %d, want %d", v, got, want)
		}
	}
	py := Tokenise("python", "# c\nclass Tide:\n    \"\"\"doc\"\"\"\n")
	if typeOf(py, "# c") != chroma.CommentSingle || typeOf(py, "Tide") != chroma.NameClass ||
		typeOf(py, "\"\"\"doc\"\"\"") != chroma.LiteralStringDoc {
		t.Errorf("python: %+v", py)
	}
	// In C, # at the start of a line is a directive; in an unknown
	// language, "--" inside an expression is not a comment.
	if c := Tokenise("c", "#include <stdio.h>\n"); c[0].Type != chroma.CommentPreproc {
		t.Errorf("c: %+v", c)
	}
	if g := Tokenise("", "i--;"); typeOf(g, "--") != chroma.Operator {
		t.Errorf("guess: %+v", g)
	}
	if s := Tokenise("sql", "select x from t"); typeOf(s, "select") != chroma.Keyword || typeOf(s, "from") != chroma.Keyword {
		t.Errorf("sql: %+v", s)
	}
	if d := Tokenise("diff", "@@ -1 +1 @@\n-a\n+b\n"); typeOf(d, "-a") != chroma.GenericDeleted || typeOf(d, "+b") != chroma.GenericInserted {
		t.Errorf("diff: %+v", d)
	}
}
