package store

import (
	"context"
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
// * for a prefix (elect* finds election). Nothing typed is FTS5 or SQL
// syntax, so no input can make the search fail; input with no words finds
// nothing.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]model.Summary, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
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

// SearchCount returns how many articles Search would find for query with no
// limit: the hit count beside the first page. It ranks nothing and reads no
// article rows, so it costs a fraction of the page itself.
func (s *Store) SearchCount(ctx context.Context, query string) (int, error) {
	match := ftsQuery(query)
	if match == "" {
		return 0, nil
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, match).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count search %q: %w", query, err)
	}
	return n, nil
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
	var terms []string
	add := func(text string, prefix bool) {
		if !hasWordChar(text) {
			return
		}
		t := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
		if prefix {
			t += "*"
		}
		terms = append(terms, t)
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
	return strings.Join(terms, " ")
}

// hasWordChar reports whether s holds something the unicode61 tokenizer
// indexes: a letter or a digit.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r)
	}) >= 0
}

// SearchItems is Search within the list filters of q (entity, unread,
// starred; Limit and Offset page the hits): the page of hits, best first,
// with their reading state, and how many hits there are in all.
func (s *Store) SearchItems(ctx context.Context, query string, q ListQuery) ([]ListItem, int, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, 0, nil
	}
	join, where, args := searchFilter(q)
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.source, a.url, a.read, a.starred
		FROM (SELECT articles_fts.rowid AS id, bm25(articles_fts, ?, 1.0) AS score
			FROM articles_fts`+join+` WHERE articles_fts MATCH ?`+where+`
			ORDER BY score, id LIMIT ? OFFSET ?) hit
		JOIN articles a ON a.id = hit.id
		ORDER BY hit.score, hit.id`,
		append(append([]any{titleWeight, match}, args...), limitArg(q.Limit), max(q.Offset, 0))...)
	if err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", query, err)
	}
	items, err := scanItems(rows)
	if err == nil {
		err = s.markSummaryOnly(ctx, items)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", query, err)
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts`+join+` WHERE articles_fts MATCH ?`+where,
		append([]any{match}, args...)...).Scan(&n)
	if err != nil {
		return nil, 0, fmt.Errorf("count search %q: %w", query, err)
	}
	return items, max(n, q.Offset+len(items)), nil
}

// searchFilter is what keeps a full-text query's hits within the list
// filters of q: a join to the articles and the conditions on them. With no
// filter it is empty, so that ranking reads the index alone.
func searchFilter(q ListQuery) (join, where string, args []any) {
	conds, args := filterConds(q, "f.")
	if len(conds) == 0 {
		return "", "", nil
	}
	return ` JOIN articles f ON f.id = articles_fts.rowid`, ` AND ` + strings.Join(conds, ` AND `), args
}
