package ui

import "testing"

// O and y hand an article's URL to the browser or the clipboard: only a
// plain web address, or the file of a page beside a local feed, ever goes.
func TestSafeURL(t *testing.T) {
	for in, ok := range map[string]bool{
		"https://news.example/a?b=1":           true,
		"http://news.example/":                 true,
		"file:///home/ann/news/pages/a.html":   true,
		"":                                     false,
		"https://":                             false,
		"javascript:alert(1)":                  false,
		"file://host/share/a.html":             false,
		"https://news.example/\x1b]52;c;x\x07": false,
		"https://news.example/\u009b31m":       false,
		"ftp://news.example/a":                 false,
	} {
		got, err := safeURL(in)
		if (err == nil) != ok {
			t.Errorf("safeURL(%q) = %q, %v; want ok %v", in, got, err, ok)
		}
	}
}
