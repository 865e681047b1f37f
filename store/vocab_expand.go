package store

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// prefixWords is how many words a prefix search is expanded into at most.
// FTS5 looks each word of an OR up in every segment of its index and walks
// their doclists side by side, so a search costs about a seek per word and
// segment, three times over for SearchItems' first page (the candidates,
// the page, its title hits). At a million articles (28 segments) the
// newest 2,000 hits of an OR of the 16 shortest g-words take 4 ms, of 32
// 7 ms and of 64 13 ms (33 ms for con-): 16 keeps the first page of any
// prefix, even one letter, near 15 ms, where FTS5's own prefix query for
// "g*" merges every doclist of every g-word first (780 ms). Of the
// four-letter prefixes of the BBC corpus's 29,600 words, 1.6% start more
// words than this (155 of 9,429), of the five-letter ones 0.3%; a prefix
// that does is one the person is still typing: it stands for its shortest
// words (see wordsStarting).
var prefixWords = 16

// matchQuery is the FTS5 query for what a person typed (see ftsQuery), with
// each prefix term given as the words of the index it starts, from
// search_words: "elect*" becomes ("elect" OR "election" OR "elections" OR
// ...). FTS5 answers an OR by walking its words' doclists together, newest
// first, so a search for the newest hits stops when it has them; a prefix
// query it answers by merging every doclist of every word first. Up to
// prefixWords words, the two find the same articles. A prefix with more
// words is given its prefixWords shortest (the word itself first, then
// the words one letter longer, ...): what a person typing "go" sees are
// hits for go, got, goal, good, ...; government's wait for "gove". A
// prefix no word of the index starts is left to FTS5, which finds nothing,
// fast.
//
// rank is the query to rank hits by with bm25: FTS5's own prefix query
// (ftsQuery) when every prefix was expanded in full, for bm25 scores an OR
// as the sum of its words, so an article saying "election" and "elections"
// in its body would outrank one with "Election" in its title; walk, the
// expanded query, when a prefix was cut to its shortest words, so that the
// ranked hits are the hits found. Ranking reads every hit anyway.
func (s *Store) matchQuery(ctx context.Context, query string) (walk, rank string, err error) {
	terms := queryTerms(query)
	out := make([]string, 0, len(terms))
	complete := true
	for _, t := range terms {
		if !t.prefix {
			out = append(out, t.fts())
			continue
		}
		alts, all, phrase, err := s.prefixAlternatives(ctx, t.text)
		if err != nil {
			return "", "", fmt.Errorf("search %q: %w", query, err)
		}
		complete = complete && all
		switch {
		case len(alts) == 0 || phrase && !all:
			// A phrase's last word completed by the shortest words
			// would find next to nothing ("prime mi" is not followed
			// by mi, mid or mix): the phrase is FTS5's, at FTS5's cost.
			out = append(out, t.fts())
		case len(alts) == 1:
			out = append(out, alts[0])
		default:
			out = append(out, "("+strings.Join(alts, " OR ")+")")
		}
	}
	// FTS5 reads no implicit AND before a parenthesis.
	walk = strings.Join(out, " AND ")
	if complete {
		return walk, ftsQuery(query), nil
	}
	return walk, walk, nil
}

// prefixAlternatives returns the FTS5 phrases a prefix term stands for: its
// words as FTS5 reads them, the last completed by each word of the index
// it starts (none when no word starts it), whether those are all the
// words it starts, and whether it is a phrase (of more than one word).
func (s *Store) prefixAlternatives(ctx context.Context, text string) (alts []string, all, phrase bool, err error) {
	var tokens []string
	appendWords(nil, text, func(w []byte) { tokens = append(tokens, string(w)) })
	if len(tokens) == 0 {
		return nil, true, false, nil
	}
	last := tokens[len(tokens)-1]
	words, all, err := s.wordsStarting(ctx, last)
	if err != nil {
		return nil, false, false, err
	}
	// Words are letters and digits only: nothing in them needs quoting.
	head := strings.Join(tokens[:len(tokens)-1], " ")
	if head != "" {
		head += " "
	}
	alts = make([]string, len(words))
	for i, w := range words {
		alts[i] = `"` + head + w + `"`
	}
	return alts, all, len(tokens) > 1, nil
}

// wordsStarting returns the words of search_words that start with prefix:
// all of them when there are at most prefixWords, else the prefixWords
// shortest (in order of length, then of bytes), each length read from the
// index by length, so a one-letter prefix reads about prefixWords rows;
// and whether they are all.
func (s *Store) wordsStarting(ctx context.Context, prefix string) (words []string, all bool, err error) {
	end := prefixEnd(prefix)
	words, err = s.readWords(ctx, `SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?`,
		prefix, end, prefixWords+1)
	if err != nil || len(words) <= prefixWords {
		return words, true, err
	}
	words = words[:0]
	// More than prefixWords words start prefix, so the lengths are
	// walked up until that many are found.
	for n := utf8.RuneCountInString(prefix); len(words) < prefixWords && n <= maxWordLength; n++ {
		more, err := s.readWords(ctx, `SELECT word FROM search_words INDEXED BY search_words_by_length
			WHERE length(word) = ? AND word >= ? AND word < ? ORDER BY word LIMIT ?`,
			n, prefix, end, prefixWords-len(words))
		if err != nil {
			return nil, false, err
		}
		words = append(words, more...)
	}
	return words, false, nil
}

// maxWordLength bounds the walk of wordsStarting: a longer word is not one
// a person types.
const maxWordLength = 200

// readWords runs a query of one text column and returns its rows.
func (s *Store) readWords(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var words []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		words = append(words, w)
	}
	return words, rows.Err()
}

// prefixEnd is the least string greater than every string starting with
// prefix, in SQLite's byte order: prefix with its last byte one higher.
// (The result need not be UTF-8; SQLite compares the bytes.) A word
// holds letters, so its last byte is never 0xFF.
func prefixEnd(prefix string) string {
	b := []byte(prefix)
	b[len(b)-1]++
	return string(b)
}
