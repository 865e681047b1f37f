package safe

import (
	"net/url"
	"strings"
)

// MarkdownParagraphs splits converted Markdown into the paragraphs of an
// article body and hardens each one: blocks are cut at blank lines outside
// fenced code, every line's container nesting is capped, over-marked blocks
// are escaped to render literally, numeric references to control characters
// are dropped (the renderer would decode &#27; back into ESC) and the result
// is sanitised once more. Empty blocks are left out.
func MarkdownParagraphs(md string) []string {
	md = Text(md)
	var out []string
	var cur []string
	fence := ""
	flush := func() {
		if len(cur) == 0 {
			return
		}
		block := strings.Join(cur, "\n")
		cur = nil
		if fence == "" {
			block = TameInline(block)
		}
		block = Text(NeutralizeCharRefs(block))
		if strings.TrimSpace(block) != "" {
			out = append(out, strings.TrimRight(block, " \n"))
		}
	}
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimRight(strings.ReplaceAll(l, "\t", "    "), " ")
		if fence != "" {
			cur = append(cur, l)
			if t := strings.TrimSpace(l); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				flush()
			}
			continue
		}
		if f := openFence(l); f != "" {
			flush()
			fence = f
			cur = append(cur, l)
			continue
		}
		if l == "" {
			flush()
			continue
		}
		cur = append(cur, CapNesting(l))
	}
	flush()
	return out
}

// openFence returns the fence (``` or ~~~, three or more) a line opens, or "".
func openFence(l string) string {
	s := strings.TrimLeft(l, " ")
	if len(l)-len(s) > 3 || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return ""
	}
	n := len(s) - len(strings.TrimLeft(s, s[:1]))
	if n < 3 || (s[0] == '`' && strings.Contains(s[n:], "`")) {
		return ""
	}
	return s[:n]
}

// URL returns raw resolved against base (which may be nil) when the result
// is a link a reader can safely follow: http, https or mailto. Anything else
// (javascript:, data:, file:, a relative link with no base) gives "", so the
// caller drops the link and keeps its text.
func URL(raw string, base *url.URL) string {
	raw = strings.TrimSpace(Line(raw))
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
	case "file":
		// A local feed's items may link to local pages; nothing else may
		// point byline at a file.
		if base == nil || !strings.EqualFold(base.Scheme, "file") {
			return ""
		}
	default:
		return ""
	}
	return u.String()
}
