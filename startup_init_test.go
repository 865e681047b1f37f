package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestStartupSkipsHighlighterInit checks that starting byline initialises
// nothing of the code highlighter. glamour's code blocks import chroma; the
// real module spent some 20 ms registering lexers and styles at every
// start, so go.mod replaces it with internal/lighthl, whose packages do no
// work at init. The test binary links the same packages as byline, so it
// re-runs itself, running no test, with the runtime's init trace on: a
// package that does work at init is listed there. If the replace is lost,
// chroma's packages reappear in the list and this fails.
func TestStartupSkipsHighlighterInit(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	trace := string(out)
	if !strings.Contains(trace, "init charm.land/glamour/v2/ansi ") {
		t.Fatalf("no init trace of glamour's renderer, so the check below would prove nothing:\n%s", trace)
	}
	for _, l := range strings.Split(trace, "\n") {
		if strings.HasPrefix(l, "init github.com/alecthomas/chroma") {
			t.Errorf("the highlighter works at start-up: %s", l)
		}
		// glamour's HTML stripper: the real bluemonday and its CSS parser
		// compiled some forty regular expressions here (about 5 ms);
		// internal/htmlstrip stands in for it and does nothing at init.
		for _, p := range []string{"init github.com/microcosm-cc/bluemonday", "init github.com/gorilla/css", "init github.com/aymerick/douceur"} {
			if strings.HasPrefix(l, p) {
				t.Errorf("glamour's HTML stripper works at start-up: %s", l)
			}
		}
	}
}
