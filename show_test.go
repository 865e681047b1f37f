package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// backgroundRuns reads SGR-coloured text and returns, for each background
// colour, the characters drawn on it (whitespace left out, so a mention that
// wraps across lines reads as one).
func backgroundRuns(t *testing.T, s string) map[string]string {
	t.Helper()
	out := map[string]*strings.Builder{}
	bg := ""
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			if i+1 >= len(s) || s[i+1] != '[' {
				t.Fatalf("escape sequence other than CSI at byte %d: %q", i, s[i:min(len(s), i+10)])
			}
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) {
				t.Fatalf("unterminated escape sequence at byte %d", i)
			}
			if s[j] == 'm' {
				bg = applySGR(bg, strings.Split(s[i+2:j], ";"))
			}
			i = j + 1
			continue
		}
		r := []rune(s[i:min(len(s), i+4)])[0]
		size := len(string(r))
		if bg != "" && !strings.ContainsRune(" \t\n", r) {
			if out[bg] == nil {
				out[bg] = &strings.Builder{}
			}
			out[bg].WriteRune(r)
		}
		i += size
	}
	res := map[string]string{}
	for k, v := range out {
		res[k] = v.String()
	}
	return res
}

// applySGR returns the background after one SGR sequence's parameters.
func applySGR(bg string, params []string) string {
	for k := 0; k < len(params); k++ {
		switch p := params[k]; p {
		case "", "0", "49":
			bg = ""
		case "38", "48":
			n := 2
			if k+1 < len(params) && params[k+1] == "2" {
				n = 4
			}
			if p == "48" {
				bg = strings.Join(params[k:min(len(params), k+n+1)], ";")
			}
			k += n
		}
	}
	return bg
}

func TestShowHighlightIsExact(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "seeds", "000_d27acffbcd5def62.txt")
	db := filepath.Join(t.TempDir(), "b.db")
	for _, width := range []string{"40", "80", "120"} {
		t.Run(width, func(t *testing.T) {
			out, stderr, code := byline(t, db, "show", seed, "--width", width, "--color", "always",
				"--highlight", "Xi Jinping", "--highlight", "vladimir putin")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			runs := backgroundRuns(t, out)
			if len(runs) != 2 {
				t.Fatalf("want two background colours (Xi, Putin), got %d: %q", len(runs), runs)
			}
			// 3 × "Xi Jinping" (title, caption, first paragraph) and 10 × "Xi".
			xi := strings.Repeat("XiJinping", 3) + strings.Repeat("Xi", 10)
			// 3 × "Vladimir Putin" and 11 × "Putin".
			putin := strings.Repeat("VladimirPutin", 3) + strings.Repeat("Putin", 11)
			got := map[string]bool{}
			for _, chars := range runs {
				got[chars] = true
			}
			if !got[xi] || !got[putin] {
				t.Errorf("highlighted characters per colour %q\nwant %q and %q", runs, xi, putin)
			}
		})
	}
}

func TestShowHighlightUnknownEntity(t *testing.T) {
	seed := filepath.Join(sharedDir(t), "seeds", "000_d27acffbcd5def62.txt")
	_, stderr, code := byline(t, filepath.Join(t.TempDir(), "b.db"), "show", seed, "--highlight", "Nobody Atall")
	if code != 1 || !strings.Contains(stderr, "Nobody Atall") {
		t.Errorf("exit %d, stderr %q: want 1 naming the entity", code, stderr)
	}
}
