package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedMeta are the <meta> names and properties (lower case) that carry
// a page's publish date, most specific first.
var publishedMeta = [...]string{
	"article:published_time", "og:published_time", "og:article:published_time",
	"article:published", "datepublished", "date", "pubdate", "publishdate",
	"publish-date", "publish_date", "published_time", "publication_date",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
	"dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
	"article.published", "article_date_original", "cxenseparse:recs:publishtime",
	"citation_publication_date", "citation_date", "rnews:datepublished",
	"originalpublicationdate", "datecreated", "date_published", "displaydate",
	"dcsext.articlefirstpublished", "article:post_date", "og:regdate",
	"bt:pubdate", "published-date", "created", "creation_date",
}

// modifiedMeta carry the date a page last changed: a last resort, since a
// publish date is what a reader wants.
var modifiedMeta = [...]string{
	"article:modified_time", "og:updated_time", "datemodified", "dc.date.modified",
	"dcterms.modified", "last-modified", "lastmod", "article:modified",
	"modified_time",
}

// pageDates is what one walk of a page gathers about its dates.
type pageDates struct {
	jsonLD     []string          // the text of each application/ld+json script
	meta       map[string]string // meta key (lower case) → first content
	itemprop   string            // first itemprop=datePublished value
	itempropM  string            // first itemprop=dateModified value
	timeMarked string            // first <time> marked as the publish time
	timeFirst  string            // first <time datetime> inside the article
	timeAny    string            // first <time datetime> anywhere
	bylines    []string          // short texts of elements named like a date or byline, in the article
	bylinesOut []string          // the same outside the article
	dayFirst   bool              // numeric dates read day first (not en-US)
}

// maxBylines bounds the byline texts kept: the date sits near the top.
const maxBylines = 40

// findPublished returns the page's publish date in the zone it was written
// in, or the zero time. The sources, most trusted first: JSON-LD
// datePublished (of an article), the publish-date meta tags, microdata
// datePublished, a <time> marked as the publish time, a date in the URL
// (pageURL, then canonical), the first <time datetime> of the article, a date
// written in a byline or dateline or next to the heading, and last the date
// the page was modified.
// Dates before 1995 or after a day from now are passed over.
func findPublished(doc *html.Node, pageURL, canonical string) time.Time {
	t, _ := publishedFrom(doc, pageURL, canonical)
	return t
}

// publishedFrom is findPublished that also names the source of the date,
// for the evaluation's breakdown.
func publishedFrom(doc *html.Node, pageURL, canonical string) (time.Time, string) {
	now := time.Now()
	d := gatherDates(doc)
	ok := func(t time.Time) bool { return !t.IsZero() && plausible(t, now) }
	ld, ldOther, ldModified := jsonLDDates(d.jsonLD)
	for _, s := range ld {
		if t := parseDateZone(s); ok(t) {
			return t, "json-ld"
		}
	}
	for _, key := range publishedMeta {
		if t := parseDateZone(d.meta[key]); ok(t) {
			return t, "meta"
		}
	}
	if t := parselyDate(d.meta["parsely-page"]); ok(t) {
		return t, "meta"
	}
	for _, s := range append(ldOther, d.itemprop, d.timeMarked) {
		if t := parseDateZone(s); ok(t) {
			return t, "microdata/time"
		}
	}
	for _, u := range []string{pageURL, canonical} {
		if t := urlDate(u); ok(t) {
			return t, "url"
		}
	}
	if t := parseDateZone(d.timeFirst); ok(t) {
		return t, "time"
	}
	for _, texts := range [][]string{d.bylines, nearTitle(doc), d.bylinesOut} {
		for _, s := range texts {
			if t, found := parseTextDate(s, d.dayFirst); found && ok(t) {
				return t, "byline"
			}
		}
	}
	if t := parseDateZone(d.timeAny); ok(t) {
		return t, "time"
	}
	for _, s := range ldModified {
		if t := parseDateZone(s); ok(t) {
			return t, "modified"
		}
	}
	for _, key := range modifiedMeta {
		if t := parseDateZone(d.meta[key]); ok(t) {
			return t, "modified"
		}
	}
	if t := parseDateZone(d.itempropM); ok(t) {
		return t, "modified"
	}
	return time.Time{}, ""
}

// gatherDates walks doc once and keeps every date-bearing thing it meets.
func gatherDates(doc *html.Node) pageDates {
	d := pageDates{meta: map[string]string{}}
	var lang string
	if root := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Html }); root != nil {
		lang = attr(root, "lang")
	}
	type frame struct {
		n       *html.Node
		article bool // inside <article> or <main>
		skip    bool // inside comments or a related-links box
	}
	stack := []frame{{n: doc}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					d.jsonLD = append(d.jsonLD, n.FirstChild.Data)
				}
				continue
			case atom.Style, atom.Template, atom.Noscript:
				continue
			case atom.Meta:
				if content := strings.TrimSpace(attr(n, "content")); content != "" {
					for _, key := range [...]string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")} {
						key = strings.ToLower(strings.TrimSpace(key))
						if _, seen := d.meta[key]; key != "" && !seen {
							d.meta[key] = content
						}
					}
				}
			case atom.Article, atom.Main:
				f.article = true
			}
			name := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
			switch n.DataAtom {
			case atom.Html, atom.Body, atom.Article, atom.Main:
				// Their classes describe the whole page ("comments-open").
			default:
				if containsAny(name, "comment", "related", "recommend", "sidebar", "footer", "teaser", "caption") ||
					n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption {
					f.skip = true
				}
			}
			value := func() string {
				if v := attr(n, "datetime"); v != "" {
					return v
				}
				if v := attr(n, "content"); v != "" {
					return v
				}
				return shortText(n, 120)
			}
			switch prop := strings.ToLower(attr(n, "itemprop")); {
			case prop == "datepublished" && d.itemprop == "":
				d.itemprop = value()
			case prop == "datemodified" && d.itempropM == "":
				d.itempropM = value()
			}
			if n.DataAtom == atom.Time && !f.skip {
				dt := attr(n, "datetime")
				marked := hasAttr(n, "pubdate") || containsAny(name, "publish", "posted", "pubdate", "created")
				switch {
				case marked && !containsAny(name, "update", "modif") && d.timeMarked == "":
					d.timeMarked = value()
				case dt != "" && f.article && d.timeFirst == "" && !containsAny(name, "update", "modif"):
					d.timeFirst = dt
				}
				if dt != "" && d.timeAny == "" {
					d.timeAny = dt
				}
				if dt == "" {
					d.addByline(shortText(n, 120), f.article)
				}
			} else if !f.skip && n.DataAtom != atom.Html && n.DataAtom != atom.Body &&
				containsAny(name, "date", "time", "byline", "publish", "posted", "meta", "datum", "fecha", "data", "author", "info", "article-header", "dateline") {
				d.addByline(shortText(n, 160), f.article)
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c, article: f.article, skip: f.skip})
		}
	}
	for _, l := range [...]string{lang, d.meta["og:locale"], d.meta["content-language"]} {
		if l = strings.TrimSpace(l); l != "" {
			lang = l
			break
		}
	}
	d.dayFirst = dayFirst(lang)
	return d
}

// dayFirst reports whether numeric dates in a page of language lang (a
// BCP 47 tag or a locale like en_US) put the day first: everywhere but in
// American English, and in pages that do not say their language, whose
// dates are written day first more often than not.
func dayFirst(lang string) bool {
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	return !(lang == "en" || strings.HasPrefix(lang, "en-us"))
}

// addByline keeps a short text that may hold the visible publish date.
func (d *pageDates) addByline(text string, inArticle bool) {
	switch {
	case text == "":
	case inArticle && len(d.bylines) < maxBylines:
		d.bylines = append(d.bylines, text)
	case !inArticle && len(d.bylinesOut) < maxBylines:
		d.bylinesOut = append(d.bylinesOut, text)
	}
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// shortText returns the collapsed text under n, or "" when it runs past limit
// bytes (a container, not a byline).
func shortText(n *html.Node, limit int) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 && b.Len() <= limit {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case m.Type == html.TextNode:
			b.WriteString(m.Data)
			b.WriteByte(' ')
		case m.Type == html.ElementNode && (m.DataAtom == atom.Script || m.DataAtom == atom.Style):
			continue
		}
		for c := m.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	if b.Len() > limit {
		return ""
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// articleTypes are the schema.org types whose datePublished is the page's.
func articleType(t string) bool {
	t = strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/")
	return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" ||
		t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "Review"
}

// jsonLDDates returns the datePublished (and dateCreated) values of the
// page's JSON-LD: those of articles, those of anything else, and the
// dateModified values. It walks nested objects and @graph lists; a script
// that is not valid JSON (trailing commas, raw newlines) is searched for the
// keys as text.
func jsonLDDates(scripts []string) (article, other, modified []string) {
	for _, src := range scripts {
		var v any
		if err := json.Unmarshal([]byte(src), &v); err != nil {
			other = append(other, keyValues(src, "datePublished")...)
			other = append(other, keyValues(src, "dateCreated")...)
			modified = append(modified, keyValues(src, "dateModified")...)
			continue
		}
		walkJSON(v, 0, func(obj map[string]any) {
			isArticle := false
			switch t := obj["@type"].(type) {
			case string:
				isArticle = articleType(t)
			case []any:
				for _, e := range t {
					if s, ok := e.(string); ok && articleType(s) {
						isArticle = true
					}
				}
			}
			for _, key := range [...]string{"datePublished", "dateCreated"} {
				if s, ok := obj[key].(string); ok {
					if isArticle {
						article = append(article, s)
					} else {
						other = append(other, s)
					}
				}
			}
			if s, ok := obj["dateModified"].(string); ok {
				modified = append(modified, s)
			}
		})
	}
	return article, other, modified
}

// walkJSON calls visit on every object in v, to a depth of 20.
func walkJSON(v any, depth int, visit func(map[string]any)) {
	if depth > 20 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		visit(x)
		for _, e := range x {
			walkJSON(e, depth+1, visit)
		}
	case []any:
		for _, e := range x {
			walkJSON(e, depth+1, visit)
		}
	}
}

// keyValues finds "key": "value" pairs in text that is not valid JSON.
func keyValues(src, key string) []string {
	var out []string
	needle := `"` + key + `"`
	for len(out) < 4 {
		i := strings.Index(src, needle)
		if i < 0 {
			break
		}
		src = src[i+len(needle):]
		rest := strings.TrimLeft(src, " \t\r\n")
		if !strings.HasPrefix(rest, ":") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if !strings.HasPrefix(rest, `"`) {
			continue
		}
		if j := strings.IndexByte(rest[1:], '"'); j >= 0 && j < 80 {
			out = append(out, rest[1:1+j])
		}
	}
	return out
}

// parselyDate reads pub_date from the JSON of a parsely-page meta tag.
func parselyDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	var p struct {
		PubDate string `json:"pub_date"`
	}
	if json.Unmarshal([]byte(s), &p) != nil {
		return time.Time{}
	}
	return parseDateZone(p.PubDate)
}

// urlDate reads a date from a URL's path: /2026/12/03/, 2026-12-03,
// /20261203/, or a written date in the slug ("december-3-2026").
func urlDate(raw string) time.Time {
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" {
		return time.Time{}
	}
	path := u.Path
	if t, ok := parseTextDate(path, true); ok {
		return t
	}
	for _, seg := range strings.FieldsFunc(path, func(r rune) bool { return r < '0' || r > '9' }) {
		if len(seg) == 8 && (seg[:2] == "19" || seg[:2] == "20") {
			if t, err := time.Parse("20060102", seg); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}
