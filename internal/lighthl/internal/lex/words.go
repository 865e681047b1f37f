package lex

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// wordType classifies a word by one keyword set shared by the common
// languages; a word reserved in one language and a plain name in another
// is coloured as a keyword everywhere, which costs little in a quoted
// snippet. The sets are switches, not maps, so they cost nothing at
// start-up. It returns 0 for an ordinary name.
func wordType(w string, s syntax) chroma.TokenType {
	if s.sql || s.guess && len(w) > 1 && !hasLower(w) {
		if t := sqlWord(strings.ToUpper(w)); t != 0 {
			return t
		}
	}
	switch w {
	case "if", "else", "elif", "elsif", "for", "foreach", "while", "do", "switch",
		"case", "default", "break", "continue", "return", "goto", "fallthrough",
		"func", "function", "def", "fn", "fun", "class", "struct", "interface",
		"enum", "type", "union", "var", "let", "val", "const", "static", "final",
		"public", "private", "protected", "internal", "abstract", "virtual",
		"override", "new", "delete", "try", "catch", "finally", "throw", "throws",
		"raise", "except", "with", "as", "go", "defer", "select", "chan", "map",
		"range", "yield", "async", "await", "lambda", "pub", "mut", "ref", "impl",
		"trait", "match", "where", "loop", "end", "then", "fi", "done", "esac",
		"begin", "unless", "until", "when", "sizeof", "typeof", "instanceof",
		"extends", "implements", "readonly", "declare", "del", "pass", "global",
		"nonlocal", "assert", "local", "crate", "unsafe", "extern", "inline",
		"volatile", "register", "auto", "typedef", "template", "typename",
		"operator", "friend", "explicit", "mutable", "constexpr", "dyn", "move",
		"object", "companion", "sealed", "fileprivate",
		"guard", "rescue", "ensure", "module_function", "elseif", "unset":
		return chroma.Keyword
	case "package", "import", "from", "export", "use", "using", "namespace",
		"module", "require", "include", "mod":
		return chroma.KeywordNamespace
	case "true", "false", "nil", "null", "None", "True", "False", "undefined",
		"NaN", "Infinity", "iota", "NULL", "nullptr":
		return chroma.KeywordConstant
	case "self", "this", "super", "cls", "Self":
		return chroma.KeywordPseudo
	case "and", "or", "not", "in", "is":
		return chroma.OperatorWord
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
		"uint32", "uint64", "uintptr", "float", "float32", "float64", "double",
		"char", "bool", "boolean", "string", "String", "str", "byte", "rune",
		"long", "short", "unsigned", "signed", "void", "size_t", "i8", "i16",
		"i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128", "f32", "f64",
		"usize", "isize", "error", "any", "number", "bigint", "never", "unknown",
		"complex64", "complex128", "Integer", "Boolean", "Object", "Vec",
		"Option", "Result", "dict", "list", "tuple", "set", "bytes":
		return chroma.KeywordType
	case "print", "println", "printf", "len", "cap", "make", "append", "panic",
		"recover", "console", "echo", "cd", "sudo", "input", "open",
		"isinstance", "enumerate", "zip", "sorted", "puts", "fmt", "std", "alert":
		return chroma.NameBuiltin
	}
	return 0
}

// sqlWord classifies an upper-cased word of SQL, whose keywords are
// written in any case.
func sqlWord(w string) chroma.TokenType {
	switch w {
	case "SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "UPDATE", "SET",
		"DELETE", "CREATE", "TABLE", "INDEX", "VIEW", "DROP", "ALTER", "ADD",
		"JOIN", "INNER", "LEFT", "RIGHT", "OUTER", "FULL", "CROSS", "ON", "GROUP",
		"BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "UNION", "ALL", "DISTINCT",
		"AS", "LIKE", "BETWEEN", "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "END",
		"PRIMARY", "KEY", "FOREIGN", "REFERENCES", "DEFAULT", "UNIQUE", "CHECK",
		"CONSTRAINT", "BEGIN", "COMMIT", "ROLLBACK", "TRANSACTION", "WITH",
		"RETURNING", "ASC", "DESC", "TRIGGER", "PRAGMA", "IF", "REPLACE", "GRANT",
		"REVOKE", "EXPLAIN", "USING", "CONFLICT", "DO", "NOTHING", "RECURSIVE":
		return chroma.Keyword
	case "AND", "OR", "NOT", "IN", "IS":
		return chroma.OperatorWord
	case "NULL", "TRUE", "FALSE":
		return chroma.KeywordConstant
	case "INTEGER", "INT", "TEXT", "VARCHAR", "CHAR", "REAL", "BLOB", "BOOLEAN",
		"DATE", "TIMESTAMP", "NUMERIC", "DECIMAL", "FLOAT", "BIGINT", "SERIAL":
		return chroma.KeywordType
	}
	return 0
}

// declares reports whether a type name usually follows keyword w, so
// that the name after "class" is coloured as a class.
func declares(w string) bool {
	switch w {
	case "class", "struct", "interface", "enum", "trait", "type", "extends",
		"implements", "new", "union", "object", "impl":
		return true
	}
	return false
}

// hasLower reports whether w holds an ASCII lower-case letter; checked
// before upper-casing a word, to spare the copy.
func hasLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			return true
		}
	}
	return false
}
