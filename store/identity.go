package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/bylinehq/byline/model"
)

// An identity is what a reader follows: one person, organisation or place
// with one canonical name, one type and all the names the articles call it
// by. The tagger's entities (a name and the type it was tagged with in one
// article) are its names. Each article's row for an entity says which
// identity that name is in that article, so the same name may be two
// identities in two articles: "Leicester" is the city in a story about a
// factory and the club in a match report.
//
// An article's rows are resolved (resolver.article) when it is stored, from
// the name alone and what the article says around it:
//
//  1. Other names from assets/aliases.tsv (the hand-written list first, then
//     Party Facts and openfootball: "Tories", "Man Utd") and acronyms the
//     store has learnt ("Bank of England (BoE)" in any article makes BoE the
//     Bank of England in all). A name that may be several ("United",
//     "Real", a party's initials in two countries) goes to the one the
//     article names in full, or else stays a name of its own.
//  2. A one-word organisation ("United", "REAL") whose article names exactly
//     one organisation it begins or ends ("Manchester United", "Real
//     Madrid", "RealNetworks") is that organisation.
//  3. A place that also names a sports club ("Leicester", "Bath") is the
//     club in a sports story (sportiness is measured on the words, so it
//     works for feeds without folders) and where the tagger took it for an
//     organisation in a story that names another club (a takeover in a
//     business story), the place elsewhere.
//  4. A one-word place's name the article gives a person's title ("Mr
//     Washington", "Baroness Scotland") is a person of that name, not the
//     place (namesake.go).
//  5. The user's corrections, in the order they were made.
//
// The tagger's type plays no part in which identity a row joins, so
// "Oscar" is one identity however each article typed it. The type of an
// identity is decided across the store (decideTypes): the type of a
// gazetteer or hand-list entry, ORG for a club and LOC for the place a
// club is named after, else the type most of its mentions were tagged
// with; a correction overrules all of these.
type identityKey struct {
	key   string // folded canonical name
	sense string // "" or what tells it from a namesake: "club", "article:12"
}

// senseClub is the sense of a place's name when it names a sports club.
const senseClub = "club"

// sensePerson is the sense of a place's name when it names a person.
const sensePerson = "person"

// resolver resolves articles' entity rows into identities within one write
// transaction, holding what every article needs: the alias table, the
// learnt acronyms, the corrections and the identities met so far.
type resolver struct {
	tx          *sql.Tx
	aliases     *aliasTable
	acronyms    map[string][]acronym // folded acronym → what it stands for
	corrections []Correction
	ids         map[identityKey]int64
	stored      map[identityKey]int64 // ids read by the importer's knownNames
	fetched     map[string]bool       // keys whose every sense is in stored

	rowsOf, findIdentity, insertIdentity, setIdentity *sql.Stmt
	dropArticle, linkArticle, setTopic                *sql.Stmt
	linksOf, unlinkArticle                            *sql.Stmt

	// When set, newLinks and newTopics hold back the rows of new articles'
	// article_identities and article_topics for the importer to write a
	// batch's together (importer.flush): both tables have triggers or
	// conflicts, so each statement that writes them opens a statement
	// journal, and few statements open few.
	newLinks, newTopics *multiInsert
	// Likewise new identities, with the ids they are given (nextID):
	// inserted one by one, they were a statement each.
	newIdentities *multiInsert
	nextIdentity  int64 // 0 until the first new identity
}

// acronym is one long name an acronym was seen standing for.
type acronym struct {
	expansion, name string // folded and as written
	articles        int
}

func newResolver(ctx context.Context, tx *sql.Tx) (*resolver, error) {
	r := &resolver{
		tx:       tx,
		aliases:  staticAliases(),
		acronyms: make(map[string][]acronym),
		ids:      make(map[identityKey]int64),
		stored:   make(map[identityKey]int64),
		fetched:  make(map[string]bool),
	}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&r.rowsOf, `SELECT ae.entity_id, e.key, e.name, e.type, ae.position, ae.mentions, ae.identity_id
			FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
			WHERE ae.article_id = ? ORDER BY ae.position, ae.entity_id`},
		{&r.findIdentity, `SELECT id FROM identities WHERE key = ? AND sense = ?`},
		{&r.insertIdentity, `INSERT INTO identities (key, sense, name, type) VALUES (?, ?, ?, ?)`},
		{&r.setIdentity, `UPDATE article_entities SET identity_id = ? WHERE article_id = ? AND entity_id = ?`},
		{&r.dropArticle, `DELETE FROM article_identities WHERE article_id = ?`},
		{&r.linkArticle, `INSERT INTO article_identities (article_id, identity_id, position, mentions) VALUES (?, ?, ?, ?)`},
		{&r.linksOf, `SELECT identity_id, position, mentions FROM article_identities WHERE article_id = ?`},
		{&r.unlinkArticle, `DELETE FROM article_identities WHERE article_id = ? AND identity_id = ?`},
		{&r.setTopic, setTopicSQL},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			r.close()
			return nil, err
		}
		*st.dst = p
	}
	rows, err := tx.QueryContext(ctx, `SELECT key, expansion, name, articles FROM acronyms`)
	if err != nil {
		r.close()
		return nil, err
	}
	for rows.Next() {
		var key string
		var a acronym
		if err := rows.Scan(&key, &a.expansion, &a.name, &a.articles); err != nil {
			rows.Close()
			r.close()
			return nil, err
		}
		r.acronyms[key] = append(r.acronyms[key], a)
	}
	if err := rows.Close(); err != nil {
		r.close()
		return nil, err
	}
	if r.corrections, err = loadCorrections(ctx, tx); err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

func (r *resolver) close() {
	r.newLinks.close()
	r.newIdentities.close()
	r.newTopics.close()
	for _, st := range []*sql.Stmt{r.rowsOf, r.findIdentity, r.insertIdentity, r.setIdentity, r.dropArticle, r.linkArticle, r.setTopic, r.linksOf, r.unlinkArticle} {
		if st != nil {
			st.Close()
		}
	}
}

// articleRow is one entity row of an article as resolving sees it.
type articleRow struct {
	entity             int64
	key, name          string
	typ                model.EntityType
	position, mentions int
	identity           sql.NullInt64
	titled             bool // a mention has a person's title before it (namesake.go)
}

// choice is the identity a row resolves to, with the name and type a new
// identity starts with.
type choice struct {
	identityKey
	name string
	typ  model.EntityType
}

// article resolves every entity row of article id (sport: whether it is a
// sports story) and rewrites its article_identities when any row moved.
func (r *resolver) article(ctx context.Context, id int64, sport bool) error {
	rows, err := r.rowsOf.QueryContext(ctx, id)
	if err != nil {
		return err
	}
	var list []articleRow
	for rows.Next() {
		var ar articleRow
		var typ string
		if err := rows.Scan(&ar.entity, &ar.key, &ar.name, &typ, &ar.position, &ar.mentions, &ar.identity); err != nil {
			rows.Close()
			return err
		}
		ar.typ = model.EntityType(typ)
		list = append(list, ar)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for i := range list {
		if mayBeNamesake(list[i]) {
			if list[i].titled, err = titledInStore(ctx, r.tx, list[i].entity, id); err != nil {
				return err
			}
		}
	}
	if len(list) == 0 { // a replaced article may have lost every name
		_, err := r.dropArticle.ExecContext(ctx, id)
		return err
	}
	_, err = r.link(ctx, id, list, sport, true)
	return err
}

// link resolves the rows list of article id and returns the identity of
// each. With update, the rows are stored already: those whose identity
// changed are updated, and the article's identities brought in line when
// any did (see updateLinks). Without, the article is new: only its
// identities are written, and the caller stores the rows with the
// identities returned.
func (r *resolver) link(ctx context.Context, id int64, list []articleRow, sport, update bool) ([]int64, error) {
	choices := r.choose(id, list, sport)
	changed := !update
	links := make(map[int64]*identityLink)
	var order []int64
	ids := make([]int64, len(list))
	for i, ar := range list {
		iid, err := r.identity(ctx, choices[i])
		if err != nil {
			return nil, err
		}
		ids[i] = iid
		if update && (!ar.identity.Valid || ar.identity.Int64 != iid) {
			changed = true
			if _, err := r.setIdentity.ExecContext(ctx, iid, id, ar.entity); err != nil {
				return nil, err
			}
		}
		if l := links[iid]; l != nil {
			l.position = min(l.position, ar.position)
			l.mentions += ar.mentions
			continue
		}
		links[iid] = &identityLink{ar.position, ar.mentions}
		order = append(order, iid)
	}
	if !changed {
		return ids, nil
	}
	if update {
		return ids, r.updateLinks(ctx, id, links)
	}
	if r.newLinks != nil {
		for _, iid := range order {
			r.newLinks.add(id, iid, int64(links[iid].position), int64(links[iid].mentions))
		}
		return ids, nil
	}
	for _, iid := range order {
		if _, err := r.linkArticle.ExecContext(ctx, id, iid, links[iid].position, links[iid].mentions); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// identityLink is an article's row of article_identities.
type identityLink struct{ position, mentions int }

// updateLinks makes the stored identities of article id those of links:
// it deletes and inserts only the rows that differ. A relinked article
// changes one or two of its dozens (a surname's identity for the full
// name's), and each row written, with its counting trigger, is a
// statement that journals the pages it touches: rewriting every row was
// most of what resolving a relinked article cost.
func (r *resolver) updateLinks(ctx context.Context, id int64, links map[int64]*identityLink) error {
	rows, err := r.linksOf.QueryContext(ctx, id)
	if err != nil {
		return err
	}
	stored := make(map[int64]identityLink)
	for rows.Next() {
		var iid int64
		var l identityLink
		if err := rows.Scan(&iid, &l.position, &l.mentions); err != nil {
			rows.Close()
			return err
		}
		stored[iid] = l
	}
	if err := rows.Close(); err != nil {
		return err
	}
	// In identity order, so the same rows are written in the same order
	// whatever the maps' order.
	var gone, added []int64
	for iid, l := range stored {
		if want := links[iid]; want == nil || *want != l {
			gone = append(gone, iid)
		}
	}
	for iid, want := range links {
		if l, ok := stored[iid]; !ok || l != *want {
			added = append(added, iid)
		}
	}
	slices.Sort(gone)
	slices.Sort(added)
	for _, iid := range gone {
		if _, err := r.unlinkArticle.ExecContext(ctx, id, iid); err != nil {
			return err
		}
	}
	for _, iid := range added {
		if _, err := r.linkArticle.ExecContext(ctx, id, iid, links[iid].position, links[iid].mentions); err != nil {
			return err
		}
	}
	return nil
}

// topic records whether article id is a sports story: queued for the
// importer's flush when r.newTopics is set.
func (r *resolver) topic(ctx context.Context, id int64, sport bool) error {
	if r.newTopics != nil {
		var v int64
		if sport {
			v = 1
		}
		r.newTopics.add(id, v)
		return nil
	}
	_, err := r.setTopic.ExecContext(ctx, id, sport)
	return err
}

// identity returns the id of the identity c names, creating it when new.
func (r *resolver) identity(ctx context.Context, c choice) (int64, error) {
	if id, ok := r.ids[c.identityKey]; ok {
		return id, nil
	}
	id, ok := r.stored[c.identityKey]
	var err error
	switch {
	case ok:
	case r.fetched[c.key]:
		err = sql.ErrNoRows
	default:
		err = r.findIdentity.QueryRowContext(ctx, c.key, c.sense).Scan(&id)
	}
	switch {
	case err != sql.ErrNoRows:
	case r.newIdentities != nil:
		if r.nextIdentity == 0 {
			r.nextIdentity, err = nextID(ctx, r.tx, "identities")
		} else {
			err = nil
		}
		id = r.nextIdentity
		r.nextIdentity++
		r.newIdentities.add(id, c.key, c.sense, c.name, string(c.typ))
	default:
		var res sql.Result
		if res, err = r.insertIdentity.ExecContext(ctx, c.key, c.sense, c.name, string(c.typ)); err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, fmt.Errorf("identity %q: %w", c.name, err)
	}
	r.ids[c.identityKey] = id
	return id, nil
}

// choose picks the identity of every row of article id: see the steps in
// the comment on identityKey.
func (r *resolver) choose(id int64, list []articleRow, sport bool) []choice {
	named := make(map[string]bool, len(list)) // names the article gives
	for _, ar := range list {
		named[ar.key] = true
	}
	present := make(map[string]bool, 2*len(list)) // and what they stand for
	for _, ar := range list {
		present[ar.key] = true
		if ts := r.aliases.targets[ar.key]; len(ts) == 1 && r.partyFits(ts[0], ar, named) {
			present[ts[0].key] = true
		}
	}
	out := make([]choice, len(list))
	for i, ar := range list {
		c, ok := r.alias(ar, present, named, sport)
		if !ok {
			c, ok = surnameHere(ar, list)
		}
		if !ok {
			c, ok = r.shortForm(ar, list, sport)
			if ok {
				if t, found := r.single(c.key, sport); found {
					c = t
				}
			}
		}
		if !ok {
			c = choice{identityKey{key: ar.key}, ar.name, ar.typ}
			// A person who bears a place's name, titled as a person
			// ("Baroness Scotland"), is a namesake of the place
			// (namesake.go), whatever other articles call it.
			if ar.titled && mayBeNamesake(ar) {
				c.sense = sensePerson
			}
		}
		// A place's name is its club in a sports story, and where the
		// tagger took it for an organisation in a story that names a club
		// no place is named after ("Bates seals takeover": Leeds, Chelsea,
		// Arsenal). Elsewhere the name is the place (decideTypes types it
		// so), whatever the tagger said: on the BBC folder its
		// "organisations" named after a club's place were nearly all
		// the town ("visits Liverpool", "Leeds band Kaiser Chiefs").
		if r.aliases.placeClubs[c.key] && (sport || ar.typ == model.ORG && r.namesClub(list)) {
			c.sense, c.typ = senseClub, model.ORG
		}
		out[i] = r.correct(id, ar, c)
	}
	return out
}

// namesClub reports whether an article's rows name a football club by a
// name that is not a place's: its full name ("Arsenal") or a short name of
// several words ("Man Utd"). A club's one-word short names are too often
// words of another kind ("Standard" for Standard Liège, "NEC").
func (r *resolver) namesClub(list []articleRow) bool {
	for _, o := range list {
		if r.aliases.placeClubs[o.key] {
			continue
		}
		for _, t := range r.aliases.targets[o.key] {
			if t.club && (t.key == o.key || strings.Contains(o.key, " ")) {
				return true
			}
		}
	}
	return false
}

// alias resolves ar through the alias table and the learnt acronyms. A name
// that may be several entities is the one the article also names (present).
func (r *resolver) alias(ar articleRow, present, named map[string]bool, sport bool) (choice, bool) {
	var cands []choice
	hand := false
	for _, t := range r.aliases.targets[ar.key] {
		if !clubFits(t, ar.key, sport) {
			continue // "Palace" is Crystal Palace only in a sports story
		}
		if !r.partyFits(t, ar, named) {
			continue // "PBS" is Parti Bersatu Sabah only where the article says so
		}
		if t.hand && !hand {
			cands, hand = cands[:0], true
		}
		if hand && !t.hand {
			continue
		}
		cands = append(cands, choice{identityKey{key: t.key}, t.name, t.typ})
	}
	if len(cands) == 0 {
		best, total := acronym{}, 0
		for _, a := range r.acronyms[ar.key] {
			c := choice{identityKey{key: a.expansion}, a.name, ar.typ}
			if t, ok := r.single(a.expansion, sport); ok {
				c = t
			}
			cands = append(cands, c)
			total += a.articles
			if a.articles > best.articles {
				best = a
			}
		}
		// An acronym no article here spells out is what it stands for
		// in most of the store, when that is at least two thirds.
		if len(cands) > 1 && !anyPresent(cands, present) && 3*best.articles >= 2*total {
			c := choice{identityKey{key: best.expansion}, best.name, ar.typ}
			if t, ok := r.single(best.expansion, sport); ok {
				c = t
			}
			return c, true
		}
	}
	switch len(cands) {
	case 0:
		return choice{}, false
	case 1:
		return cands[0], true
	}
	var found []choice
	for _, c := range cands {
		if c.key == ar.key {
			return c, true // a canonical name is itself
		}
		if present[c.key] {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return choice{}, false
}

func anyPresent(cands []choice, present map[string]bool) bool {
	for _, c := range cands {
		if present[c.key] {
			return true
		}
	}
	return false
}

// single is the one entity the alias table says key stands for, if one.
func (r *resolver) single(key string, sport bool) (choice, bool) {
	ts := r.aliases.targets[key]
	if len(ts) != 1 || !clubFits(ts[0], key, sport) {
		return choice{}, false
	}
	return choice{identityKey{key: ts[0].key}, ts[0].name, ts[0].typ}, true
}

// surnameHere links a one-word name to the one person of its article whose
// last name it is, whatever type the tagger gave it there: "Cruise" in a
// story about Tom Cruise. Relink does the same across articles.
//
// A name that ends with the full name of a person of its article is that
// person under a description the tagger took in: "Scientologist Tom
// Cruise".
func surnameHere(ar articleRow, list []articleRow) (choice, bool) {
	if ar.typ == model.LOC {
		return choice{}, false
	}
	one := !strings.Contains(ar.key, " ")
	var found *articleRow
	for i := range list {
		o := &list[i]
		// Keys are folded (foldName): words apart by single spaces.
		last := strings.LastIndexByte(o.key, ' ')
		if o.typ != model.PER || last < 0 || o.key == ar.key {
			continue
		}
		if one && o.key[last+1:] != ar.key || !one && !endsInName(ar.key, o.key) {
			continue
		}
		if found != nil && found.key != o.key {
			return choice{}, false // two people of that name here
		}
		found = o
	}
	if found == nil {
		return choice{}, false
	}
	return choice{identityKey{key: found.key}, found.name, model.PER}, true
}

// endsInName reports whether key ends in the words of name: key is
// strings.HasSuffix(key, " "+name) without building the string.
func endsInName(key, name string) bool {
	n := len(key) - len(name)
	return n > 0 && key[n-1] == ' ' && key[n:] == name
}

// partyFits reports whether the article row ar may stand for target t, as
// far as Party Facts goes: its thousands of parties have short names of two
// to six capitals, and most such names mean something else in most news
// (PBS the broadcaster, REM the band, EA the games maker, FDI foreign direct
// investment). Such a name is the party only in an article that also names
// the party in full, or when an article of the store spelt it out
// ("Parti Bersatu Sabah (PBS)"). The hand-written list (UKIP, SNP) needs
// neither.
func (r *resolver) partyFits(t aliasTarget, ar articleRow, named map[string]bool) bool {
	if !t.party || t.key == ar.key || !capitalsOnly(ar.name) || named[t.key] {
		return true
	}
	for _, a := range r.acronyms[ar.key] {
		if a.expansion == t.key {
			return true
		}
	}
	return false
}

// capitalsOnly reports whether name is one word of capitals and digits
// with at least two capitals, as acronyms are written (PBS, M5S, U.N.).
func capitalsOnly(name string) bool {
	n := 0
	for _, c := range name {
		switch {
		case unicode.IsUpper(c):
			n++
		case unicode.IsDigit(c) || c == '.' || c == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// regionalArm reports whether the words after a company's name make the
// name of its arm in a country or continent ("AOL Europe", "Nissan UK"): the
// company named alone is the company, not that arm. "Real Madrid" is not
// one: a city is no region.
func regionalArm(rest []string) bool {
	for _, w := range rest {
		if !regions[w] {
			return false
		}
	}
	return len(rest) > 0
}

// regions are the folded names of the countries and continents companies
// name their arms after.
var regions = map[string]bool{"europe": true, "asia": true, "africa": true, "america": true, "americas": true,
	"uk": true, "us": true, "usa": true, "britain": true, "japan": true, "china": true, "india": true,
	"germany": true, "france": true, "italy": true, "spain": true, "australia": true, "canada": true,
	"ireland": true, "emea": true, "pacific": true}

// clubFits reports whether the name key may stand for target t: a club
// named in one word ("Palace" for Crystal Palace, "Brown" for Club
// Atlético Brown) only in a sports story, where the word is the club.
func clubFits(t aliasTarget, key string, sport bool) bool {
	return !t.club || sport || (strings.Contains(key, " ") && strings.Contains(t.key, " "))
}

// shortForm links a one-word organisation ("United", "REAL") to the one
// organisation of its article whose name it begins or ends ("Manchester
// United", "Real Madrid", or "Man Utd", which stands for Manchester United)
// or begins as a word of its own within one word ("RealNetworks"). Places
// and people are left alone: "Manchester" is not Manchester United, and
// surnames are Relink's.
func (r *resolver) shortForm(ar articleRow, list []articleRow, sport bool) (choice, bool) {
	if strings.Contains(ar.key, " ") || ar.typ == model.PER || ar.typ == model.LOC || len(ar.key) < 3 {
		return choice{}, false
	}
	var found *choice
	for _, o := range list {
		forms := []choice{{identityKey{key: o.key}, o.name, o.typ}}
		if t, ok := r.single(o.key, sport); ok && t.key != o.key {
			forms = append(forms, t)
		}
		for _, f := range forms {
			if f.key == ar.key || f.typ != model.ORG {
				continue
			}
			words := strings.Fields(f.key)
			fits := len(words) > 1 && (words[0] == ar.key && !regionalArm(words[1:]) || words[len(words)-1] == ar.key)
			if !fits && len(words) == 1 && len(f.name) > len(ar.key) && strings.HasPrefix(f.key, ar.key) {
				next := []rune(f.name[len(ar.key):])
				fits = unicode.IsUpper(next[0]) // "RealNetworks", not "Realm"
			}
			if !fits {
				continue
			}
			if found != nil && found.key != f.key {
				return choice{}, false // "United": Manchester or Newcastle?
			}
			found = &f
		}
	}
	if found == nil {
		return choice{}, false
	}
	return *found, true
}

// articleSense is the sense of an identity split off for one article.
func articleSense(article int64) string {
	return "article:" + strconv.FormatInt(article, 10)
}
