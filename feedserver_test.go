package main

import (
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// feedServer serves generated RSS feeds at /feed/N and the pages of their
// items at /page/N/M, as a news site would: ETags, 304s for an unchanged
// feed, and teaser items whose full text is on the page when teasers is set.
// Nothing here touches the internet.
type feedServer struct {
	*httptest.Server
	feeds, items, words int
	teasers             bool

	mu      sync.Mutex
	broken  map[int]bool // feeds answering 500
	edition map[int]int  // bumped to change a feed's first item
	agents  map[string]bool

	feedRequests, conditional, notModified, pageRequests atomic.Int64
	inFlight, maxInFlight                                atomic.Int64
}

func newFeedServer(t testing.TB, feeds, items, words int, teasers bool) *feedServer {
	s := &feedServer{feeds: feeds, items: items, words: words, teasers: teasers,
		broken: map[int]bool{}, edition: map[int]int{}, agents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *feedServer) feedURL(n int) string { return fmt.Sprintf("%s/feed/%d", s.URL, n) }

func (s *feedServer) setBroken(n int, broken bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.broken[n] = broken
}

func (s *feedServer) bump(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.edition[n]++
}

func (s *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for m := s.maxInFlight.Load(); n > m && !s.maxInFlight.CompareAndSwap(m, n); m = s.maxInFlight.Load() {
	}
	time.Sleep(2 * time.Millisecond) // a little latency, so requests overlap
	s.mu.Lock()
	s.agents[r.UserAgent()] = true
	s.mu.Unlock()
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	nums := make([]int, len(parts)-1)
	for i, p := range parts[1:] {
		n, err := strconv.Atoi(p)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		nums[i] = n
	}
	switch {
	case parts[0] == "feed" && len(nums) == 1:
		s.serveFeed(w, r, nums[0])
	case parts[0] == "page" && len(nums) == 2:
		s.pageRequests.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage(s.title(nums[0], nums[1], 0), s.body(nums[0], nums[1])))
	default:
		http.NotFound(w, r)
	}
}

func (s *feedServer) serveFeed(w http.ResponseWriter, r *http.Request, n int) {
	s.feedRequests.Add(1)
	s.mu.Lock()
	broken, edition := s.broken[n], s.edition[n]
	s.mu.Unlock()
	if broken {
		http.Error(w, "the feed generator is down", http.StatusInternalServerError)
		return
	}
	etag := fmt.Sprintf(`"feed-%d-%d"`, n, edition)
	if r.Header.Get("If-None-Match") != "" {
		s.conditional.Add(1)
	}
	if r.Header.Get("If-None-Match") == etag {
		s.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Generated News %d</title><link>%s/</link>`, n, s.URL)
	for i := range s.items {
		body := s.body(n, i)
		text := strings.Join(body, "\n\n")
		if s.teasers {
			text = strings.Join(strings.Fields(body[0])[:20], " ") + " …"
		}
		ed := 0
		if i == 0 {
			ed = edition
		}
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s/page/%d/%d</link><guid isPermaLink="false">feed-%d-item-%d</guid>
<pubDate>%s</pubDate><description>%s</description></item>`,
			html.EscapeString(s.title(n, i, ed)), s.URL, n, i, n, i,
			time.Date(2024, 3, 1+i%28, 12, n%60, 0, 0, time.UTC).Format(time.RFC1123Z),
			html.EscapeString(html.EscapeString(text)))
	}
	b.WriteString("</channel></rss>\n")
	fmt.Fprint(w, b.String())
}

func (s *feedServer) title(feed, item, edition int) string {
	r := rand.New(rand.NewPCG(uint64(feed), uint64(item)))
	t := fmt.Sprintf("%s meets %s in %s (%d/%d)", pick(r, people), pick(r, orgs), pick(r, places), feed, item)
	if edition > 0 {
		t += fmt.Sprintf(", update %d", edition)
	}
	return t
}

// body is about s.words words of news prose in paragraphs, naming people,
// organisations and places so the tagger has work.
func (s *feedServer) body(feed, item int) []string {
	r := rand.New(rand.NewPCG(uint64(feed)+1e6, uint64(item)))
	var paras []string
	words := 0
	for words < s.words {
		var p []string
		for range 3 {
			sent := fmt.Sprintf(pick(r, sentences), pick(r, people), pick(r, orgs), pick(r, places), pick(r, people))
			p = append(p, sent)
			words += len(strings.Fields(sent))
		}
		paras = append(paras, strings.Join(p, " "))
	}
	return paras
}

func articlePage(title string, body []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>",
		html.EscapeString(title), html.EscapeString(title))
	for _, p := range body {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
	}
	b.WriteString("</article><footer>© Generated News</footer></body></html>")
	return b.String()
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

var (
	people = []string{"Mara Ellison", "Jonas Halvorsen", "Priya Raman", "Tomasz Nowak", "Amara Okafor",
		"Li Wei", "Sofia Marquez", "Henrik Dahl", "Fatima Zahra", "Daniel Brooks", "Keiko Tanaka", "Olu Adeyemi"}
	orgs = []string{"Varnholt Rail", "the European Commission", "the United Nations", "Reuters",
		"the World Health Organization", "Nordbank", "the Pellbrook Council", "Amnesty International", "Siemens"}
	places = []string{"Oslo", "Nairobi", "Pellbrook", "Buenos Aires", "Warsaw", "Jakarta", "Lisbon",
		"Toronto", "Westmarch", "Cairo", "Seoul", "Brussels"}
	// Each sentence takes a person, an organisation, a place and a second
	// person, in that order.
	sentences = []string{
		"%[1]s said on Tuesday that %[2]s would review the plan before the vote in %[3]s, according to %[4]s.",
		"Officials from %[2]s met in %[3]s to discuss the budget, and %[1]s told reporters the talks had been frank.",
		"In %[3]s, %[1]s announced new funding after %[2]s criticised the delays, %[4]s added.",
		"%[1]s, speaking for %[2]s, warned that prices in %[3]s could rise again this winter, a view %[4]s shared.",
		"The agreement signed by %[1]s and %[2]s in %[3]s was welcomed by %[4]s as a first step.",
		"Residents of %[3]s gathered outside the offices of %[2]s on Monday, and %[1]s promised to meet %[4]s.",
	}
)
