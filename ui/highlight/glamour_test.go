package highlight

import (
	"image/color"
	"regexp"
	"slices"
	"strings"
	"testing"

	gstyles "charm.land/glamour/v2/styles"
	uv "github.com/charmbracelet/ultraviolet"
	xansi "github.com/charmbracelet/x/ansi"
)

var palette = []color.Color{colourXi, colourPutin}

// TestSeedExactAtWidths renders the seed article's body through glamour with
// every mention of Xi and Putin pinned, and reads the result back cell by
// cell: exactly the mentions are painted, in order, in their entity's colour,
// and the text, wrapping and widths are glamour's own. Widths 35 and 60 are
// among those where a two-word mention wraps.
func TestSeedExactAtWidths(t *testing.T) {
	paras := seedBody(t)
	if len(paras) != 28 {
		t.Fatalf("seed body has %d paragraphs, want 28", len(paras))
	}
	marked, pairs := markAll(paras)
	var wantTexts []string
	var wantStyles []int
	for _, p := range paras {
		for _, r := range findRanges(p) {
			wantTexts = append(wantTexts, p[r.Start:r.End])
			wantStyles = append(wantStyles, r.Style)
		}
	}

	wrapped := 0
	for _, width := range []int{35, 40, 60, 80, 120} {
		plain := renderDark(t, strings.Join(paras, "\n\n"), width)
		raw := renderDark(t, strings.Join(marked, "\n\n"), width)
		if Strip(raw) != plain {
			t.Fatalf("width %d: markers changed glamour's output", width)
		}
		out := Apply(raw, twoStyles, pairs)

		rs := runs(out, palette)
		texts, styles := spell(rs)
		if !slices.Equal(texts, wantTexts) || !slices.Equal(styles, wantStyles) {
			t.Errorf("width %d: painted\n%q %v\nwant\n%q %v", width, texts, styles, wantTexts, wantStyles)
		}
		for _, r := range rs {
			if r.text != strings.TrimSpace(r.text) {
				t.Errorf("width %d: painted whitespace at the edge of %q", width, r.text)
			}
		}
		wrapped += len(rs) - len(texts)

		if got, want := xansi.Strip(out), xansi.Strip(plain); got != want {
			t.Errorf("width %d: text or line breaks changed:\n%s\nwant\n%s", width, got, want)
		}
		for i, l := range strings.Split(out, "\n") {
			if w := xansi.StringWidth(l); w > width {
				t.Errorf("width %d: line %d is %d wide", width, i, w)
			}
		}
		checkEscapes(t, out)
	}
	if wrapped == 0 {
		t.Error("no mention wrapped at any width; the widths prove less than they should")
	}
}

// TestWrappedMention: a mention that wraps is painted at the end of one
// line and the start of the next, and the indentation and the end of line
// between the two parts stay plain.
func TestWrappedMention(t *testing.T) {
	text := "Russian President Vladimir Putin and Chinese President Xi Jinping met in Moscow on Monday evening."
	rs := findRanges(text)
	marked, order := Mark(text, rs)
	pairs := AppendStyles(nil, rs, order)
	want := []string{"Vladimir Putin", "Xi Jinping"}
	wraps := 0
	for width := 16; width <= 60; width++ {
		out := Apply(renderDark(t, marked, width), twoStyles, pairs)
		got := runs(out, palette)
		texts, _ := spell(got)
		if !slices.Equal(texts, want) {
			t.Errorf("width %d: painted %q, want %q", width, texts, want)
		}
		for i := 1; i < len(got); i++ {
			if got[i-1].text == "Vladimir" && got[i].text == "Putin" {
				if !got[i-1].last || !got[i].first || got[i].line != got[i-1].line+1 {
					t.Errorf("width %d: wrapped mention painted as %+v %+v", width, got[i-1], got[i])
				}
				wraps++
			}
		}
		checkEscapes(t, out)
	}
	if wraps == 0 {
		t.Fatal("no width wrapped Vladimir Putin; the test proves nothing")
	}
}

// TestTwoEntitiesTwoColours: mentions of two entities are opened with two
// different sequences, each in its own colour.
func TestTwoEntitiesTwoColours(t *testing.T) {
	text := "Xi met Putin, then Putin thanked Xi."
	rs := findRanges(text)
	marked, order := Mark(text, rs)
	out := Apply(renderDark(t, marked, 80), twoStyles, AppendStyles(nil, rs, order))
	if twoStyles[0].Open == twoStyles[1].Open {
		t.Fatal("the two styles open alike")
	}
	if strings.Count(out, twoStyles[0].Open) != 2 || strings.Count(out, twoStyles[1].Open) != 2 {
		t.Errorf("want each colour opened twice: %q", out)
	}
	texts, styles := spell(runs(out, palette))
	if !slices.Equal(texts, []string{"Xi", "Putin", "Putin", "Xi"}) || !slices.Equal(styles, []int{0, 1, 1, 0}) {
		t.Errorf("painted %q %v", texts, styles)
	}
}

// TestUnicodeNeighbours: wide CJK characters and emoji next to or inside a
// range are painted exactly as far as the range goes, at every width.
func TestUnicodeNeighbours(t *testing.T) {
	text := "北京Xi🚀 visited 北京市 and Xi👍🏽 waved, café Xi\u0301 too."
	var rs []Range
	for _, sub := range []string{"Xi", "北京市", "Xi👍🏽", "Xi\u0301"} {
		i := strings.Index(text, sub)
		if sub == "Xi👍🏽" || sub == "Xi\u0301" {
			i = strings.LastIndex(text, sub)
		}
		rs = append(rs, Range{Start: i, End: i + len(sub)})
	}
	marked, order := Mark(text, rs)
	pairs := AppendStyles(nil, rs, order)
	want := []string{"Xi", "北京市", "Xi👍🏽", "Xi\u0301"}
	for _, width := range []int{12, 20, 30, 80} {
		raw := renderDark(t, marked, width)
		out := Apply(raw, twoStyles, pairs)
		texts, _ := spell(runs(out, palette))
		if !slices.Equal(texts, want) {
			t.Errorf("width %d: painted %q, want %q", width, texts, want)
		}
		if xansi.Strip(out) != xansi.Strip(renderDark(t, text, width)) {
			t.Errorf("width %d: text changed", width)
		}
		for _, l := range strings.Split(out, "\n") {
			if xansi.StringWidth(l) > width {
				t.Errorf("width %d: line %q too wide", width, xansi.Strip(l))
			}
		}
		checkEscapes(t, out)
	}
}

// TestMarkdownParagraph: ranges inside emphasis, link text, a bare URL and
// a link's target in a Markdown paragraph are painted, glamour's emphasis and
// links still render, and the hyperlink's target is left intact.
func TestMarkdownParagraph(t *testing.T) {
	text := "Leader **Xi Jinping** met [Xi](http://x) and **Xi** again; see [the file](http://x/Putin) or http://y/Putin. *Vladimir* Putin"
	rs := findRanges(text)
	// A range across emphasis: glamour resets after "Vladimir" and the
	// highlight must be re-opened for " Putin".
	i := strings.Index(text, "*Vladimir* Putin")
	rs = append(rs[:len(rs)-1], Range{Start: i, End: len(text), Style: 1})
	marked, order := Mark(text, rs)
	raw := renderDark(t, marked, 60)
	out := Apply(raw, twoStyles, AppendStyles(nil, rs, order))

	texts, _ := spell(runs(out, palette))
	want := []string{"Xi Jinping", "Xi", "Xi", "Putin", "Putin", "Vladimir Putin"}
	if !slices.Equal(texts, want) {
		t.Errorf("painted %q, want %q", texts, want)
	}
	if !strings.Contains(out, ";http://x/Putin\a") {
		t.Errorf("hyperlink target lost its text: %q", out)
	}
	plain := renderDark(t, text, 60)
	if xansi.Strip(out) != xansi.Strip(plain) {
		t.Errorf("text changed:\n%s\nwant\n%s", xansi.Strip(out), xansi.Strip(plain))
	}
	// Bold survives inside the highlight: glamour's sequence comes first,
	// the highlight is re-opened after it.
	for _, line := range uv.NewStyledString(out).Lines(xansi.GraphemeWidth) {
		for _, c := range line {
			if c.Content == "J" && c.Style.Attrs&uv.AttrBold == 0 {
				t.Errorf("the J of a bold Xi Jinping lost its bold")
			}
		}
	}
	checkEscapes(t, out)
}

// TestCodeSpanKeepsItsBackground: after a painted run inside a code span,
// the rest of the span gets glamour's background back, not the default.
func TestCodeSpanKeepsItsBackground(t *testing.T) {
	text := "see `call Xi now` here"
	i := strings.Index(text, "Xi")
	marked, order := Mark(text, []Range{{Start: i, End: i + 2}})
	out := Apply(renderDark(t, marked, 40), twoStyles, AppendStyles(nil, []Range{{}}, order))
	var code color.Color
	for _, line := range uv.NewStyledString(out).Lines(xansi.GraphemeWidth) {
		for _, c := range line {
			switch c.Content {
			case "c":
				if code == nil {
					code = c.Style.Bg
				}
			case "w":
				if code == nil || c.Style.Bg == nil || painted(c, []color.Color{code}) != 0 {
					t.Errorf("after the highlight the code span's background is %v, want %v", c.Style.Bg, code)
				}
			}
		}
	}
	if code == nil {
		t.Fatal("glamour's code span has no background; the test proves nothing")
	}
	if texts, _ := spell(runs(out, palette)); !slices.Equal(texts, []string{"Xi"}) {
		t.Errorf("painted %q", texts)
	}
}

// TestNoColourIsReverseVideo: with glamour's no-terminal style and the
// reverse-video highlight, the only sequences are reverse on and off, and a
// wrapped mention is reversed on both lines but not across the line break.
func TestNoColourIsReverseVideo(t *testing.T) {
	text := "Russian President Vladimir Putin welcomed Xi Jinping; Putin spoke first."
	rs := findRanges(text)
	marked, order := Mark(text, rs)
	pairs := make([]int, len(order)) // every pair in style 0
	sgr := regexp.MustCompile(`\x1b[^a-zA-Z]*[a-zA-Z]`)
	wraps := 0
	for width := 16; width <= 40; width += 2 {
		out := Apply(render(t, marked, width, gstyles.NoTTYStyleConfig), []Style{Reverse()}, pairs)
		for _, seq := range sgr.FindAllString(out, -1) {
			if seq != "\x1b[7m" && seq != "\x1b[27m" {
				t.Errorf("width %d: sequence %q besides reverse video", width, seq)
			}
		}
		got := runs(out, nil)
		texts, _ := spell(got)
		if want := []string{"Vladimir Putin", "Xi Jinping", "Putin"}; !slices.Equal(texts, want) {
			t.Errorf("width %d: reversed %q, want %q", width, texts, want)
		}
		wraps += len(got) - len(texts)
	}
	if wraps == 0 {
		t.Error("no mention wrapped; the test proves less than it should")
	}
}

// TestContentCannotForgeMarkers: word joiners in an article's text are not
// highlights, and do not shift the offsets of real ranges.
func TestContentCannotForgeMarkers(t *testing.T) {
	text := "a \u2060Xi\u2060 b \u2060\u2060 and \u2060Putin"
	i := strings.Index(text, "Putin")
	for _, tc := range []struct {
		ranges []Range
		want   []string
	}{
		{nil, nil},
		{[]Range{{Start: i, End: i + len("Putin"), Style: 1}}, []string{"Putin"}},
	} {
		marked, order := Mark(text, tc.ranges)
		out := Apply(renderDark(t, marked, 40), twoStyles, AppendStyles(nil, tc.ranges, order))
		if texts, _ := spell(runs(out, palette)); !slices.Equal(texts, tc.want) {
			t.Errorf("ranges %v: painted %q, want %q", tc.ranges, texts, tc.want)
		}
		checkEscapes(t, out)
	}
}

// TestUnpaintedPairsLeaveGlamoursOutput: pairs without a style (a mention
// marked but not pinned) only lose their markers.
func TestUnpaintedPairsLeaveGlamoursOutput(t *testing.T) {
	paras := seedBody(t)
	marked, pairs := markAll(paras)
	for i := range pairs {
		pairs[i] = -1
	}
	raw := renderDark(t, strings.Join(marked, "\n\n"), 80)
	if out := Apply(raw, twoStyles, pairs); out != Strip(raw) {
		t.Error("unpainted pairs changed the output")
	}
	if out := Apply(raw, twoStyles, nil); out != Strip(raw) {
		t.Error("missing pairs changed the output")
	}
}
