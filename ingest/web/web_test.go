package web

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// page is a made-up news page with the usual furniture around its article.
const page = `<!doctype html><html><head><meta charset="utf-8">
<title>Harbour council approves ferry timetable | Example News</title>
<meta property="og:title" content="Harbour council approves ferry timetable">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-05-06T18:30:00Z">
<link rel="canonical" href="https://news.example/2024/ferry">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour council approves ferry timetable</h1>
<figure><img src="/img/quay.jpg" alt="quay"><figcaption>The old quay at dawn. Photo: Example Agency</figcaption></figure>
<p>The harbour council voted on Monday to add two evening crossings to the island ferry, after a summer of long queues at the terminal and many complaints from islanders who work late shifts on the mainland.</p>
<p>Councillor Ana Ruiz said the change would "take the pressure off the last boat" and promised a review in spring, once the <a href="/reports/ferry-2024">ferry report</a> is published and the operator has counted passengers.</p>
<p>The operator said the extra crossings would need <a href="javascript:alert(1)">two more crews</a>, which it hopes to hire before the autumn timetable starts in September, and that fares would not rise this year.</p>
<p>Islanders welcomed the decision. &amp;#27;[31mOne resident said the late boat had been full every night since June, and that she had twice been left on the quay with her shopping.</p>
</article>
<footer><p>© Example News. All rights reserved. Contact us. Privacy policy. Cookie settings.</p></footer>
</body></html>`

// TestExtract checks the fields a reader sees of an extracted page.
func TestExtract(t *testing.T) {
	a, err := Extract("https://news.example/2024/ferry?utm=x", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour council approves ferry timetable" {
		t.Errorf("title %q", a.Title)
	}
	if a.Author != "Ana Ruiz" {
		t.Errorf("author %q", a.Author)
	}
	if !a.Published.Equal(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)) && !a.Published.Equal(time.Date(2024, 5, 6, 18, 30, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.Published)
	}
	if a.Caption != "The old quay at dawn. Photo: Example Agency" {
		t.Errorf("caption %q", a.Caption)
	}
	if a.URL != "https://news.example/2024/ferry" {
		t.Errorf("url %q", a.URL)
	}
	body := strings.Join(a.Paragraphs, "\n\n")
	for _, want := range []string{"evening crossings", "[ferry report](https://news.example/reports/ferry-2024)", "two more crews", "every night since June"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"javascript", "Home", "All rights reserved", "\x1b", "&#27;", "Harbour council approves"} {
		if strings.Contains(body, bad) {
			t.Errorf("body holds %q:\n%s", bad, body)
		}
	}
}

// TestExtractHostile checks hostile pages fail or come out clean, quickly.
func TestExtractHostile(t *testing.T) {
	deep := "<html><body><article>" + strings.Repeat("<div><ul><li>", 5000) + "deep text " + strings.Repeat("word ", 200) + "</article></body></html>"
	cases := map[string]string{
		"empty":     "",
		"no text":   "<html><body><img src=x></body></html>",
		"deep":      deep,
		"escapes":   "<html><head><title>\x1b]0;pwned\x07T&#27;[2J</title></head><body><article><p>" + strings.Repeat("Text &#x1b;[31m with &amp;#27; refs and \x1b[5m raw escapes. ", 30) + "</p></article></body></html>",
		"latin1":    "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>" + strings.Repeat("Caf\xe9 cr\xe8me and more words here. ", 30) + "</p></article></body></html>",
		"binaryish": strings.Repeat("\x00\x01\x02garbage", 1000),
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			done := make(chan struct{})
			go func() {
				defer close(done)
				a, err := Extract("", []byte(doc))
				if err != nil {
					if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "page: ") {
						t.Errorf("error %q", err)
					}
					return
				}
				all := a.Title + a.Author + a.Caption + strings.Join(a.Paragraphs, "\n")
				if strings.ContainsAny(all, "\x1b\x07\x00\x9b") || strings.Contains(all, "&#27;") || strings.Contains(all, "&#x1b;") {
					t.Errorf("control character or reference survived: %q", all)
				}
				if name == "latin1" && !strings.Contains(all, "Café crème") {
					t.Errorf("charset not decoded: %q", all[:min(len(all), 80)])
				}
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Extract hung")
			}
		})
	}
	if _, err := Extract("https://x.example/", []byte("<html><body></body></html>")); !errors.Is(err, ErrNoArticle) {
		t.Errorf("empty page: %v", err)
	}
}

// TestExtractFallbacks checks the date and URL read without help from the
// extractor, and that share bars and link lists leave the body.
func TestExtractFallbacks(t *testing.T) {
	prose := strings.Repeat("<p>The harbour council voted on Monday to add two evening crossings to the island ferry after a summer of long queues.</p>", 6)
	doc := `<html><head><title>Ferry</title><meta property="og:url" content="/2024/ferry"></head><body><article>
<time datetime="2024-05-06">6 May</time>
<div class="share-bar"><a href="/s">Share</a> on social media today and tell your friends</div>` + prose + `
<ul><li><a href="/a">More ferry news one</a></li><li><a href="/b">More ferry news two</a></li></ul>
</article></body></html>`
	a, err := Extract("https://news.example/x", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.Equal(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.Published)
	}
	if a.URL != "https://news.example/2024/ferry" {
		t.Errorf("url %q", a.URL)
	}
	body := strings.Join(a.Paragraphs, "\n\n")
	for _, bad := range []string{"Share", "More ferry news", "6 May"} {
		if strings.Contains(body, bad) {
			t.Errorf("body holds %q:\n%s", bad, body)
		}
	}
	for s, want := range map[string]time.Time{
		"2024-05-06T18:30:00+02:00":     time.Date(2024, 5, 6, 16, 30, 0, 0, time.UTC),
		"Mon, 06 May 2024 18:30:00 GMT": time.Date(2024, 5, 6, 18, 30, 0, 0, time.UTC),
		"0001-01-01":                    {},
		"yesterday":                     {},
	} {
		if got := parseDate(s); !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, want %v", s, got, want)
		}
	}
}
