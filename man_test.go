package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// byline man writes a roff page to stdout naming every command and flag,
// with the text as written (a % once came out as %!u(MISSING)).
func TestManPage(t *testing.T) {
	out, errs := mustRun(t, filepath.Join(t.TempDir(), "b.db"), 0, "man")
	if !strings.HasPrefix(out, ".TH BYLINE 1 ") || errs != "" {
		t.Fatalf("stdout starts %.60q, stderr %q", out, errs)
	}
	for _, want := range []string{".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS",
		`browser = "command %u"`, "(%s stands for it)", `\fB--timeout\fP`} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, c := range newRootCmd().Commands() {
		if !strings.Contains(out, `\fB`+c.Name()+`\fP`) {
			t.Errorf("the page does not list %s", c.Name())
		}
		for _, sub := range c.Commands() {
			if !strings.Contains(out, `\fB`+sub.Name()+`\fP`) {
				t.Errorf("the page does not list %s %s", c.Name(), sub.Name())
			}
		}
	}
	if strings.Contains(out, "%!") || strings.Contains(out, `\fB--h --help\fP`) {
		t.Error("the page holds a formatting mistake")
	}
}
