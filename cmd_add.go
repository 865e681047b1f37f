package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest/fetch"
	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/ingest/web"
	"github.com/bylinehq/byline/store"
)

func (a *app) addCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "add URL",
		Short: "Fetch one web page, extract its article and store it",
		Long: "Fetch a page, find the article in it (title, body, caption, date), find its entities\n" +
			"and store it. Adding the same page again updates the stored article and keeps its\n" +
			"read and starred state.",
		Example: "  byline add https://www.bbc.co.uk/news/world-65018120",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			u, err := feedURL(args[0])
			if err != nil {
				return usageError{err}
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			msg, err := addPage(cmd.Context(), st, entity.New(), u, nil)
			if err != nil {
				return err
			}
			// Run even when the page was already stored: Relink then finds
			// nothing to do, in milliseconds.
			relinkPeople(cmd.Context(), st, 1, cmd.ErrOrStderr())
			fmt.Fprintln(cmd.OutOrStdout(), msg)
			return nil
		},
	}
}

// addPage fetches, extracts, tags and stores the page at pageURL and says
// what it did on one line. transport is nil outside tests.
func addPage(ctx context.Context, st *store.Store, ex entity.Extractor, pageURL string, transport http.RoundTripper) (string, error) {
	f := &fetch.Fetcher{UserAgent: fetch.UserAgent(version)}
	if transport != nil {
		f.Client = &http.Client{Transport: transport}
	}
	var res fetch.Result
	for r := range f.Fetch(ctx, []fetch.Request{{URL: pageURL}}) {
		res = r
	}
	if res.Err != nil {
		return "", fmt.Errorf("add %s: %s", pageURL, reason(ctx, res.Err, pageURL, 0))
	}
	if why := notAnArticle(pageURL, res.Body); why != "" {
		return "", fmt.Errorf("add %s: %s", pageURL, why)
	}
	art, err := web.Extract(pageURL, res.Body)
	if err != nil {
		return "", fmt.Errorf("add: %w", err)
	}
	art.Source = siteName(art.URL, pageURL)
	art.Entities = ex.Extract(&art)
	added, updated, err := st.UpsertFeedArticles(ctx, 0, []store.FeedItem{{Article: art}})
	if err != nil {
		return "", fmt.Errorf("add %s: %w", pageURL, err)
	}
	dropSamples(ctx, st, added, io.Discard)
	title := safe.Line(art.Title)
	switch {
	case added == 1:
		return fmt.Sprintf("added %q (%s)", title, count(len(art.Entities), "entity", "entities")), nil
	case updated == 1:
		return fmt.Sprintf("updated %q (%s)", title, count(len(art.Entities), "entity", "entities")), nil
	}
	return fmt.Sprintf("already stored: %q", title), nil
}

// siteName is the Source of a page added by hand: its host, without "www.".
func siteName(urls ...string) string {
	for _, s := range urls {
		if u, err := url.Parse(s); err == nil && u.Hostname() != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return "web"
}
