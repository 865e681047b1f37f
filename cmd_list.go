package main

import (
	"bufio"
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

func (a *app) listCmd() *cobra.Command {
	var asJSON bool
	var entityName string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the stored articles, newest first",
		Example: "  byline list\n  byline list --json | jq -r .title\n" +
			"  byline list --entity \"Xi Jinping\"",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStoreForReading()
			if err != nil {
				return err
			}
			defer st.Close()
			q := store.ListQuery{}
			if entityName != "" {
				// A name of several entities (Leicester the city and the
				// club) lists none: the error names each, with its type
				// and articles, rather than pick one silently.
				ent, err := st.LookupEntity(cmd.Context(), entityName)
				if err != nil {
					return err // it names the entity, or its candidates
				}
				q.EntityID = ent.ID
			}
			// Rows are read a page at a time and written as they come, so a
			// list of a million starts at once and holds one page.
			out := bufio.NewWriter(cmd.OutOrStdout())
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			err = eachListed(cmd.Context(), st, q, func(r model.Summary) error {
				if asJSON {
					return writeJSONLine(out, summaryJSON(r))
				}
				_, err := fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", r.ID, dateOrDash(r), safe.Line(shortSource(r.Source)), safe.Line(r.Title))
				return err
			})
			if err == nil && !asJSON {
				err = tw.Flush()
			}
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per article per line")
	cmd.Flags().StringVar(&entityName, "entity", "", "only articles that mention this entity (its name or another of its names, any case)")
	return cmd
}

// listPage is how many rows `byline list` reads at a time.
const listPage = 1000

// eachListed calls fn on every article of the list q, in list order, reading
// the list a page at a time.
func eachListed(ctx context.Context, st *store.Store, q store.ListQuery, fn func(model.Summary) error) error {
	p := store.Page{Limit: listPage}
	for {
		rows, err := st.ListPage(ctx, q, p)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r.Summary); err != nil {
				return err
			}
		}
		if len(rows) < listPage {
			return nil
		}
		key := store.KeyOf(rows[len(rows)-1])
		p.Key = &key
	}
}

// summaryJSON gives a list row the shape scripts read: id, title, published
// (RFC 3339 or null), source, url.
func summaryJSON(s model.Summary) map[string]any {
	return map[string]any{
		"id":        s.ID,
		"title":     s.Title,
		"published": rfc3339(s.Published),
		"source":    s.Source,
		"url":       s.URL,
	}
}

func dateOrDash(s model.Summary) string {
	if s.Published.IsZero() {
		return "-"
	}
	return s.Published.UTC().Format("2006-01-02")
}

// shortSource names where an article came from in a few characters: the
// folder of a file ("business"), or the source as stored.
func shortSource(src string) string {
	if strings.Contains(src, "://") || !strings.ContainsRune(src, filepath.Separator) {
		return src
	}
	return filepath.Base(filepath.Dir(src))
}

func (a *app) entitiesCmd() *cobra.Command {
	var asJSON bool
	var top int
	var typ string
	var related bool
	cmd := &cobra.Command{
		Use:   "entities [ID|NAME]",
		Short: "List the entities of one article, or of the whole store ranked by articles",
		Long: "Without an argument, every entity in the store ranked by the number of articles that\n" +
			"name it. With an article id, that article's entities. With an entity's name and\n" +
			"--related, the entities named most often in the same articles.",
		Example: "  byline entities 12\n  byline entities --top 20 --type PER\n" +
			"  byline entities \"Xi Jinping\" --related --json",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			t := model.EntityType(strings.ToUpper(typ))
			if typ != "" && !validType(t) {
				return usageError{fmt.Errorf("--type %q: want one of %s", typ, strings.Join(store.CorrectionTypes, ", "))}
			}
			st, err := a.openStoreForReading()
			if err != nil {
				return err
			}
			defer st.Close()
			var rows []model.EntityCount
			id, perr := int64(0), error(nil)
			if len(args) == 1 {
				id, perr = strconv.ParseInt(args[0], 10, 64)
			}
			switch {
			case len(args) == 1 && (perr != nil || related):
				ent, err := st.EntityByNameOrSurname(cmd.Context(), args[0], t)
				if err != nil {
					return err // it names the entity
				}
				rows = []model.EntityCount{ent}
				if related {
					limit := top
					if limit <= 0 {
						limit = 20
					}
					rows, err = st.Related(cmd.Context(), ent.ID, limit)
					if err != nil {
						return err
					}
				}
			case len(args) == 1:
				if _, err := st.Article(cmd.Context(), id); err != nil {
					return err // it names the article
				}
				rows, err = st.ArticleEntities(cmd.Context(), id)
				rows = filterType(rows, t)
				if top > 0 && len(rows) > top {
					rows = rows[:top]
				}
			case related:
				return usageError{fmt.Errorf("--related needs an entity name")}
			default:
				rows, err = st.Entities(cmd.Context(), store.EntityQuery{Type: t, Limit: top})
			}
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(cmd.OutOrStdout(), rows)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "TYPE\tNAME\tMENTIONS\tARTICLES\n")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", r.Type, safe.Line(r.Name), r.Mentions, r.Articles)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per entity per line")
	cmd.Flags().IntVar(&top, "top", 0, "show only the first N entities (0: all)")
	cmd.Flags().StringVar(&typ, "type", "", "only entities of this type: PER, ORG, LOC, WORK, PRODUCT, EVENT or MISC")
	cmd.Flags().BoolVar(&related, "related", false, "the entities that co-occur most with the named one in its latest "+strconv.Itoa(store.RelatedSample)+" articles (ARTICLES: shared articles)")
	return cmd
}

// validType accepts the tagger's types and the finer ones a correction
// may give (WORK, PRODUCT, EVENT).
func validType(t model.EntityType) bool {
	return validCorrectionType(string(t))
}

func filterType(rows []model.EntityCount, t model.EntityType) []model.EntityCount {
	if t == "" {
		return rows
	}
	out := rows[:0]
	for _, r := range rows {
		if r.Type == t {
			out = append(out, r)
		}
	}
	return out
}
