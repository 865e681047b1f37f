package reader

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/ui/highlight"
)

// Links in an article's Markdown are drawn as their text only, underlined
// and made an OSC 8 hyperlink, so the reader does not spell out a long URL
// after every linked word (glamour prints "text url"). A terminal without
// OSC 8 shows the underlined text; O opens the article itself.
//
// The work is done around glamour, as for highlights: before rendering,
// each link [text](url) becomes text between two invisible markers, which
// glamour keeps and wraps as zero columns; after rendering, the markers
// become the hyperlink's opening and closing sequences, closed at the end of
// each line and opened again on the next, so every line stands alone when
// the pane cuts or scrolls.
const (
	linkOpen  = "\u2062" // INVISIBLE TIMES: a link's text starts
	linkClose = "\u2063" // INVISIBLE SEPARATOR: it ends
)

// mdLink matches an inline Markdown link: [text](url) or [text](url "title"),
// with the character before it (an image's ! or an escaping \ rules it out).
var mdLink = regexp.MustCompile(`(^|[^!\\])\[((?:[^\[\]\\\n]|\\.)+)\]\(<?([^()\s<>]+)>?(?:\s+"(?:[^"\\]|\\.)*")?\)`)

// stripLinkMarkers removes the markers from an article's own text, so that
// no article can forge a link.
func stripLinkMarkers(s string) string {
	if !strings.Contains(s, linkOpen) && !strings.Contains(s, linkClose) {
		return s
	}
	return strings.NewReplacer(linkOpen, "", linkClose, "").Replace(s)
}

// markLinks rewrites the inline links of Markdown text to marked text and
// appends their URLs to urls, in order. A link whose URL is not a safe
// web or mail address stays as it was, and glamour draws it as usual.
func markLinks(md string, urls []string) (string, []string) {
	md = stripLinkMarkers(md)
	if !strings.Contains(md, "](") {
		return md, urls
	}
	var b strings.Builder
	last := 0
	for _, m := range mdLink.FindAllStringSubmatchIndex(md, -1) {
		pre, text, u := md[m[2]:m[3]], md[m[4]:m[5]], md[m[6]:m[7]]
		if !linkable(u) {
			continue
		}
		b.WriteString(md[last:m[0]])
		b.WriteString(pre)
		b.WriteString(linkOpen)
		b.WriteString(text)
		b.WriteString(linkClose)
		urls = append(urls, u)
		last = m[1]
	}
	b.WriteString(md[last:])
	return b.String(), urls
}

// linkable reports whether u may go into an OSC 8 sequence: an absolute
// http, https or mailto URL of printable ASCII, of a sane length.
func linkable(u string) bool {
	if len(u) > 2048 {
		return false
	}
	for i := 0; i < len(u); i++ {
		if u[i] <= ' ' || u[i] >= 0x7f {
			return false
		}
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.Host != ""
	case "mailto":
		return p.Opaque != ""
	}
	return false
}

const (
	underlineOn  = "\x1b[4m"
	underlineOff = "\x1b[24m"
)

// linkLines turns the link markers in rendered lines into hyperlinks, the
// k-th pair of markers linking to urls[k]. Inside a link, every SGR glamour
// emits is followed by the underline again, since glamour resets its styles
// between segments; a link that wraps is closed at the end of its line and
// opened again at the first character of the next. Lines without a marker,
// outside a link, are left as they are.
func linkLines(lines []string, urls []string) {
	k, inside := -1, false
	open := func(b *strings.Builder) {
		if k >= 0 && k < len(urls) {
			b.WriteString(ansi.SetHyperlink(urls[k]))
		}
		b.WriteString(underlineOn)
	}
	shut := func(b *strings.Builder) {
		b.WriteString(underlineOff)
		if k >= 0 && k < len(urls) {
			b.WriteString(ansi.ResetHyperlink())
		}
	}
	for i, l := range lines {
		if !inside && !strings.Contains(l, linkOpen) && !strings.Contains(l, linkClose) {
			continue
		}
		var b strings.Builder
		b.Grow(len(l) + 64)
		pending := inside // reopen at the first character, not on the margin
		opened := false
		for j := 0; j < len(l); {
			switch {
			case strings.HasPrefix(l[j:], linkOpen):
				k++
				inside, pending, opened = true, false, true
				open(&b)
				j += len(linkOpen)
			case strings.HasPrefix(l[j:], linkClose):
				if inside && opened {
					shut(&b)
				}
				inside, pending, opened = false, false, false
				j += len(linkClose)
			case l[j] == 0x1b:
				n := escLen(l[j:])
				seq := l[j : j+n]
				// A marker can land inside a sequence glamour writes, as
				// when marked text is also another link's target: glamour
				// then makes it the URL of its own hyperlink. It must not
				// reach the terminal, and the link it opened is spent.
				k += strings.Count(seq, linkOpen)
				b.WriteString(stripLinkMarkers(seq))
				if opened && n > 2 && l[j+1] == '[' && l[j+n-1] == 'm' {
					b.WriteString(underlineOn)
				}
				j += n
			default:
				if pending && l[j] != ' ' {
					open(&b)
					pending, opened = false, true
				}
				b.WriteByte(l[j])
				j++
			}
		}
		if inside && opened {
			shut(&b)
		}
		lines[i] = b.String()
	}
}

// escLen is the length of the escape sequence s starts with: a CSI up to its
// final byte, an OSC up to BEL or ST, or ESC and one byte.
func escLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}

// outsideLinkTargets drops the hits that fall in the (url "title") part of
// a Markdown link: the reader shows a link's text, not its target, so a
// find must not count or mark what is not on screen.
func outsideLinkTargets(md string, hits []highlight.Range) []highlight.Range {
	if len(hits) == 0 || !strings.Contains(md, "](") {
		return hits
	}
	links := mdLink.FindAllStringSubmatchIndex(md, -1)
	if len(links) == 0 {
		return hits
	}
	out := hits[:0:0]
	for _, h := range hits {
		inTarget := false
		for _, m := range links {
			// m[5] ends the link text; the target runs from "](" to m[1].
			if h.Start < m[1] && h.End > m[5] {
				inTarget = true
				break
			}
		}
		if !inTarget {
			out = append(out, h)
		}
	}
	return out
}
