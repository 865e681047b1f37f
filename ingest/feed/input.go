package feed

import (
	"bytes"
	"fmt"
	"regexp"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Limits on a feed document's structure, checked by a streaming scan before
// the parser sees it. gofeed builds a tree of the whole document: a 20 MB
// feed of <a> nested 2.8 million deep cost 934 MB and 8 s, and 600,000 flat
// elements about 200 MB. Real feeds nest under 30 deep (an Atom entry with
// XHTML content) and hold a few thousand elements.
const (
	MaxDepth    = 256
	MaxElements = 200_000
)

// utf16Name matches an XML declaration that names UTF-16 (or UCS-2): once
// the bytes are UTF-8, that name would make the parser decode them again.
var utf16Name = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(\s*<\?xml[^>]*?encoding\s*=\s*["'])(?:utf-?16(?:le|be)?|ucs-?2|iso-10646-ucs-2)(["'])`)
}) // compiled at first use, not at every start

// declaredEncoding matches an XML declaration's encoding name.
var declaredEncoding = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']`)
}) // compiled at first use, not at every start

// prepare turns a feed's bytes into what the parser reads well: UTF-16
// (with or without a byte-order mark) decoded to UTF-8, invalid UTF-8 in a
// UTF-8 document replaced by U+FFFD rather than failing the whole feed, and
// the structure checked against MaxDepth and MaxElements.
func prepare(data []byte) ([]byte, error) {
	if enc := utf16Order(data); enc != nil {
		decoded, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%w: broken UTF-16", ErrNotFeed)
		}
		data = decoded
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head := data[:min(len(data), 256)]
	if m := utf16Name().FindSubmatchIndex(head); m != nil {
		// Either decoded above or mislabelled: the bytes are 8-bit now.
		fixed := make([]byte, 0, len(data))
		fixed = append(fixed, data[:m[3]]...)
		fixed = append(fixed, "UTF-8"...)
		data = append(fixed, data[m[4]:]...)
	}
	if isUTF8(head) && !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	if err := checkStructure(data); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotFeed, err)
	}
	return data, nil
}

// utf16Order returns the UTF-16 decoding for data, or nil when data is not
// UTF-16: a byte-order mark, or (without one) a zero byte beside the ASCII
// of the first character, which in a feed is '<', '{' or white space.
func utf16Order(data []byte) encoding.Encoding {
	if len(data) < 2 {
		return nil
	}
	switch {
	case data[0] == 0xFE && data[1] == 0xFF:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case data[0] == 0xFF && data[1] == 0xFE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case data[0] == 0 && data[1] != 0 && data[1] < 0x80:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case data[0] != 0 && data[0] < 0x80 && data[1] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	}
	return nil
}

// isUTF8 reports whether a document starting with head is meant as UTF-8:
// JSON, or XML that declares UTF-8 or no encoding. A feed that declares
// another (ISO-8859-1, windows-1252) is decoded by the parser.
func isUTF8(head []byte) bool {
	m := declaredEncoding().FindSubmatch(head)
	if m == nil {
		return true
	}
	name := string(bytes.ToLower(m[1]))
	return name == "utf-8" || name == "utf8" || name == ""
}

// checkStructure scans an XML or JSON document for nesting deeper than
// MaxDepth or more than MaxElements elements (objects and arrays in JSON).
// It reads the bytes once and allocates nothing, so a hostile document
// costs time in proportion to its size and no memory.
func checkStructure(data []byte) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return checkJSON(trimmed)
	}
	return checkXML(data)
}

func checkXML(data []byte) error {
	depth, elements := 0, 0
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 || i+j+1 >= len(data) {
			return nil
		}
		i += j + 1
		rest := data[i:]
		switch c := rest[0]; {
		case c == '/':
			depth = max(depth-1, 0)
			i += skipPast(rest, ">")
		case c == '?':
			i += skipPast(rest, "?>")
		case bytes.HasPrefix(rest, []byte("!--")):
			i += skipPast(rest, "-->")
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			i += skipPast(rest, "]]>")
		case c == '!':
			// A declaration (DOCTYPE, ENTITY): its internal subset's own
			// declarations are skipped one by one.
			i += skipPast(rest, ">")
		case isNameStart(c):
			n, selfClosing := tagEnd(rest)
			i += n
			elements++
			if elements > MaxElements {
				return fmt.Errorf("more than %d XML elements", MaxElements)
			}
			if !selfClosing {
				if depth++; depth > MaxDepth {
					return fmt.Errorf("XML nested more than %d elements deep", MaxDepth)
				}
			}
		}
	}
	return nil
}

// skipPast returns the length of b up to and including the first end, or
// len(b) when there is none.
func skipPast(b []byte, end string) int {
	if k := bytes.Index(b, []byte(end)); k >= 0 {
		return k + len(end)
	}
	return len(b)
}

// tagEnd returns the length of a start tag (b begins after its '<') up to
// and including its '>', with quoted attribute values skipped, and whether
// it closes itself.
func tagEnd(b []byte) (n int, selfClosing bool) {
	var quote byte
	for k, c := range b {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1, k > 0 && b[k-1] == '/'
		}
	}
	return len(b), false
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
}

func checkJSON(data []byte) error {
	depth, values := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			values++
			if values > MaxElements {
				return fmt.Errorf("more than %d JSON objects and arrays", MaxElements)
			}
			if depth++; depth > MaxDepth {
				return fmt.Errorf("JSON nested more than %d deep", MaxDepth)
			}
		case c == '}' || c == ']':
			depth = max(depth-1, 0)
		}
	}
	return nil
}
