package chroma

// TokenType classifies a piece of source text. Types form a two-level
// hierarchy by value: a type's category is its value rounded down to a
// multiple of 1000 and its sub-category rounded down to a multiple of 100,
// so a style that sets only Keyword also colours KeywordType, and one that
// sets LiteralString also colours LiteralStringEscape.
type TokenType int

// Category is the top-level type t belongs to (Keyword for KeywordType).
func (t TokenType) Category() TokenType {
	if t < 1000 {
		return t
	}
	return t / 1000 * 1000
}

// SubCategory is the middle-level type t belongs to (LiteralString for
// LiteralStringEscape); for a type with no middle level it is the category.
func (t TokenType) SubCategory() TokenType {
	if t < 1000 {
		return t
	}
	return t / 100 * 100
}

// Special types: they colour no token of their own but give every token
// defaults (Background) or mark text a lexer could not read (Error).
const (
	// Background is the colour behind the whole block; every type
	// inherits from it last.
	Background TokenType = -1
	// Error is text the lexer could not classify as valid.
	Error TokenType = 1
	// Other is text outside the language a lexer reads.
	Other TokenType = 2
)

// Keywords.
const (
	// Keyword is a reserved word of the language (if, return).
	Keyword TokenType = 1000 + iota
	// KeywordConstant is a constant-valued keyword (true, nil).
	KeywordConstant
	// KeywordDeclaration declares something (var, let).
	KeywordDeclaration
	// KeywordNamespace names or brings in a namespace (package, import).
	KeywordNamespace
	// KeywordPseudo is a keyword by convention only (self, this).
	KeywordPseudo
	// KeywordReserved is reserved but unused.
	KeywordReserved
	// KeywordType names a built-in type (int, string).
	KeywordType
)

// Names.
const (
	// Name is an identifier.
	Name TokenType = 2000 + iota
	// NameAttribute is an attribute of a markup tag.
	NameAttribute
	// NameClass names a class or type being defined.
	NameClass
	// NameConstant names a constant.
	NameConstant
	// NameDecorator is a decorator or annotation (@Override).
	NameDecorator
	// NameEntity is a markup entity (&amp;).
	NameEntity
	// NameException names an exception.
	NameException
	// NameFunction names a function, here one being called or defined.
	NameFunction
	// NameLabel is a jump label.
	NameLabel
	// NameNamespace names a namespace.
	NameNamespace
	// NameOther is any other name.
	NameOther
	// NameProperty is a property access.
	NameProperty
	// NameTag is a markup tag.
	NameTag
	// NameVariable is a variable, such as $x in a shell script.
	NameVariable
)

// Built-in names.
const (
	// NameBuiltin is a function or object the language provides (len, print).
	NameBuiltin TokenType = 2100 + iota
	// NameBuiltinPseudo is a built-in pseudo-name.
	NameBuiltinPseudo
)

// Literals.
const (
	// Literal is a literal value.
	Literal TokenType = 3000 + iota
	// LiteralDate is a date literal.
	LiteralDate
)

// String literals.
const (
	// LiteralString is a quoted string.
	LiteralString TokenType = 3100 + iota
	// LiteralStringEscape is an escape inside a string (\n).
	LiteralStringEscape
	// LiteralStringChar is a character literal.
	LiteralStringChar
	// LiteralStringDoc is a documentation string.
	LiteralStringDoc
)

// Number literals.
const (
	// LiteralNumber is a number.
	LiteralNumber TokenType = 3200 + iota
	// LiteralNumberFloat is a floating-point number.
	LiteralNumberFloat
	// LiteralNumberHex is a hexadecimal number.
	LiteralNumberHex
	// LiteralNumberInteger is an integer.
	LiteralNumberInteger
)

// Operators and punctuation.
const (
	// Operator is an operator (+, ==).
	Operator TokenType = 4000 + iota
	// OperatorWord is an operator spelled as a word (and, not).
	OperatorWord
)

// Punctuation.
const (
	// Punctuation is a bracket, comma or semicolon.
	Punctuation TokenType = 5000
)

// Comments.
const (
	// Comment is a comment.
	Comment TokenType = 6000 + iota
	// CommentHashbang is a #! line.
	CommentHashbang
	// CommentMultiline is a block comment.
	CommentMultiline
	// CommentSingle is a comment to the end of the line.
	CommentSingle
	// CommentSpecial is a comment with a special meaning.
	CommentSpecial
)

// Preprocessor comments.
const (
	// CommentPreproc is a preprocessor directive (#include).
	CommentPreproc TokenType = 6100 + iota
	// CommentPreprocFile is the file a directive names.
	CommentPreprocFile
)

// Generic types, for diffs and prose-like output.
const (
	// Generic is generic text.
	Generic TokenType = 7000 + iota
	// GenericDeleted is a removed line of a diff.
	GenericDeleted
	// GenericEmph is emphasised text.
	GenericEmph
	// GenericError is an error message.
	GenericError
	// GenericHeading is a heading.
	GenericHeading
	// GenericInserted is an added line of a diff.
	GenericInserted
	// GenericOutput is program output.
	GenericOutput
	// GenericPrompt is a shell prompt.
	GenericPrompt
	// GenericStrong is strong text.
	GenericStrong
	// GenericSubheading is a sub-heading, such as a diff's @@ line.
	GenericSubheading
	// GenericTraceback is a traceback.
	GenericTraceback
	// GenericUnderline is underlined text.
	GenericUnderline
)

// Text.
const (
	// Text is text with no other class.
	Text TokenType = 8000 + iota
	// TextWhitespace is spaces, tabs and newlines.
	TextWhitespace
	// TextSymbol is a symbol.
	TextSymbol
	// TextPunctuation is punctuation in text.
	TextPunctuation
)

// Token is one classified piece of source text.
type Token struct {
	Type  TokenType
	Value string
}
