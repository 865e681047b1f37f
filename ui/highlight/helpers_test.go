package highlight

import (
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	gstyles "charm.land/glamour/v2/styles"
	uv "github.com/charmbracelet/ultraviolet"
	xansi "github.com/charmbracelet/x/ansi"
)

// Colours no glamour style uses, so a cell with one of them as background
// was painted by Apply and by nothing else.
var (
	colourXi    = xansi.TrueColor(0x010203)
	colourPutin = xansi.TrueColor(0x040506)
)

// mentions finds the seed's mentions of Xi and Putin, whole words, longest
// first, with style 0 for Xi and 1 for Putin.
var mentions = regexp.MustCompile(`\b(?:Xi Jinping|Xi|Vladimir Putin|Putin)\b`)

func findRanges(text string) []Range {
	var rs []Range
	for _, m := range mentions.FindAllStringIndex(text, -1) {
		style := 0
		if strings.HasSuffix(text[m[0]:m[1]], "Putin") {
			style = 1
		}
		rs = append(rs, Range{Start: m[0], End: m[1], Style: style})
	}
	return rs
}

// seedBody reads the body paragraphs of the first seed article in place,
// skipping the test when the shared data is absent.
func seedBody(tb testing.TB) []string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the test directory, so no seed articles")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "seeds", "000_d27acffbcd5def62.txt")
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		tb.Skipf("seed article %s is absent (see ../shared/data README)", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
	var body []string
	for _, l := range lines[min(3, len(lines)):] {
		if strings.HasPrefix(l, "Publish :") {
			break
		}
		body = append(body, l)
	}
	var paras []string
	for _, p := range strings.Split(strings.Join(body, "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

// markAll marks every paragraph and collects the pairs' styles in order, as
// the reader does for a whole body.
func markAll(paras []string) (marked []string, pairs []int) {
	for _, p := range paras {
		rs := findRanges(p)
		m, order := Mark(p, rs)
		marked = append(marked, m)
		pairs = AppendStyles(pairs, rs, order)
	}
	return marked, pairs
}

// render renders Markdown with a glamour built-in style, wrapped to width.
func render(tb testing.TB, md string, width int, style ansi.StyleConfig) string {
	tb.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(width))
	if err != nil {
		tb.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func renderDark(tb testing.TB, md string, width int) string {
	tb.Helper()
	return render(tb, md, width, gstyles.DarkStyleConfig)
}

// twoStyles paints Xi and Putin in two colours.
var twoStyles = []Style{Background(colourXi), Background(colourPutin)}

// run is a stretch of painted cells on one line, read back from the output
// the way the terminal will draw it.
type run struct {
	text  string
	style int // index of the colour in the palette given to runs
	line  int
	first bool // starts at the first non-blank cell of its line
	last  bool // ends at the last non-blank cell of its line
}

// runs parses s into cells with ultraviolet (the cell reader Bubble Tea v2
// draws with) and returns every run of cells whose background is one of
// palette, or whose reverse attribute is set when palette is nil.
func runs(s string, palette []color.Color) []run {
	var out []run
	for y, line := range uv.NewStyledString(s).Lines(xansi.GraphemeWidth) {
		var cells []uv.Cell
		for _, c := range line {
			if c.Width > 0 || c.Content != "" {
				cells = append(cells, c)
			}
		}
		firstText, lastText := -1, -1
		for x, c := range cells {
			if strings.TrimSpace(c.Content) != "" {
				if firstText < 0 {
					firstText = x
				}
				lastText = x
			}
		}
		cur := -1 // index in out of the run being read, or -1
		for x, c := range cells {
			style := painted(c, palette)
			if style < 0 || cur >= 0 && out[cur].style != style {
				cur = -1
			}
			if style < 0 {
				continue
			}
			if cur < 0 {
				out = append(out, run{style: style, line: y, first: x == firstText})
				cur = len(out) - 1
			}
			out[cur].text += c.Content
			out[cur].last = x == lastText
		}
	}
	return out
}

// painted returns which palette colour paints cell c, or -1.
func painted(c uv.Cell, palette []color.Color) int {
	if palette == nil {
		if c.Style.Attrs&uv.AttrReverse != 0 {
			return 0
		}
		return -1
	}
	if c.Style.Bg == nil {
		return -1
	}
	r, g, b, _ := c.Style.Bg.RGBA()
	for i, p := range palette {
		pr, pg, pb, _ := p.RGBA()
		if r == pr && g == pg && b == pb {
			return i
		}
	}
	return -1
}

// spell joins runs that continue a range across a line break (a run ending
// a line followed by one starting the next, same style) with a space, the
// space glamour dropped at the wrap, and returns the texts and styles.
func spell(rs []run) (texts []string, styles []int) {
	for i, r := range rs {
		if i > 0 && rs[i-1].last && r.first && r.line == rs[i-1].line+1 && r.style == rs[i-1].style {
			texts[len(texts)-1] += " " + r.text
			continue
		}
		texts = append(texts, r.text)
		styles = append(styles, r.style)
	}
	return texts, styles
}

// checkEscapes fails unless every ESC in s starts a complete CSI or OSC
// sequence and no marker is left.
func checkEscapes(tb testing.TB, s string) {
	tb.Helper()
	if strings.Contains(s, Marker) {
		tb.Errorf("a marker is left in the output")
	}
	for i := 0; i < len(s); {
		seq, _, n, _ := xansi.DecodeSequence(s[i:], xansi.NormalState, nil)
		if n == 0 {
			n = 1
		}
		if seq != "" && seq[0] == xansi.ESC && !complete(seq) {
			tb.Errorf("broken escape sequence %q at byte %d", seq, i)
		}
		i += n
	}
}

var (
	csi = regexp.MustCompile(`^\x1b\[[0-?]*[ -/]*[@-~]$`)
	osc = regexp.MustCompile(`^\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)$`)
)

func complete(seq string) bool { return csi.MatchString(seq) || osc.MatchString(seq) }
