package highlight

import (
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	xansi "github.com/charmbracelet/x/ansi"
)

// M makes the tables below readable: "|" stands for a marker.
func M(s string) string { return strings.ReplaceAll(s, "|", Marker) }

func TestMark(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      string
		ranges    []Range
		want      string
		wantOrder []int
	}{
		{"none", "Xi met Putin", nil, "Xi met Putin", []int{}},
		{"sorted by start", "Xi met Putin", []Range{{7, 12, 1}, {0, 2, 0}}, "|Xi| met |Putin|", []int{1, 0}},
		{"adjacent", "XiPutin", []Range{{0, 2, 0}, {2, 7, 1}}, "|Xi||Putin|", []int{0, 1}},
		{"inner dropped", "Xi Jinping", []Range{{0, 2, 0}, {0, 10, 1}}, "|Xi Jinping|", []int{1}},
		{"contained dropped", "Xi Jinping", []Range{{0, 10, 0}, {3, 10, 1}}, "|Xi Jinping|", []int{0}},
		{"overlap cut", "Vladimir Putin", []Range{{0, 10, 0}, {9, 14, 1}}, "|Vladimir P||utin|", []int{0, 1}},
		{"equal ranges keep the first", "Xi", []Range{{0, 2, 1}, {0, 2, 0}}, "|Xi|", []int{0}},
		{"clamped", "Xi", []Range{{-3, 99, 0}}, "|Xi|", []int{0}},
		{"empty and inverted dropped", "Xi", []Range{{1, 1, 0}, {2, 0, 0}}, "Xi", []int{}},
		{"widened to whole characters", "北京", []Range{{1, 4, 0}}, "|北京|", []int{0}},
		{"markers in content removed", "|a| Xi |", []Range{{len(M("|a| ")), len(M("|a| Xi")), 0}}, "a |Xi| ", []int{0}},
		{"range of only a content marker", "a|b", []Range{{1, 4, 0}}, "a||b", []int{0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, order := Mark(M(tc.text), tc.ranges)
			if got != M(tc.want) || !slices.Equal(order, tc.wantOrder) {
				t.Errorf("Mark = %q %v, want %q %v", got, order, M(tc.want), tc.wantOrder)
			}
		})
	}
}

func TestStripAndAppendStyles(t *testing.T) {
	if got := Strip(M("|a|b|")); got != "ab" {
		t.Errorf("Strip = %q", got)
	}
	rs := []Range{{Style: 3}, {Style: 5}}
	if got := AppendStyles([]int{1}, rs, []int{1, 0}); !slices.Equal(got, []int{1, 5, 3}) {
		t.Errorf("AppendStyles = %v", got)
	}
}

// TestApply pins down exactly what Apply writes, with "<" and ">" for the
// style's open and close sequences.
func TestApply(t *testing.T) {
	st := []Style{{Open: "<", Close: ">"}, {Open: "{", Close: "}"}}
	const (
		bold  = "\x1b[1m"
		ital  = "\x1b[3m"
		reset = "\x1b[m"
	)
	for _, tc := range []struct {
		name, in string
		pairs    []int
		want     string
	}{
		{"one range", "x |Xi| y", []int{0}, "x <Xi> y"},
		{"inner space painted", "|Vladimir Putin|", []int{0}, "<Vladimir Putin>"},
		{"edge spaces plain", "| Xi |.", []int{0}, " <Xi> ."},
		{"wrapped: padding, indentation plain", "|Vladimir  \n  Putin| x", []int{0}, "<Vladimir>  \n  <Putin> x"},
		{"closed at each line end", "|A\nB|", []int{0}, "<A>\n<B>"},
		{"re-opened after a reset", "|A" + reset + "B|", []int{0}, "<A" + reset + "<B>"},
		{"re-opened after an SGR, pen restored", bold + "|A" + ital + "B|C", []int{0}, bold + "<A" + ital + "<B>" + bold + ital + "C"},
		{"space before an SGR held", "|A " + bold + "B|", []int{0}, "<A " + bold + "<B>" + bold},
		{"black is not a reset", bold + "\x1b[38;5;0m|A|", []int{0}, bold + "\x1b[38;5;0m<A>" + bold + "\x1b[38;5;0m"},
		{"a reset inside an SGR drops the pen before it", bold + "\x1b[0;3m|A|", []int{0}, bold + "\x1b[0;3m<A>\x1b[0;3m"},
		{"two styles", "|a| |b|", []int{1, 0}, "{a} <b>"},
		{"unpainted pairs", "|a| |b| |c|", []int{-1, 7}, "a b c"},
		{"wide and emoji", "北|京Xi🚀|x", []int{0}, "北<京Xi🚀>x"},
		{"combining mark on a space", "| \u0301x|", []int{0}, "< \u0301x>"},
		{"marker in a hyperlink", "\x1b]8;;http://x/|P|\x07|P|\x1b]8;;\x07", []int{0}, "\x1b]8;;http://x/P\x07<P>\x1b]8;;\x07"},
		{"pen read back from the last reset", bold + "x" + reset + ital + " |A| y", []int{0}, bold + "x" + reset + ital + " <A>" + ital + " y"},
		{"hyperlink inside a painted pair", "|A \x1b]8;;u|x|\x07B|", []int{0}, "<A \x1b]8;;ux\x07B>"},
		{"no markers", "plain " + bold + "text", nil, "plain " + bold + "text"},
		{"unclosed pair ends with the text", "a |b c", []int{0}, "a <b c>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Apply(M(tc.in), st, tc.pairs); got != tc.want {
				t.Errorf("Apply(%q) =\n%q\nwant\n%q", M(tc.in), got, tc.want)
			}
		})
	}
}

// TestApplyTitleLine: the reader draws the title with ansi.Wrap and a
// lipgloss style per line, not glamour; marking first works there too.
func TestApplyTitleLine(t *testing.T) {
	title := "Vladimir Putin welcomes ‘dear friend’ Chinese leader Xi Jinping to Moscow"
	rs := findRanges(title)
	marked, order := Mark(title, rs)
	style := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#ffaa00"))
	draw := func(text string, width int) string {
		var lines []string
		for _, l := range strings.Split(xansi.Wrap(text, width, ""), "\n") {
			lines = append(lines, " "+style.Render(l))
		}
		return strings.Join(lines, "\n")
	}
	wraps := 0
	for width := 12; width <= 80; width++ {
		out := Apply(draw(marked, width), twoStyles, AppendStyles(nil, rs, order))
		got := runs(out, palette)
		texts, _ := spell(got)
		if want := []string{"Vladimir Putin", "Xi Jinping"}; !slices.Equal(texts, want) {
			t.Errorf("width %d: painted %q, want %q", width, texts, want)
		}
		wraps += len(got) - len(texts)
		if xansi.Strip(out) != xansi.Strip(draw(title, width)) {
			t.Errorf("width %d: text changed", width)
		}
		for _, l := range strings.Split(out, "\n") {
			if xansi.StringWidth(l) > width+1 {
				t.Errorf("width %d: line %q too wide", width, xansi.Strip(l))
			}
		}
		checkEscapes(t, out)
	}
	if wraps == 0 {
		t.Error("no mention wrapped; the test proves less than it should")
	}
}

func TestStyles(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  Style
		want Style
	}{
		{"truecolor", Background(lipgloss.Color("#ff8800")), Style{"\x1b[48;2;255;136;0m", "\x1b[49m"}},
		{"256", Background(xansi.IndexedColor(57)), Style{"\x1b[48;5;57m", "\x1b[49m"}},
		{"16", Background(xansi.BasicColor(3)), Style{"\x1b[43m", "\x1b[49m"}},
		{"no colour", Background(nil), Style{"\x1b[7m", "\x1b[27m"}},
		{"reverse", Reverse(), Style{"\x1b[7m", "\x1b[27m"}},
		{"profile 256", ForProfile(lipgloss.Color("#ff8800"), colorprofile.ANSI256), Style{"\x1b[48;5;208m", "\x1b[49m"}},
		{"profile 16", ForProfile(lipgloss.Color("#ff8800"), colorprofile.ANSI), Style{"\x1b[101m", "\x1b[49m"}},
		{"profile NO_COLOR", ForProfile(lipgloss.Color("#ff8800"), colorprofile.ASCII), Reverse()},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
