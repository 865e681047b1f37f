package web

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func day0(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestParseDate reads the machine forms pages put in metadata.
func TestParseDate(t *testing.T) {
	for s, want := range map[string]time.Time{
		"2024-05-06T18:30:00+02:00":       time.Date(2024, 5, 6, 16, 30, 0, 0, time.UTC),
		"2024-05-06T18:30:00.123Z":        time.Date(2024, 5, 6, 18, 30, 0, 123e6, time.UTC),
		"2021-11-01T10:52:50+0100":        time.Date(2021, 11, 1, 9, 52, 50, 0, time.UTC),
		"2018-04-05T06:00":                time.Date(2018, 4, 5, 6, 0, 0, 0, time.UTC),
		"2017-11-03 03:01:00.000000":      time.Date(2017, 11, 3, 3, 1, 0, 0, time.UTC),
		"2019-11-19 10:00:00 +0000":       time.Date(2019, 11, 19, 10, 0, 0, 0, time.UTC),
		"2024-06-25":                      day0(2024, 6, 25),
		"20240625":                        day0(2024, 6, 25),
		"2024/06/25":                      day0(2024, 6, 25),
		"2024-06-25T10:00:00 EDT garbage": day0(2024, 6, 25),
		"Mon, 06 May 2024 18:30:00 GMT":   time.Date(2024, 5, 6, 18, 30, 0, 0, time.UTC),
		"Mon, 6 May 2024 18:30:00 +0200":  time.Date(2024, 5, 6, 16, 30, 0, 0, time.UTC),
		"1574157600":                      time.Date(2019, 11, 19, 10, 0, 0, 0, time.UTC),
		"1574157600000":                   time.Date(2019, 11, 19, 10, 0, 0, 0, time.UTC),
		"December 3, 2024":                day0(2024, 12, 3),
		"0001-01-01":                      {}, // placeholder
		"1970-01-01T00:00:00Z":            {}, // before 1995
		"2999-01-01":                      {}, // future
		"yesterday":                       {},
		"":                                {},
	} {
		if got := parseDate(s); !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, want %v", s, got, want)
		}
	}
	if got := parseDate(time.Now().Add(2 * time.Hour).Format(time.RFC3339)); got.IsZero() {
		t.Error("a date two hours ahead (a clock or zone slip) was rejected")
	}
	if got := parseDate(time.Now().Add(72 * time.Hour).Format(time.RFC3339)); !got.IsZero() {
		t.Error("a date three days ahead was accepted")
	}
}

// TestParseTextDate reads the dates people see in bylines, in the languages
// news is written in.
func TestParseTextDate(t *testing.T) {
	for _, c := range []struct {
		in       string
		dayFirst bool
		want     time.Time
	}{
		{"3 December 2026", true, day0(2026, 12, 3)},
		{"Published 3rd of December 2026, 10:04", true, day0(2026, 12, 3)},
		{"December 3, 2026", false, day0(2026, 12, 3)},
		{"Updated Dec. 3, 2026 at 5:01 p.m. ET", false, day0(2026, 12, 3)},
		{"Tuesday, Nov 19th 2019", false, day0(2019, 11, 19)},
		{"03.12.2026", true, day0(2026, 12, 3)},
		{"03.12.2026", false, day0(2026, 12, 3)}, // dots are day first everywhere
		{"12/03/2026", false, day0(2026, 12, 3)},
		{"03/12/2026", true, day0(2026, 12, 3)},
		{"25/12/2026", false, day0(2026, 12, 25)}, // 25 cannot be a month
		{"2026-12-03", true, day0(2026, 12, 3)},
		{"2026/12/03 14:00", true, day0(2026, 12, 3)},
		{"3. Dezember 2026", true, day0(2026, 12, 3)},
		{"Veröffentlicht am 14. März 2025, 09:12 Uhr", true, day0(2025, 3, 14)},
		{"3 décembre 2026", true, day0(2026, 12, 3)},
		{"Publié le 1er février 2026 à 08h00", true, day0(2026, 2, 1)},
		{"Le 15 août 2024", true, day0(2024, 8, 15)},
		{"3 de diciembre de 2026", true, day0(2026, 12, 3)},
		{"Madrid, 7 de enero del 2025", true, day0(2025, 1, 7)},
		{"3 dicembre 2026", true, day0(2026, 12, 3)},
		{"Pubblicato il 21 giugno 2024", true, day0(2024, 6, 21)},
		{"3 december 2026", true, day0(2026, 12, 3)},
		{"gepubliceerd op 9 mei 2023", true, day0(2023, 5, 9)},
		{"14 maart 2023", true, day0(2023, 3, 14)},
		{"3 de dezembro de 2026", true, day0(2026, 12, 3)},
		{"Publicado em 12 de março de 2024", true, day0(2024, 3, 12)},
		{"5 maj 2024", true, day0(2024, 5, 5)},
		{"5 października 2024", true, day0(2024, 10, 5)},
		{"5. října 2024", true, day0(2024, 10, 5)},
		{"5 Ekim 2024", true, day0(2024, 10, 5)},
		{"5 октября 2024 года", true, day0(2024, 10, 5)},
		{"2026年12月3日", true, day0(2026, 12, 3)},
		{"2026년 12월 3일", true, day0(2026, 12, 3)},
		{"31 February 2026", true, time.Time{}},
		{"13/13/2026", true, time.Time{}},
		{"May the force be with you, 2026", false, time.Time{}},
		{"call 555 1234 today", false, time.Time{}},
		{"", true, time.Time{}},
	} {
		got, ok := parseTextDate(c.in, c.dayFirst)
		if ok != !c.want.IsZero() || !got.Equal(c.want) {
			t.Errorf("parseTextDate(%q, %v) = %v, %v; want %v", c.in, c.dayFirst, got, ok, c.want)
		}
	}
}

// TestURLDate reads the dates news sites write in their addresses.
func TestURLDate(t *testing.T) {
	for u, want := range map[string]time.Time{
		"https://x.example/2026/12/03/ferry-queues":         day0(2026, 12, 3),
		"https://x.example/news/2026-12-03-ferry":           day0(2026, 12, 3),
		"https://x.example/a/20261203/ferry.html":           day0(2026, 12, 3),
		"https://x.example/politics/december-3-2026-ferry":  day0(2026, 12, 3),
		"https://x.example/2026/12/ferry":                   {}, // no day
		"https://x.example/story/123456789/ferry":           {},
		"https://x.example/2026/12/03/ferry?utm=2020/01/01": day0(2026, 12, 3),
	} {
		if got := urlDate(u); !got.Equal(want) {
			t.Errorf("urlDate(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestFindPublished checks each place a page keeps its date, and that the
// publish date wins over the modified one.
func TestFindPublished(t *testing.T) {
	want := day0(2024, 3, 14)
	for name, c := range map[string]struct{ url, page string }{
		"json-ld":       {"", `<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-04-01","datePublished":"2024-03-14T09:00:00Z"}</script>`},
		"json-ld graph": {"", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","datePublished":"2001-01-01"},{"@type":["NewsArticle"],"datePublished":"2024-03-14"}]}</script>`},
		"json-ld broken": {"", `<script type="application/ld+json">{"@type":"NewsArticle", "headline":"a
b", "datePublished": "2024-03-14",}</script>`},
		"og meta":      {"", `<meta property="og:article:modified_time" content="2024-04-01"><meta property="article:published_time" content="2024-03-14T10:00:00+00:00">`},
		"dc meta":      {"", `<meta name="DC.date.issued" content="2024-03-14">`},
		"sailthru":     {"", `<meta name="sailthru.date" content="2024-03-14 10:00:00">`},
		"parsely":      {"", `<meta name="parsely-page" content='{"title":"x","pub_date":"2024-03-14T10:00:00Z"}'>`},
		"itemprop":     {"", `<span itemprop="datePublished" content="2024-03-14"></span>`},
		"time":         {"", `<article><time datetime="2024-03-14T08:00:00Z">14 March</time><p>x</p></article>`},
		"time pubdate": {"", `<time datetime="2023-01-01">x</time><article><time class="updated" datetime="2024-04-01">1 April</time><time pubdate datetime="2024-03-14">14 March</time></article>`},
		"url":          {"https://x.example/2024/03/14/story", `<p>no date here</p>`},
		"byline de":    {"", `<html lang="de"><article><div class="article-meta">Von Anna Roth | 14.03.2024, 10:12 Uhr</div></article></html>`},
		"byline fr":    {"", `<html lang="fr"><article><p class="date">Publié le 14 mars 2024 à 10h12</p></article></html>`},
		"byline us":    {"", `<html lang="en-US"><article><span class="byline">By Ann Roe, 03/14/2024</span></article></html>`},
		"modified":     {"", `<meta property="article:modified_time" content="2024-03-14">`},
		"not comment":  {"", `<article><div class="posted-on">March 14, 2024</div><div class="comments"><time datetime="2024-05-01">May 1</time></div></article>`},
	} {
		doc, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := findPublished(doc, c.url, ""); !got.Equal(want) && got.Format("2006-01-02") != "2024-03-14" {
			t.Errorf("%s: got %v, want 2024-03-14", name, got)
		}
	}
	doc, _ := html.Parse(strings.NewReader(`<meta property="article:published_time" content="1970-01-01"><meta property="article:modified_time" content="2024-03-14">`))
	if got := findPublished(doc, "", ""); !got.Equal(want) {
		t.Errorf("placeholder publish date: got %v, want the modified date", got)
	}
}
