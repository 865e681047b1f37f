package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/model"
)

// A person who bears a place's name ("Baroness Scotland", "Lord
// Liverpool", "Mr Washington, the chairman") is a namesake of the place,
// not the place. The tagger alone is not evidence enough: it takes whole
// sports teams ("beaten by Samoa") and firms ("Air Sahara") for people. So
// a one-word place's name is the person only where the article gives it a
// title, as people are named and places never are.

// personTitles are the words that make the name after them a person's:
// the titles that tell a sex (titleSex, which the relink reads) and those
// that do not.
var personTitles = func() map[string]bool {
	m := map[string]bool{
		"Dr": true, "Baron": true, "President": true, "Senator": true, "Sen": true, "Governor": true,
		"Gov": true, "Judge": true, "Justice": true, "General": true, "Gen": true, "Captain": true,
		"Professor": true, "Prof": true, "Rev": true, "Father": true, "Sister": true, "Brother": true,
	}
	for title := range titleSex {
		m[title] = true
	}
	return m
}()

// personTitlesOf are the titles written "Duke of Edinburgh".
var personTitlesOf = map[string]bool{
	"Duke": true, "Duchess": true, "Earl": true, "Countess": true, "Marquess": true, "Viscount": true,
}

// titledBefore reports whether the text right before a mention ends in a
// person's title: "said Baroness ", "the Duke of ".
func titledBefore(before string) bool {
	if !strings.HasSuffix(before, " ") {
		return false
	}
	words := strings.Fields(before)
	n := len(words)
	if n == 0 {
		return false
	}
	if personTitles[strings.TrimSuffix(words[n-1], ".")] {
		return true
	}
	return n >= 2 && words[n-1] == "of" && personTitlesOf[words[n-2]]
}

// mayBeNamesake reports whether a row could name a person who bears a
// place's name: a one-word place the tagger took for a person.
func mayBeNamesake(ar articleRow) bool {
	return ar.typ == model.PER && !strings.Contains(ar.name, " ") && entity.KnownPlace(ar.name)
}

// titledInArticle reports whether any of e's mentions in a is preceded by
// a person's title: the article as it is stored.
func titledInArticle(a *model.Article, e model.Entity) bool {
	for _, m := range e.Mentions {
		text := a.FieldText(m.Field, m.Paragraph)
		if m.Start <= len(text) && titledBefore(text[max(0, m.Start-20):m.Start]) {
			return true
		}
	}
	return false
}

// titledInStore is titledInArticle for an article already stored.
func titledInStore(ctx context.Context, tx *sql.Tx, entityID, article int64) (bool, error) {
	rows, err := textBefore(ctx, tx, `m.article_id = ?2 AND m.entity_id = ?1`, entityID, article)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		var before sql.NullString
		if err := rows.Scan(&before); err != nil {
			return false, err
		}
		if titledBefore(before.String) {
			return true, nil
		}
	}
	return false, rows.Err()
}

// textBefore returns, for each mention m that where selects, the 20 bytes
// of its field before it (fewer at the field's start), where a title
// would stand. They are cut in SQL, so no article is read whole.
func textBefore(ctx context.Context, tx *sql.Tx, where string, args ...any) (*sql.Rows, error) {
	return tx.QueryContext(ctx, `SELECT CAST(substr(CAST(CASE m.field
				WHEN 0 THEN a.title WHEN 1 THEN a.caption
				ELSE json_extract(a.body, '$[' || m.paragraph || ']') END AS BLOB),
			m.start - min(m.start, 20) + 1, min(m.start, 20)) AS TEXT)
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE `+where, args...)
}
