package store

import (
	"context"
	"fmt"

	"github.com/bylinehq/byline/model"
)

// EntityQuery selects entities across the whole store. The filters combine.
type EntityQuery struct {
	Type  model.EntityType // "" = every type
	Limit int              // 0 = no limit
	Name  string           // exact canonical name, any case; "" = any name
	// Match is what a person types to find an entity: the letters and
	// digits of its name in order, not necessarily together ("xj" finds Xi
	// Jinping), in any case, accents, spaces and punctuation optional
	// ("zurich" finds Zürich, "jeanluc" Jean-Luc). "" (or nothing but
	// punctuation) = no fuzzy filter.
	//
	// The kind of match ranks first: the whole name ("paris": Paris), then
	// the start of a word ("merk": Angela Merkel), then pieces that each
	// start a word ("xj", "angmer"), then inside a word ("erkel"), then
	// scattered ("mrkl"). Within a kind, the usual order: most articles
	// first. So "paris" lists Paris before Paris Hilton however often she
	// is in the news.
	Match string
}

// entityOrder is how Entities ranks: by number of articles, then total
// mentions, then name.
const entityOrder = `e.articles DESC, e.mentions DESC, e.name COLLATE NOCASE, e.name, e.id`

// Entities returns entities across the store, the most widely reported first:
// by number of articles, then total mentions, then name. Mentions is the
// total over all articles.
//
// With q.Match the ranking is by kind of match first (see EntityQuery.Match)
// and the search runs in memory, fast enough for every key press (about a
// millisecond over 26,000 entities). The entities are loaded into memory by
// the first such call and again only after entities have changed, by this
// process or another: that call takes longer (about 20 ms for 26,000), so a
// ui may make one when its entity view opens.
func (s *Store) Entities(ctx context.Context, q EntityQuery) ([]model.EntityCount, error) {
	if q.Match != "" {
		return s.matchEntities(ctx, q)
	}
	query := `SELECT e.id, e.name, e.type, e.mentions, e.articles FROM identities e WHERE e.articles > 0`
	var args []any
	if q.Type != "" {
		query += ` AND e.type = ?`
		args = append(args, string(q.Type))
	}
	if q.Name != "" {
		query += ` AND (e.key = ? OR e.id IN (SELECT n.identity_id FROM entities x
			JOIN identity_names n ON n.entity_id = x.id AND n.articles > 0 WHERE x.key = ?))`
		args = append(args, foldName(q.Name), foldName(q.Name))
	}
	query += ` ORDER BY ` + entityOrder + ` LIMIT ?`
	args = append(args, limitArg(q.Limit))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	list, err := scanEntityCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	return list, nil
}

// EntityByName returns the entity (identity) of type typ ("" = any type)
// that name is the canonical name of, in any case and spacing, or one of
// the other names of ("Tories" is the Conservative Party). When several
// fit ("Leicester" the city and the club) it returns the one named in the
// most articles, then the most mentioned. No such entity gives an
// error wrapping ErrNotFound; LookupEntity tells the user about the others.
func (s *Store) EntityByName(ctx context.Context, name string, typ model.EntityType) (model.EntityCount, error) {
	return s.entityByName(ctx, name, typ, false)
}

// EntityByNameOrSurname is EntityByName that also counts a person as named
// by a surname the relink gave him (see identitiesNamed): `byline entities
// Blair` shows Tony Blair, not a stray one-article Blair.
func (s *Store) EntityByNameOrSurname(ctx context.Context, name string, typ model.EntityType) (model.EntityCount, error) {
	return s.entityByName(ctx, name, typ, true)
}

// entityByName is EntityByName, with surnames as identitiesNamed takes it.
func (s *Store) entityByName(ctx context.Context, name string, typ model.EntityType, surnames bool) (model.EntityCount, error) {
	cands, _, err := identitiesNamed(ctx, s.db, name, 0, surnames)
	if err != nil {
		return model.EntityCount{}, fmt.Errorf("entity %q: %w", name, err)
	}
	for _, c := range cands {
		if typ == "" || c.Type == typ {
			return c, nil
		}
	}
	if typ != "" {
		return model.EntityCount{}, fmt.Errorf("entity %q (%s): %w", name, typ, ErrNotFound)
	}
	return model.EntityCount{}, fmt.Errorf("entity %q: %w", name, ErrNotFound)
}

// RelatedSample is how many of an entity's articles Related reads: its
// most recently stored ones. An entity named in more articles gets its
// companions of late, not of all time.
const RelatedSample = 1000

// relatedSample is RelatedSample, smaller in tests.
var relatedSample = RelatedSample

// relatedSQL is Related's query; its arguments are the entity, the limit and
// the sample. The sample is a backward walk of the entity's index range that
// stops after the sample: TestRelatedPlanReadsTheSample.
const relatedSQL = `SELECT e.id, e.name, e.type, r.mentions, r.shared
	FROM (SELECT other.identity_id AS id, count(*) AS shared, sum(other.mentions) AS mentions
		FROM (SELECT article_id FROM article_identities WHERE identity_id = ?1
			ORDER BY article_id DESC LIMIT ?3) this
		JOIN article_identities other ON other.article_id = this.article_id
		WHERE other.identity_id != ?1
		GROUP BY other.identity_id) r
	JOIN identities e ON e.id = r.id
	ORDER BY r.shared DESC, r.mentions DESC, e.name COLLATE NOCASE, e.name, e.id
	LIMIT ?2`

// Related returns the entities named in the same articles as entity
// entityID, the most often together first, at most limit of them (0 = all);
// the entity itself is left out. It reads the entity's RelatedSample most
// recently stored articles (all of them when it has fewer): Articles is
// the number of those articles the two share and Mentions the other
// entity's mentions in them; ties go to the more mentioned, then by name.
// An id naming no entity gives an error wrapping ErrNotFound.
//
// The pairs are counted when asked, from article_identities alone (index
// ranges, no article rows), so the cost is that of the sample: about 7 ms
// for the store's most named entity, whether it is in 3,000 articles or
// 300,000 (counting them all took 200 ms in 28,000 articles). A table of
// pairs kept by every import would answer at once, but costs writes that
// grow with the square of an article's entities.
func (s *Store) Related(ctx context.Context, entityID int64, limit int) ([]model.EntityCount, error) {
	rows, err := s.db.QueryContext(ctx, relatedSQL, entityID, limitArg(limit), relatedSample)
	if err != nil {
		return nil, fmt.Errorf("entities related to %d: %w", entityID, err)
	}
	list, err := scanEntityCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("entities related to %d: %w", entityID, err)
	}
	if len(list) == 0 {
		// Tell an entity that stands alone from no entity at all.
		var one int
		err := s.db.QueryRowContext(ctx, `SELECT 1 FROM identities WHERE id = ? AND articles > 0`, entityID).Scan(&one)
		if err != nil {
			return nil, fmt.Errorf("entities related to %d: %w", entityID, notFound(err))
		}
	}
	return list, nil
}
