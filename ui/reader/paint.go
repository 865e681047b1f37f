package reader

import (
	"image/color"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/highlight"
	"github.com/bylinehq/byline/ui/styles"
)

// rendering is one glamour render of an article with its highlight markers
// still in: for each marker pair, in drawing order, its tag (the entity's
// index in Article.Entities, or findTag) and the line it starts on.
type rendering struct {
	lines []string
	tags  []int
	at    []int
}

// newRendering finds the line each marker pair opens on, by counting the
// markers line by line as Apply will: markers inside an escape sequence (a
// link's URL) do not count.
func newRendering(lines []string, tags []int) *rendering {
	r := &rendering{lines: lines, tags: tags, at: make([]int, 0, len(tags))}
	n := 0 // markers seen
	for y, l := range lines {
		if !strings.Contains(l, highlight.Marker) {
			continue
		}
		for i := 0; i < len(l); {
			switch {
			case l[i] == '\x1b':
				i += seqLen(l[i:])
			case strings.HasPrefix(l[i:], highlight.Marker):
				if n%2 == 0 {
					r.at = append(r.at, y)
				}
				n++
				i += len(highlight.Marker)
			default:
				i++
			}
		}
	}
	for len(r.at) < len(r.tags) { // a pair glamour dropped: never expected
		r.at = append(r.at, len(lines)-1)
	}
	return r
}

// seqLen is the length of the escape sequence s starts with.
func seqLen(s string) int {
	_, _, n, _ := ansi.DecodeSequence(s, ansi.NormalState, nil)
	return max(1, n)
}

// paintState is what decides the colours of a rendering: the pins, whether
// unpinned entities are tinted, and the current mention (a pair index, or
// -1).
type paintState struct {
	pins []Pin
	tint bool
	cur  int
}

// painted is a rendering turned into styled lines, with the pairs n and N
// step through: the pinned mentions, or every hit of a find.
type painted struct {
	lines   []string
	targets []int // pair indices, in drawing order
}

// Style indices in markStyles.
const (
	stylePin     = 0
	styleCurrent = stylePin + styles.PinColours
	styleTint    = styleCurrent + styles.PinColours
	styleFind    = styleTint + styles.TypeTints
	styleFindCur = styleFind + 1
)

// markStyles turns the theme's mark colours into highlight styles, indexed
// by the constants above. Without colour, pins and hits are reverse video
// and there is no tint.
func markStyles(mk styles.Mark) []highlight.Style {
	out := make([]highlight.Style, 0, styleFindCur+1)
	for _, c := range mk.Pins {
		out = append(out, highlight.Background(c))
	}
	for _, c := range mk.Pins {
		out = append(out, strong(highlight.Background(c)))
	}
	for _, c := range mk.Tints {
		out = append(out, tint(c))
	}
	return append(out, highlight.Background(mk.Find), strong(highlight.Background(mk.Find)))
}

// strong is s in bold and underlined: the current mention.
func strong(s highlight.Style) highlight.Style {
	return highlight.Style{Open: s.Open + "\x1b[1;4m", Close: "\x1b[22;24m" + s.Close}
}

// tint colours the text only; a nil colour paints nothing.
func tint(c color.Color) highlight.Style {
	if c == nil {
		return highlight.Style{}
	}
	return highlight.Style{
		Open:  ansi.Style{}.ForegroundColor(c).String(),
		Close: ansi.Style{}.DefaultForegroundColor().String(),
	}
}

// typeIndex is t's place in model.EntityTypes; unknown types count as MISC.
func typeIndex(t model.EntityType) int {
	for i, k := range model.EntityTypes {
		if k == t {
			return i
		}
	}
	return len(model.EntityTypes) - 1
}

// paint styles a rendering: pinned mentions on their pin's background,
// other mentions tinted by type (when ps.tint), find hits on the find
// background, and pair ps.cur (when it is a target) in the stronger style.
func paint(r *rendering, a *model.Article, ps paintState, st []highlight.Style) painted {
	if r == nil {
		return painted{}
	}
	slot := make([]int, len(a.Entities)) // pin slot of each entity, or -1
	for i, e := range a.Entities {
		slot[i] = -1
		for _, p := range ps.pins {
			if p.matches(e) {
				slot[i] = p.Slot
				break
			}
		}
	}
	pairs := make([]int, len(r.tags))
	var targets []int
	painting := false
	for k, t := range r.tags {
		pairs[k] = -1
		switch {
		case t == findTag:
			targets = append(targets, k)
			pairs[k] = styleFind
			if k == ps.cur {
				pairs[k] = styleFindCur
			}
		case t < 0 || t >= len(slot):
		case slot[t] >= 0:
			targets = append(targets, k)
			pairs[k] = stylePin + slot[t]
			if k == ps.cur {
				pairs[k] = styleCurrent + slot[t]
			}
		case ps.tint && st[styleTint+typeIndex(a.Entities[t].Type)].Open != "":
			pairs[k] = styleTint + typeIndex(a.Entities[t].Type)
		}
		painting = painting || pairs[k] >= 0
	}
	out := painted{lines: make([]string, len(r.lines)), targets: targets}
	if !painting {
		for i, l := range r.lines {
			out.lines[i] = highlight.Strip(l)
		}
		return out
	}
	// Apply across the whole text so a mention wrapped onto the next line
	// stays one pair; lines without markers are copied as they are.
	joined := highlight.Apply(strings.Join(r.lines, "\n"), st, pairs)
	copy(out.lines, strings.Split(joined, "\n"))
	return out
}
