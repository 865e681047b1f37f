package store

import (
	"context"
	"strings"

	"github.com/bylinehq/byline/model"
)

// A batch of articles names thousands of entities and identities, most of
// them once or twice. Looking each one up as it comes is a round trip
// through database/sql each, and another to insert it when it is new (on
// an empty store, nearly every one). So before the batch is written, the
// ids of every name it may need are read in a few queries of many keys
// each: a name then found nowhere is new for certain, and is inserted
// without asking first. The rows are still inserted one by one, in the
// order the batch first names them, so every id is the one looking the
// name up would have given.

// keysPerQuery is how many keys one lookup query asks for.
const keysPerQuery = 256

// knownNames reads the ids of the stored entities and identities the
// articles may need into im (see above).
func (im *importer) knownNames(ctx context.Context, articles []model.Article) error {
	seen := make(map[string]bool)
	var entityKeys, identityKeys []string
	wantIdentity := func(k string) {
		if !im.res.fetched[k] {
			im.res.fetched[k] = true
			identityKeys = append(identityKeys, k)
		}
	}
	links, mentions := 0, 0
	for i := range articles {
		links += len(articles[i].Entities)
		for _, e := range articles[i].Entities {
			mentions += len(e.Mentions)
			k := foldName(e.Name)
			if seen[k] {
				continue
			}
			seen[k] = true
			entityKeys = append(entityKeys, k)
			wantIdentity(k)
			for _, t := range im.res.aliases.targets[k] {
				wantIdentity(t.key)
			}
		}
	}
	// The rows flush will write, at most: room made once, not by doubling.
	im.links.reserve(links)
	im.mentions.reserve(mentions)
	im.res.newLinks.reserve(links)
	im.res.newTopics.reserve(len(articles))
	err := lookupKeys(ctx, im, `SELECT key, type, id FROM entities WHERE key IN `, entityKeys, func(key, typ string, id int64) {
		im.stored[entityKey{key, model.EntityType(typ)}] = id
	})
	if err != nil {
		return err
	}
	im.fetched = true
	return lookupKeys(ctx, im, `SELECT key, sense, id FROM identities WHERE key IN `, identityKeys, func(key, sense string, id int64) {
		im.res.stored[identityKey{key, sense}] = id
	})
}

// lookupKeys runs query (ending in "IN ") for keys, keysPerQuery at a
// time, and calls found for each row (a key, a second text column, an id).
func lookupKeys(ctx context.Context, im *importer, query string, keys []string, found func(string, string, int64)) error {
	args := make([]any, 0, keysPerQuery)
	for start := 0; start < len(keys); start += keysPerQuery {
		chunk := keys[start:min(start+keysPerQuery, len(keys))]
		args = args[:0]
		for _, k := range chunk {
			args = append(args, k)
		}
		q := query + "(?" + strings.Repeat(", ?", len(chunk)-1) + ")"
		rows, err := im.res.tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var key, other string
			var id int64
			if err := rows.Scan(&key, &other, &id); err != nil {
				rows.Close()
				return err
			}
			found(key, other, id)
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}
