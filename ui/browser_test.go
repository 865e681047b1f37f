package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/bylinehq/byline/model"
)

func TestBrowserCommands(t *testing.T) {
	const u = "https://example.org/a?b=c&d=e"
	argvs := func(cmds []browserCommand) [][]string {
		var out [][]string
		for _, c := range cmds {
			out = append(out, c.argv)
		}
		return out
	}
	for _, tc := range []struct {
		name, configured, env, goos string
		want                        [][]string
	}{
		{"platform only", "", "", "linux", [][]string{{"xdg-open", u}, {"sensible-browser", u}}},
		{"macOS", "", "", "darwin", [][]string{{"open", u}}},
		{"config with %u", "firefox --new-tab %u", "", "linux",
			[][]string{{"firefox", "--new-tab", u}, {"xdg-open", u}, {"sensible-browser", u}}},
		{"config without %u", "  chromium  ", "", "darwin", [][]string{{"chromium", u}, {"open", u}}},
		{"config with %u inside a word", "browse --url=%u --new", "", "darwin", [][]string{{"browse", "--url=" + u, "--new"}, {"open", u}}},
		{"$BROWSER list after config", "mine %u", "lynx -dump %s:w3m", "darwin",
			[][]string{{"mine", u}, {"lynx", "-dump", u}, {"w3m", u}, {"open", u}}},
	} {
		got := argvs(browserCommands(tc.configured, tc.env, tc.goos, u))
		if !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// script writes an executable shell script into dir.
func script(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// When nothing opens the URL, the message names every command tried and
// why each failed; the first that works opens it, with the URL as one
// argument.
func TestOpenWith(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts")
	}
	dir := t.TempDir()
	failing := script(t, dir, "no-display", "exit 3")
	out := filepath.Join(dir, "opened")
	working := script(t, dir, "good-browser", `printf '%s\n' "$@" > `+out)
	const u = "https://example.org/a b"

	err := openWith([]browserCommand{
		{from: "config", argv: []string{filepath.Join(dir, "missing"), u}},
		{from: "$BROWSER", argv: []string{failing, u}},
		{argv: []string{"byline-no-such-opener", u}},
	}, 5*time.Second)
	want := "tried missing (config): not found; no-display ($BROWSER): exit status 3; byline-no-such-opener: not found"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}

	err = openWith([]browserCommand{
		{argv: []string{failing, u}},
		{argv: []string{working, "--new-tab", u}},
		{argv: []string{failing, u}},
	}, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if string(got) != "--new-tab\n"+u+"\n" {
		t.Errorf("the browser got %q", got)
	}
}

// A browser that stays open counts as opened once it has not failed for a
// while; byline does not wait for it to close.
func TestOpenWithBrowserThatStaysOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts")
	}
	staying := script(t, t.TempDir(), "stays", "sleep 5")
	start := time.Now()
	if err := openWith([]browserCommand{{argv: []string{staying, "u"}}}, 100*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("waited %s for a browser that stays open", d)
	}
}

// O opens the article's page through the same browser hook as the links
// list, with the configured browser; an article without a web URL opens
// nothing and says why.
func TestOpenArticlePage(t *testing.T) {
	withURL := model.Article{Title: "Ferry vote tonight", Published: day(21), Source: "x", Format: model.FormatText,
		URL: "https://news.example/ferry-vote", Paragraphs: []string{"The council votes tonight."}}
	without := model.Article{Title: "Quiet harbour", Published: day(20), Source: "y", Format: model.FormatText,
		Paragraphs: []string{"Nothing happened."}}
	m := newModel(t, openStore(t, []model.Article{withURL, without}), 120, 30, Options{Browser: "firefox %u"})
	var opened []string
	m.open = func(browser, u string) tea.Cmd {
		opened = append(opened, browser+" "+u)
		return nil
	}
	press(t, m, "O")
	if len(opened) != 1 || opened[0] != "firefox %u https://news.example/ferry-vote" {
		t.Fatalf("O opened %q", opened)
	}
	press(t, m, "j")
	press(t, m, "O")
	if len(opened) != 1 || !strings.Contains(status(m), "this article has no") {
		t.Errorf("O without a URL: opened %q, status %q", opened, status(m))
	}
}
