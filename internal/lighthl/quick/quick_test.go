package quick

import (
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

func register(t *testing.T) {
	t.Helper()
	styles.Register(chroma.MustNewStyle("test", chroma.StyleEntries{
		chroma.Text:          "#c4c4c4",
		chroma.Keyword:       "#00aaff bold",
		chroma.LiteralString: "#ff0000 italic underline",
		chroma.Error:         "#ffffff bg:#ff0000",
		chroma.Background:    "bg:#373737",
	}))
}

func TestHighlight(t *testing.T) {
	register(t)
	var b strings.Builder
	if err := Highlight(&b, "if x { s = \"y\" }\n", "go", "terminal16m", "test"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"\x1b[1;38;2;0;170;255mif\x1b[0m", "\x1b[3;4;38;2;255;0;0m\"y\"\x1b[0m"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in %q", want, out)
		}
	}
	if strings.Contains(out, "48;2;55;55;55") {
		t.Errorf("the block background is painted: %q", out)
	}
	b.Reset()
	if err := Highlight(&b, "if x\n", "go", "terminal256", "test"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[1;38;5;39mif") {
		t.Errorf("256 colours: %q", b.String())
	}
	b.Reset()
	if err := Highlight(&b, "if x\n", "go", "html", "test"); err != nil || b.String() != "if x\n" {
		t.Errorf("other formatter: %q, %v", b.String(), err)
	}
	if err := Highlight(&b, "x", "go", "terminal256", "no-such-style"); err == nil {
		t.Error("an unknown style is not an error")
	}
}

func TestIndex256(t *testing.T) {
	for c, want := range map[chroma.Colour]int{
		chroma.NewColour(0, 0, 0): 16, chroma.NewColour(255, 255, 255): 231, chroma.NewColour(255, 0, 0): 196,
		chroma.NewColour(0x80, 0x80, 0x80): 244, chroma.NewColour(0x00, 0xaa, 0xff): 39,
	} {
		if got := index256(c); got != want {
			t.Errorf("index256(%06x) = %d, want %d", uint32(c)&0xffffff, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain": "plain", "a\x1b[31mb": "a[31mb", "\u009b2J\x9b": "2J\ufffd", "a\tb": "a\tb",
		"x\x07\x00\x7f\r": "x", "\u202eevil": "evil", "é東": "é東",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStyleEntries(t *testing.T) {
	if _, err := chroma.NewStyle("bad", chroma.StyleEntries{chroma.Text: "#12345g"}); err == nil {
		t.Error("a bad colour is accepted")
	}
	s := chroma.MustNewStyle("s", chroma.StyleEntries{chroma.Keyword: "#fff bold", chroma.KeywordType: "nobold"})
	if e := s.Get(chroma.KeywordType); e.Colour != chroma.NewColour(255, 255, 255) || e.Bold != chroma.No {
		t.Errorf("KeywordType does not inherit from Keyword: %+v", e)
	}
}

// ownSGR is the only escape sequence Highlight writes.
var ownSGR = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func FuzzHighlightNoControls(f *testing.F) {
	f.Add("go", "s := \"\x1b[5m\" // \x1b]52;c;x\x07 \u009b2J \x9b")
	f.Add("", "\x1b[1;31mred\x1b[0m\r\x7f\u202e")
	f.Fuzz(func(t *testing.T, lang, src string) {
		register(t)
		var b strings.Builder
		if err := Highlight(&b, src, lang, "terminal256", "test"); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, sgr := range ownSGR.FindAllString(out, -1) {
			if !strings.Contains(sgr, "38;5;") && !strings.Contains(sgr, "48;5;") && sgr != "\x1b[0m" {
				t.Fatalf("an SGR not of the style's making: %q in %q", sgr, out)
			}
		}
		for _, r := range ownSGR.ReplaceAllString(out, "") {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Fatalf("control %U in %q", r, out)
			}
		}
	})
}
