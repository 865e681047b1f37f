package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bylinehq/byline/model"
)

// Correction is one fix the user made to the machine's identities. It is a
// rule, kept in the store and applied, in the order made, after the
// automatic resolution of every article: those stored and every one stored
// later, whatever the tagger or the alias table say then.
type Correction struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"` // "merge", "rename", "type" or "split"
	// Names are the names the user gave, and From the identities they
	// matched when the correction was made. A row of an article is
	// corrected when its own name is one of Names or the identity it
	// resolved to is one of From.
	Names []string      `json:"names"`
	From  []IdentityRef `json:"from"`
	// Into is the name merged into (merge) or the new name (rename), and
	// IntoSense the sense of the identity merged into.
	Into      string    `json:"into,omitempty"`
	IntoSense string    `json:"into_sense,omitempty"`
	Type      string    `json:"type,omitempty"`    // type: the type to give
	Article   int64     `json:"article,omitempty"` // split: the article whose mentions go apart
	Created   time.Time `json:"created"`
	// ByIdentity is set when the user picked the identities (in the
	// entity view) rather than typed names: the correction then follows
	// those identities only, and leaves a namesake of the same name (the
	// other Washington) alone.
	ByIdentity bool `json:"by_identity,omitempty"`

	ids    []int64 // ByIdentity: the identities picked, for Names
	intoID int64   // ByIdentity merge: the identity merged into
}

// IdentityRef names an identity in a way that outlives its row: its folded
// canonical name and its sense.
type IdentityRef struct {
	Key   string `json:"key"`
	Sense string `json:"sense,omitempty"`
}

// CorrectionTypes are the types a correction may give: the tagger's four
// and the finer ones it is learning.
var CorrectionTypes = []string{"PER", "ORG", "LOC", "WORK", "PRODUCT", "EVENT", "MISC"}

// AmbiguousError says a name given to a command fits several identities.
type AmbiguousError struct {
	Name       string
	Candidates []model.EntityCount
}

func (e *AmbiguousError) Error() string {
	parts := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		parts[i] = fmt.Sprintf("%s (%s, %d articles)", c.Name, c.Type, c.Articles)
	}
	return fmt.Sprintf("%q is %d entities: %s", e.Name, len(e.Candidates), strings.Join(parts, "; "))
}

// Merge makes the identities named by names one with into's (into may be a
// name the store does not know yet: the new canonical name).
func (s *Store) Merge(ctx context.Context, names []string, into string) (Correction, error) {
	if len(names) == 0 || strings.TrimSpace(into) == "" {
		return Correction{}, errors.New("merge: names and a target are needed")
	}
	return s.correct(ctx, Correction{Kind: "merge", Names: names, Into: strings.Join(strings.Fields(into), " ")})
}

// Rename gives the identity named name the canonical name to.
func (s *Store) Rename(ctx context.Context, name, to string) (Correction, error) {
	to = strings.Join(strings.Fields(to), " ")
	if to == "" {
		return Correction{}, errors.New("rename: the new name is empty")
	}
	return s.correct(ctx, Correction{Kind: "rename", Names: []string{name}, Into: to})
}

// SetType gives the identity named name the type typ (one of
// CorrectionTypes, any case).
func (s *Store) SetType(ctx context.Context, name, typ string) (Correction, error) {
	typ = strings.ToUpper(typ)
	if !slices.Contains(CorrectionTypes, typ) {
		return Correction{}, fmt.Errorf("type %q: want one of %s", typ, strings.Join(CorrectionTypes, ", "))
	}
	return s.correct(ctx, Correction{Kind: "type", Names: []string{name}, Type: typ})
}

// MergeIdentities makes the identities ids one with identity into: the
// entity view's merge, which knows which Washington the user marked.
func (s *Store) MergeIdentities(ctx context.Context, ids []int64, into int64) (Correction, error) {
	if len(ids) == 0 || into == 0 {
		return Correction{}, errors.New("merge: identities and a target are needed")
	}
	return s.correct(ctx, Correction{Kind: "merge", ByIdentity: true, ids: ids, intoID: into})
}

// RenameIdentity gives identity id the canonical name to.
func (s *Store) RenameIdentity(ctx context.Context, id int64, to string) (Correction, error) {
	to = strings.Join(strings.Fields(to), " ")
	if to == "" {
		return Correction{}, errors.New("rename: the new name is empty")
	}
	return s.correct(ctx, Correction{Kind: "rename", ByIdentity: true, ids: []int64{id}, Into: to})
}

// SetIdentityType gives identity id the type typ (one of CorrectionTypes,
// any case).
func (s *Store) SetIdentityType(ctx context.Context, id int64, typ string) (Correction, error) {
	typ = strings.ToUpper(typ)
	if !slices.Contains(CorrectionTypes, typ) {
		return Correction{}, fmt.Errorf("type %q: want one of %s", typ, strings.Join(CorrectionTypes, ", "))
	}
	return s.correct(ctx, Correction{Kind: "type", ByIdentity: true, ids: []int64{id}, Type: typ})
}

// Split makes the mentions of the identity named name in article its own
// identity.
func (s *Store) Split(ctx context.Context, name string, article int64) (Correction, error) {
	return s.correct(ctx, Correction{Kind: "split", Names: []string{name}, Article: article})
}

// correct records c and applies it to the store, in one transaction.
func (s *Store) correct(ctx context.Context, c Correction) (Correction, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		c.From = nil
		var ids []int64
		n := len(c.Names)
		if c.ByIdentity {
			n, c.Names = len(c.ids), nil // the names as the identities have them now
		}
		for i := range n {
			var ec model.EntityCount
			var ref IdentityRef
			var err error
			if c.ByIdentity {
				ec, ref, err = identityByID(ctx, tx, c.ids[i])
				c.Names = append(c.Names, ec.Name)
			} else {
				ec, ref, err = lookupIdentity(ctx, tx, c.Names[i], c.Article, false)
			}
			if err != nil {
				return err
			}
			ids = append(ids, ec.ID)
			c.From = append(c.From, ref)
		}
		if c.Kind == "merge" && c.intoID != 0 {
			ec, ref, err := identityByID(ctx, tx, c.intoID)
			if err != nil {
				return err
			}
			c.Into, c.IntoSense = ec.Name, ref.Sense
			ids = append(ids, ec.ID)
		} else if c.Kind == "merge" {
			ec, ref, err := lookupIdentity(ctx, tx, c.Into, 0, false)
			switch {
			case err == nil:
				c.Into, c.IntoSense = ec.Name, ref.Sense
				ids = append(ids, ec.ID)
			case errors.Is(err, ErrNotFound):
			default:
				return err
			}
		}
		c.Created = time.Now().UTC().Truncate(time.Second)
		args, err := json.Marshal(c)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO corrections (kind, args, created) VALUES (?, ?, ?)`,
			c.Kind, string(args), c.Created.Unix())
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := markCorrected(ctx, tx, c, ids); err != nil {
			return err
		}
		return resolvePass(ctx, tx)
	})
	if err != nil {
		return Correction{}, fmt.Errorf("entity %s: %w", c.Kind, err)
	}
	return c, nil
}

// markCorrected leaves to resolvePass what correction c touches: the
// articles naming its names or the identities ids, and those identities'
// types.
func markCorrected(ctx context.Context, tx *sql.Tx, c Correction, ids []int64) error {
	for _, n := range c.Names {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO names_dirty (key) VALUES (?)`, foldName(n)); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO names_dirty (key)
			SELECT e.key FROM identity_names n JOIN entities e ON e.id = n.entity_id
			WHERE n.identity_id = ? AND n.articles > 0`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO identity_dirty (identity_id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	return nil
}

// Corrections returns the corrections in the order they apply.
func (s *Store) Corrections(ctx context.Context) ([]Correction, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	defer tx.Rollback()
	list, err := loadCorrections(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	return list, nil
}

// Undo removes correction id and resolves again what it touched.
func (s *Store) Undo(ctx context.Context, id int64) (Correction, error) {
	var c Correction
	err := s.write(ctx, func(tx *sql.Tx) error {
		list, err := loadCorrections(ctx, tx)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(list, func(c Correction) bool { return c.ID == id })
		if i < 0 {
			return fmt.Errorf("correction %d: %w", id, ErrNotFound)
		}
		c = list[i]
		if _, err := tx.ExecContext(ctx, `DELETE FROM corrections WHERE id = ?`, id); err != nil {
			return err
		}
		// What it touched is now in the identities its names and its
		// target resolve to: every name of those resolves again.
		refs := append(slices.Clone(c.From), IdentityRef{Key: foldName(c.Into), Sense: c.IntoSense})
		if c.Kind == "split" {
			for _, f := range c.From {
				refs = append(refs, IdentityRef{Key: f.Key, Sense: articleSense(c.Article)})
			}
		}
		var ids []int64
		for _, ref := range refs {
			var iid int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM identities WHERE key = ? AND sense = ?`, ref.Key, ref.Sense).Scan(&iid)
			if err == nil {
				ids = append(ids, iid)
			} else if err != sql.ErrNoRows {
				return err
			}
		}
		if err := markCorrected(ctx, tx, c, ids); err != nil {
			return err
		}
		return resolvePass(ctx, tx)
	})
	if err != nil {
		return Correction{}, fmt.Errorf("undo: %w", err)
	}
	return c, nil
}

// loadCorrections reads every correction, in id order.
func loadCorrections(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]Correction, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, args FROM corrections ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Correction
	for rows.Next() {
		var id int64
		var args string
		if err := rows.Scan(&id, &args); err != nil {
			return nil, err
		}
		var c Correction
		if err := json.Unmarshal([]byte(args), &c); err != nil {
			return nil, fmt.Errorf("correction %d: %w", id, err)
		}
		c.ID = id
		list = append(list, c)
	}
	return list, rows.Err()
}

// matches reports whether correction c applies to a row named key that
// resolved to ref.
func (c *Correction) matches(key string, ref identityKey) bool {
	for _, n := range c.Names {
		if !c.ByIdentity && foldName(n) == key {
			return true
		}
	}
	for _, f := range c.From {
		if f.Key == ref.key && f.Sense == ref.sense {
			return true
		}
	}
	return false
}

// correct applies the corrections to the choice c of row ar of article.
func (r *resolver) correct(article int64, ar articleRow, c choice) choice {
	for i := range r.corrections {
		k := &r.corrections[i]
		if !k.matches(ar.key, c.identityKey) {
			continue
		}
		switch k.Kind {
		case "merge":
			c = choice{identityKey{foldName(k.Into), k.IntoSense}, k.Into, c.typ}
		case "rename":
			c.key, c.name = foldName(k.Into), k.Into
		case "split":
			if article == k.Article {
				c.sense = articleSense(article)
			}
		}
	}
	return c
}

// identityByID reads identity id, for a correction made on it.
func identityByID(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, id int64) (model.EntityCount, IdentityRef, error) {
	// An identity in no article has been renamed or merged away (its rows
	// have another identity now): a correction on it would never apply.
	rows, err := q.QueryContext(ctx, `SELECT name, type, mentions, articles, key, sense FROM identities WHERE id = ? AND articles > 0`, id)
	if err != nil {
		return model.EntityCount{}, IdentityRef{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return model.EntityCount{}, IdentityRef{}, err
		}
		return model.EntityCount{}, IdentityRef{}, fmt.Errorf("entity %d (renamed or merged since it was listed): %w", id, ErrNotFound)
	}
	ec := model.EntityCount{ID: id}
	var typ string
	var ref IdentityRef
	if err := rows.Scan(&ec.Name, &typ, &ec.Mentions, &ec.Articles, &ref.Key, &ref.Sense); err != nil {
		return model.EntityCount{}, IdentityRef{}, err
	}
	ec.Type = model.EntityType(typ)
	return ec, ref, rows.Err()
}

// lookupIdentity finds the one identity name means (see identitiesNamed,
// which article and surnames are passed to). Several give an
// *AmbiguousError, none an error wrapping ErrNotFound.
func lookupIdentity(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, name string, article int64, surnames bool) (model.EntityCount, IdentityRef, error) {
	cands, refs, err := identitiesNamed(ctx, q, name, article, surnames)
	if err != nil {
		return model.EntityCount{}, IdentityRef{}, fmt.Errorf("entity %q: %w", name, err)
	}
	switch len(cands) {
	case 0:
		if article != 0 {
			return model.EntityCount{}, IdentityRef{}, fmt.Errorf("entity %q in article %d: %w", name, article, ErrNotFound)
		}
		return model.EntityCount{}, IdentityRef{}, fmt.Errorf("entity %q: %w", name, ErrNotFound)
	case 1:
		return cands[0], refs[0], nil
	}
	return model.EntityCount{}, IdentityRef{}, &AmbiguousError{Name: name, Candidates: cands}
}

// identitiesNamed returns the identities name fits: those whose canonical
// name it is (in any case and spacing) and those that have it among their
// names, the most reported first: a lookup that preferred the canonical
// name would pick a stray one-article "Blair" over the Tony Blair the user
// means, and say nothing of him. article, when not 0, keeps only those
// named in that article. surnames adds, for a one-word name, the people
// it is the surname of who are named in as many articles as the relink asks of a full name:
// the relink moves "Blair" to Tony Blair's own name, so his identity never
// lists it, yet it is the Blair a reader asks for.
func identitiesNamed(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, name string, article int64, surnames bool) ([]model.EntityCount, []IdentityRef, error) {
	key := foldName(name)
	const cols = `i.id, i.name, i.type, i.mentions, i.articles, i.key, i.sense`
	inArticle := ` AND (?2 = 0 OR EXISTS (SELECT 1 FROM article_identities ai WHERE ai.article_id = ?2 AND ai.identity_id = i.id))`
	query := `SELECT ` + cols + ` FROM identities i WHERE i.key = ?1 AND i.articles > 0` + inArticle + `
		UNION
		SELECT ` + cols + ` FROM entities e
			JOIN identity_names n ON n.entity_id = e.id AND n.articles > 0
			JOIN identities i ON i.id = n.identity_id
			WHERE e.key = ?1 AND i.articles > 0` + inArticle
	if surnames && key != "" && !strings.Contains(key, " ") {
		// A scan of the identities: only commands ask, once each.
		query += `
		UNION
		SELECT ` + cols + ` FROM identities i WHERE i.type = 'PER' AND i.articles >= ?3
			AND substr(i.key, -length(?1) - 1) = ' ' || ?1` + inArticle
	}
	rows, err := q.QueryContext(ctx, `SELECT * FROM (`+query+`) i ORDER BY i.articles DESC, i.mentions DESC, i.id`, key, article, defaultRelinkRule.minArticles)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var list []model.EntityCount
	var refs []IdentityRef
	for rows.Next() {
		var ec model.EntityCount
		var typ string
		var ref IdentityRef
		if err := rows.Scan(&ec.ID, &ec.Name, &typ, &ec.Mentions, &ec.Articles, &ref.Key, &ref.Sense); err != nil {
			return nil, nil, err
		}
		ec.Type = model.EntityType(typ)
		list = append(list, ec)
		refs = append(refs, ref)
	}
	return list, refs, rows.Err()
}

// LookupEntity returns the one identity name means (see identitiesNamed):
// an *AmbiguousError lists the candidates when it fits several, and no
// identity gives an error wrapping ErrNotFound.
func (s *Store) LookupEntity(ctx context.Context, name string) (model.EntityCount, error) {
	ec, _, err := lookupIdentity(ctx, s.db, name, 0, true)
	return ec, err
}
