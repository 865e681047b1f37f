package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/bylinehq/byline/model"
)

// TestParseMarkdown covers titles, blocks and front matter.
func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		body      []string
		published time.Time
		url       string
	}{
		{"ATX heading", "# Xi visits *Moscow*\n\nFirst para.\n\nSecond.", "Xi visits Moscow", []string{"First para.", "Second."}, time.Time{}, ""},
		{"ATX closing hashes", "## Title ##\n\nBody.", "Title", []string{"Body."}, time.Time{}, ""},
		{"setext heading", "Xi visits\nMoscow\n=====\n\nBody.", "Xi visits Moscow", []string{"Body."}, time.Time{}, ""},
		{"setext level two", "Title\n---\nBody.", "Title", []string{"Body."}, time.Time{}, ""},
		{"heading after intro keeps the intro", "Intro line.\n\n# Title\n\nBody.", "Title", []string{"Intro line.", "Body."}, time.Time{}, ""},
		{"heading inside a paragraph block", "Intro\n# Title\nBody", "Title", []string{"Intro", "Body"}, time.Time{}, ""},
		{"no heading: first line", "**Breaking:** Xi in Moscow\nmore text\n\nBody.", "Breaking: Xi in Moscow", []string{"more text", "Body."}, time.Time{}, ""},
		{"no heading, first line is a list item", "- Item one\n- Item two", "Item one", []string{"- Item two"}, time.Time{}, ""},
		{"hashtag is not a heading", "#hashtag news\n\nBody.", "#hashtag news", []string{"Body."}, time.Time{}, ""},
		{"title markup stripped", "# [Xi](http://x) `code` ![alt](i.png) &amp; \\*stars\\* <b>x</b>\n\nB.", "Xi code alt & *stars* x", []string{"B."}, time.Time{}, ""},
		{"heading in code is not a title", "```\n# not a title\n```\n\n# Real\n\nBody.", "Real", []string{"```\n# not a title\n```", "Body."}, time.Time{}, ""},
		{"fenced code with blank lines is one block", "# T\n\n~~~go\na := 1\n\nb := 2\n~~~\nafter", "T", []string{"~~~go\na := 1\n\nb := 2\n~~~", "after"}, time.Time{}, ""},
		{"unclosed fence runs to the end", "# T\n\n```\ncode\n\nmore", "T", []string{"```\ncode\n\nmore"}, time.Time{}, ""},
		{"only code", "```\nfmt.Println()\n```", "fmt.Println()", []string{"```\nfmt.Println()\n```"}, time.Time{}, ""},
		{"wrapped paragraph joins", "# T\n\nline one\nline two", "T", []string{"line one line two"}, time.Time{}, ""},
		{"lists and quotes keep lines", "# T\n\n- a\n- b\n\n> q1\n> q2", "T", []string{"- a\n- b", "> q1\n> q2"}, time.Time{}, ""},
		{"tables keep lines", "# T\n\na | b\n--|--\n1 | 2", "T", []string{"a | b\n--|--\n1 | 2"}, time.Time{}, ""},
		{"tabs expand to four columns", "# T\n\n-\tone\n\t-\ttwo", "T", []string{"-   one\n    -   two"}, time.Time{}, ""},
		{
			"YAML front matter", "---\ntitle: \"Xi: the visit\"\ndate: 2023-03-21 10:03:00\nauthor: Jane Roe\ntags:\n  - china\nurl: https://example.com/a\n---\n\nBody.",
			"Xi: the visit", []string{"Body."}, time.Date(2023, 3, 21, 10, 3, 0, 0, time.UTC), "https://example.com/a",
		},
		{
			"front matter title repeated as heading", "---\ntitle: Xi visits\n---\n# Xi visits\n\nBody.",
			"Xi visits", []string{"Body."}, time.Time{}, "",
		},
		{
			"TOML front matter", "+++\ntitle = 'Toml title'\ndate = 2023-03-21\n[extra]\nx = 1\n+++\n# Heading\n\nBody.",
			"Toml title", []string{"# Heading", "Body."}, time.Date(2023, 3, 21, 0, 0, 0, 0, time.UTC), "",
		},
		{
			"thematic break is not front matter", "---\nJust prose here.\n---\n\nBody.",
			"Just prose here.", []string{"---", "Body."}, time.Time{}, "",
		},
		{
			"unclosed front matter is text", "---\ntitle: x\n\n# Real\n\nBody.",
			"Real", []string{"---\ntitle: x", "Body."}, time.Time{}, "",
		},
		{"control character references removed", "# T\n\nA&#27;[31mB &#x9b; &#65; &#10;", "T", []string{"A[31mB  &#65; &#10;"}, time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustParse(t, "x.md", tt.in)
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if strings.Join(a.Paragraphs, "|") != strings.Join(tt.body, "|") {
				t.Errorf("paragraphs = %q, want %q", a.Paragraphs, tt.body)
			}
			if !a.Published.Equal(tt.published) || a.URL != tt.url {
				t.Errorf("published %v url %q, want %v %q", a.Published, a.URL, tt.published, tt.url)
			}
			if a.Format != model.FormatMarkdown {
				t.Errorf("format = %q", a.Format)
			}
		})
	}
}

// TestMarkdownExtensions checks the extension picks the format.
func TestMarkdownExtensions(t *testing.T) {
	for name, want := range map[string]model.Format{
		"a.md": model.FormatMarkdown, "b.MARKDOWN": model.FormatMarkdown, "c.txt": model.FormatText,
		"d": model.FormatText, "e.md.txt": model.FormatText,
	} {
		if a := mustParse(t, name, "# T\n\nB"); a.Format != want {
			t.Errorf("%s: format %q, want %q", name, a.Format, want)
		}
	}
}

// treeDepth is the depth of a goldmark document tree: what a renderer
// recurses through.
func treeDepth(n ast.Node) int {
	d := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d = max(d, treeDepth(c))
	}
	return d + 1
}

// TestHostileMarkdown checks that nesting and inline markup far beyond any
// real article come out as paragraphs a renderer can parse shallowly.
func TestHostileMarkdown(t *testing.T) {
	const n = 5000
	var indented strings.Builder
	for i := range 300 {
		indented.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	tests := map[string]string{
		"quotes":         strings.Repeat(">", n) + " deep",
		"spaced quotes":  strings.Repeat("> ", n) + "deep",
		"list markers":   strings.Repeat("- ", n) + "deep",
		"ordered":        strings.Repeat("1. ", n) + "deep",
		"mixed":          strings.Repeat("> * 2) ", n) + "deep",
		"indented lists": indented.String(),
		"star run":       strings.Repeat("*", n) + "x" + strings.Repeat("*", n),
		"nested emph":    strings.Repeat("*a _b ", n) + "x" + strings.Repeat(" b_ a*", n),
		"nested links":   strings.Repeat("[", n) + "x" + strings.Repeat("](u)", n),
		"nested images":  strings.Repeat("![", n) + "x" + strings.Repeat("](u)", n),
		"open links":     strings.Repeat("[a](", n),
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			a := mustParse(t, "evil.md", "# Evil\n\n"+body)
			if len(a.Paragraphs) == 0 {
				t.Fatal("body lost")
			}
			for i, p := range a.Paragraphs {
				doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(p)))
				if d := treeDepth(doc); d > 120 {
					t.Errorf("paragraph %d parses %d levels deep", i, d)
				}
			}
			if !strings.Contains(strings.Join(a.Paragraphs, ""), "deep") && strings.Contains(body, "deep") {
				t.Errorf("text lost: %.80q", a.Paragraphs[0])
			}
		})
	}
}

// TestOrdinaryMarkdownUntouched checks the caps leave real markup alone.
func TestOrdinaryMarkdownUntouched(t *testing.T) {
	body := "> > nested *quote* with [a link](http://x) and **bold**\n> - a list\n>   - nested"
	a := mustParse(t, "ok.md", "# T\n\n"+body)
	if len(a.Paragraphs) != 1 || a.Paragraphs[0] != body {
		t.Errorf("paragraphs = %q, want %q", a.Paragraphs, body)
	}
}
