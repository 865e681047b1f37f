package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/bylinehq/byline/model"
)

// titleWeight is how much more a hit in the title counts than one in the
// body: an article about someone names them in its headline.
const titleWeight = 5.0

// Search finds articles whose title or body match query, best first (bm25,
// title weighted), at most limit of them (0 = all). The query is what a
// person types: words that must all appear, "quoted phrases", and a trailing
// * for a prefix (elect* finds election; a prefix that starts more than
// prefixWords words, one being typed, finds its shortest: see matchQuery).
// Nothing typed is FTS5 or SQL
// syntax, so no input can make the search fail; input with no words finds
// nothing.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]model.Summary, error) {
	_, match, err := s.matchQuery(ctx, query)
	if match == "" || err != nil {
		return nil, err
	}
	// Rank and cut in the index alone, then read the articles of the page
	// only: joining first read a row for every hit, 10,000 for a common word,
	// and took twice as long.
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.source, a.url
		FROM (SELECT rowid AS id, bm25(articles_fts, ?, 1.0) AS score
			FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY score, rowid LIMIT ?) hit
		JOIN articles a ON a.id = hit.id
		ORDER BY hit.score, hit.id`, titleWeight, match, limitArg(limit))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	list, err := scanSummaries(rows)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return list, nil
}

// ftsQuery turns user text into an FTS5 query that is always valid: every
// term and phrase becomes an FTS5 string ("..." with inner quotes doubled),
// optionally followed by * for a prefix, joined by spaces (implicit AND).
// Operators (AND, OR, NOT, NEAR, -, ^, column filters, parentheses) are
// therefore only ever searched for as words. Terms with no letter or digit
// would match nothing the tokenizer keeps, or everything with a bare *, so
// they are dropped. An unclosed quote runs to the end of the input; control
// characters separate terms.
func ftsQuery(query string) string {
	terms := queryTerms(query)
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.fts()
	}
	return strings.Join(out, " ")
}

// queryTerm is one term or phrase of what a person typed.
type queryTerm struct {
	text   string
	prefix bool // typed with a trailing *
}

// fts is the term as an FTS5 string, and prefix query when it is one.
func (t queryTerm) fts() string {
	q := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
	if t.prefix {
		q += "*"
	}
	return q
}

// queryTerms splits user text into terms as ftsQuery describes.
func queryTerms(query string) []queryTerm {
	var terms []queryTerm
	add := func(text string, prefix bool) {
		if hasWordChar(text) {
			terms = append(terms, queryTerm{text, prefix})
		}
	}
	// FTS5 reads its query as a C string: a NUL would cut a quoted term
	// short and leave it unterminated. No control character is searchable.
	query = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, query)
	for rest := query; ; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			body, after, closed := strings.Cut(rest[1:], `"`)
			prefix := closed && strings.HasPrefix(after, "*")
			if prefix {
				after = after[1:]
			}
			add(body, prefix)
			rest = after
			continue
		}
		end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		prefix := strings.HasSuffix(word, "*")
		add(strings.TrimRight(word, "*"), prefix)
	}
	return terms
}

// hasWordChar reports whether s holds something the unicode61 tokenizer
// indexes: a letter or a digit.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r)
	}) >= 0
}

// searchCandidates is how many hits a search ranks by relevance at most.
// bm25 costs more than a few microseconds a hit: it reads each hit's column
// sizes, and before the first it counts every hit of every term (its
// inverse document frequency), which for a common word in a million
// articles is half a million. A search with more hits than this lists them
// by a rule that reads only its newest hits.
var searchCandidates = 2000

// filteredCandidates is searchCandidates for a search within a filter,
// whose every hit costs a lookup of its article (read, starred) or of its
// entities: about twenty times an unfiltered hit.
var filteredCandidates = 500

// SearchHits is what SearchItems found: a page of hits and how many there
// are in all.
type SearchHits struct {
	Items []ListItem
	// Total is how many articles match: exact when Exact, else an estimate
	// from how densely the newest hits lie among the newest articles
	// (SearchCount gives the exact number, in time that grows with it).
	Total int
	Exact bool
}

// SearchItems is Search within the list filters of q (entity, unread,
// starred, feed; Limit and Offset page the hits): a page of hits with their
// reading state, best first, and how many hits there are in all.
//
// Up to searchCandidates hits (filteredCandidates within a filter), best is
// bm25 with the title weighted, and Total is exact. A search with more (a
// common word) reads only that many of its newest hits: those with every term in the title first,
// then the others, newest first in each; Total is an estimate. So the
// first page costs the same few milliseconds in any store. Limit 0 ranks
// and lists every hit by bm25.
func (s *Store) SearchItems(ctx context.Context, query string, q ListQuery) (SearchHits, error) {
	match, rank, err := s.matchQuery(ctx, query)
	if err != nil {
		return SearchHits{}, err
	}
	if match == "" {
		return SearchHits{Exact: true}, nil
	}
	offset := max(q.Offset, 0)
	join, where, args := searchFilter(q)
	cands := searchCandidates
	if where != "" {
		cands = filteredCandidates
	}
	cands = max(cands, offset+q.Limit)
	var n, oldest int64
	if q.Limit > 0 {
		// The newest hits, walked by FTS5 in rowid order and stopped by
		// the LIMIT: no other hit is looked at (TestSearchPlanStopsAtTheCandidates).
		err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(min(id), 0) FROM (`+candidatesSQL(join, where)+`)`,
			append(append([]any{match}, args...), cands)...).Scan(&n, &oldest)
		if err != nil {
			return SearchHits{}, fmt.Errorf("search %q: %w", query, err)
		}
	}
	if q.Limit > 0 && n == 0 {
		return SearchHits{Exact: true}, nil
	}
	var rows *sql.Rows
	many := q.Limit > 0 && n >= int64(cands)
	switch {
	case many:
		rows, err = s.db.QueryContext(ctx, newestPageSQL(join, where),
			append(append([]any{match}, args...), cands, "{title} : ("+match+")", oldest, limitArg(q.Limit), offset)...)
	case q.Limit > 0:
		// Every hit is a candidate, so none is older than the oldest
		// candidate: the ranking walks no further back than the count did.
		rows, err = s.db.QueryContext(ctx, rankedPageSQL(join, where+` AND articles_fts.rowid >= ?`),
			append(append(append([]any{titleWeight, rank}, args...), oldest), limitArg(q.Limit), offset)...)
	default:
		rows, err = s.db.QueryContext(ctx, rankedPageSQL(join, where),
			append(append([]any{titleWeight, rank}, args...), limitArg(q.Limit), offset)...)
	}
	if err != nil {
		return SearchHits{}, fmt.Errorf("search %q: %w", query, err)
	}
	var hits SearchHits
	hits.Items, err = scanItems(rows)
	if err == nil {
		err = s.markSummaryOnly(ctx, hits.Items)
	}
	if err != nil {
		return SearchHits{}, fmt.Errorf("search %q: %w", query, err)
	}
	switch {
	case !many && q.Limit > 0:
		hits.Total, hits.Exact = int(n), true
	case !many:
		hits.Total, hits.Exact = offset+len(hits.Items), true
	default:
		hits.Total, err = s.estimateHits(ctx, n, oldest)
	}
	if err != nil {
		return SearchHits{}, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// candidatesSQL selects the ids of a search's newest hits within the
// filter (searchFilter's join and conditions). Arguments: the FTS5 query,
// the filter's, how many. FTS5 takes on the ORDER BY rowid DESC, so it
// hands over hits as it walks and the LIMIT ends the walk.
func candidatesSQL(join, where string) string {
	return `SELECT articles_fts.rowid AS id FROM articles_fts` + join + `
		WHERE articles_fts MATCH ?` + where + `
		ORDER BY articles_fts.rowid DESC LIMIT ?`
}

// rankedPageSQL is a page of every hit by bm25. Arguments: the title
// weight, the FTS5 query, the filter's, the page's limit and offset.
func rankedPageSQL(join, where string) string {
	return `SELECT a.id, a.title, a.published, a.source, a.url, a.read, a.starred
		FROM (SELECT articles_fts.rowid AS id, bm25(articles_fts, ?, 1.0) AS score
			FROM articles_fts` + join + ` WHERE articles_fts MATCH ?` + where + `
			ORDER BY score, id LIMIT ? OFFSET ?) hit
		JOIN articles a ON a.id = hit.id
		ORDER BY hit.score, hit.id`
}

// newestPageSQL is a page of the newest hits (candidatesSQL), those with
// every term in the title first. Arguments: candidatesSQL's, the FTS5
// query limited to the title, the oldest candidate, the page's limit and
// offset. The title hits are walked down to the oldest candidate only.
func newestPageSQL(join, where string) string {
	return `WITH cand AS (` + candidatesSQL(join, where) + `),
		titled AS (SELECT rowid AS id FROM articles_fts
			WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY rowid DESC)
		SELECT a.id, a.title, a.published, a.source, a.url, a.read, a.starred
		FROM (SELECT id, id IN titled AS t FROM cand ORDER BY t DESC, id DESC LIMIT ? OFFSET ?) hit
		JOIN articles a ON a.id = hit.id
		ORDER BY hit.t DESC, hit.id DESC`
}

// estimateHits guesses how many articles match a search whose n newest hits
// go back to article id oldest: as many as there would be if the older
// articles held hits as densely as the newer ones. Never fewer than n.
func (s *Store) estimateHits(ctx context.Context, n, oldest int64) (int, error) {
	var newest int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM articles`).Scan(&newest); err != nil {
		return 0, err
	}
	span := newest - oldest + 1
	if span <= 0 || newest <= 0 {
		return int(n), nil
	}
	return int(max(n, n*newest/span)), nil
}

// SearchCount returns how many articles SearchItems finds for query within
// the list filters of q (its Limit and Offset ignored): the exact count the
// estimate gives way to. It ranks nothing and, with no filter, reads no
// article rows, but it visits every hit: tens of milliseconds for a common
// word in a million articles, so the reader asks after showing the hits.
func (s *Store) SearchCount(ctx context.Context, query string, q ListQuery) (int, error) {
	match, _, err := s.matchQuery(ctx, query)
	if match == "" || err != nil {
		return 0, err
	}
	join, where, args := searchFilter(q)
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts`+join+` WHERE articles_fts MATCH ?`+where,
		append([]any{match}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count search %q: %w", query, err)
	}
	return n, nil
}

// searchFilter is what keeps a full-text query's hits within the list
// filters of q: a join to the articles and the conditions on them. With no
// filter it is empty, so that ranking reads the index alone. The entity is
// looked up for each hit in its own index range (whose pages stay cached),
// with no join: gathering all its articles first, or reading each hit's
// article row, cost ten times as much for a common word.
func searchFilter(q ListQuery) (join, where string, args []any) {
	var conds []string
	if q.EntityID != 0 {
		conds = append(conds, `EXISTS (SELECT 1 FROM article_identities ai INDEXED BY article_identities_by_identity
			WHERE ai.identity_id = ? AND ai.article_id = articles_fts.rowid)`)
		args = append(args, q.EntityID)
	}
	rest, restArgs := filterConds(ListQuery{Unread: q.Unread, Starred: q.Starred, FeedID: q.FeedID, FeedTag: q.FeedTag}, "f.")
	if len(rest) > 0 {
		join = ` JOIN articles f ON f.id = articles_fts.rowid`
		conds, args = append(conds, rest...), append(args, restArgs...)
	}
	if len(conds) == 0 {
		return "", "", nil
	}
	return join, ` AND ` + strings.Join(conds, ` AND `), args
}
