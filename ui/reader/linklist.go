package reader

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/pane"
)

// Link is one of an article's links: its text and where it goes.
type Link struct {
	Text, URL string
}

// bareURL finds a web address written out in plain text.
var bareURL = regexp.MustCompile(`https?://[^\s<>()\[\]"']+[^\s<>()\[\]"'.,;:!?]`)

// Links are the article's links in the order they appear, each address
// once: the inline links of a Markdown body, the addresses written out in
// a plain one. Only what the reader would make a hyperlink (linkable: an
// absolute http, https or mailto URL of printable ASCII) is listed, so a
// number never opens anything else.
func (m Model) Links() []Link {
	if m.article == nil {
		return nil
	}
	var out []Link
	seen := map[string]bool{}
	add := func(text, u string) {
		if !linkable(u) || seen[u] {
			return
		}
		seen[u] = true
		out = append(out, Link{Text: oneLine(model.Sanitize(text)), URL: u})
	}
	for _, p := range m.article.Paragraphs {
		p = stripLinkMarkers(p)
		if m.article.Format == model.FormatMarkdown {
			for _, l := range mdLink.FindAllStringSubmatch(p, -1) {
				add(strings.Trim(l[2], "*_`"), l[3])
			}
			continue
		}
		for _, u := range bareURL.FindAllString(p, -1) {
			add("", u)
		}
	}
	return out
}

// ShowLinks lists links, numbered from 1, in place of the text until
// HideLinks or another article.
func (m *Model) ShowLinks(links []Link) {
	m.links, m.linkOffset = links, 0
	if m.links == nil {
		m.links = []Link{}
	}
}

// HideLinks shows the text again.
func (m *Model) HideLinks() { m.links = nil }

// LinksShown reports whether the links are listed.
func (m Model) LinksShown() bool { return m.links != nil }

// ShownLinks are the links listed, for the root to open by number.
func (m Model) ShownLinks() []Link { return m.links }

// LinksTitle heads the list of links.
const LinksTitle = "Links — type a number to open one · L or esc: back to the text"

// linkLines are the listed links, numbered, as many as fit below the
// header: "  3  the link's text  https://…".
func (m Model) linkLines() []string {
	w := m.width
	out := []string{m.st.Reader.Title.Render(pane.Cut(" "+LinksTitle, w))}
	numW := len(strconv.Itoa(len(m.links)))
	room := max(0, m.bodyHeight()-1+m.noticeLines())
	end := min(len(m.links), m.linkOffset+room)
	for i := m.linkOffset; i < end; i++ {
		l := m.links[i]
		n := strconv.Itoa(i + 1)
		n = strings.Repeat(" ", numW-len(n)) + n
		line := "  " + m.st.Status.Position.Render(n) + "  "
		plain := 4 + numW
		if l.Text != "" && l.Text != l.URL {
			text := pane.Cut(l.Text, max(0, min(40, w-plain-1)))
			line += text + "  "
			plain += ansi.StringWidth(text) + 2
		}
		line += m.st.Pane.Muted.Render(pane.Cut(l.URL, max(0, w-plain)))
		out = append(out, line)
	}
	return out
}
