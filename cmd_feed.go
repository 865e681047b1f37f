package main

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/ingest/opml"
	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/store"
)

func (a *app) feedCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feed",
		Short: "Subscribe to feeds, list them, remove them, import and export OPML",
		Long: "Manage subscriptions. 'byline fetch' downloads them; removing a feed keeps the articles\n" +
			"already read from it.",
		Args: usageArgs(cobra.NoArgs),
	}
	cmd.AddCommand(a.feedAddCmd(), a.feedListCmd(), a.feedRemoveCmd(), a.feedImportCmd(), a.feedExportCmd())
	return cmd
}

func (a *app) feedAddCmd() *cobra.Command {
	var tags []string
	var fullText string
	cmd := &cobra.Command{
		Use:   "add URL|FILE",
		Short: "Subscribe to an RSS, Atom or JSON feed",
		Long: "Subscribe to a feed by its http(s) URL, or to a feed file in a local folder by its path\n" +
			"(its items may link to pages in the same folder).",
		Example: "  byline feed add https://feeds.bbci.co.uk/news/world/rss.xml --tag world --tag bbc\n" +
			"  byline feed add ~/news/feed.xml",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			u, err := feedAddress(args[0])
			if err != nil {
				return usageError{err}
			}
			mode, err := store.ParseFullText(fullText)
			if err != nil {
				return usageError{fmt.Errorf("--full-text: %w", err)}
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			_, err = st.AddFeed(cmd.Context(), store.Feed{URL: u, Tags: tags, FullText: mode})
			if errors.Is(err, store.ErrFeedExists) {
				fmt.Fprintf(cmd.OutOrStdout(), "already subscribed to %s\n", safe.Line(u))
				return nil
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "subscribed to %s; run 'byline fetch' to fetch it\n", safe.Line(u))
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&tags, "tag", nil, "tag the feed (repeat for several)")
	cmd.Flags().StringVar(&fullText, "full-text", "auto", "fetch each item's page for its full text: auto (when the feed sends a teaser), always or never")
	return cmd
}

// feedAddress is the address of a feed a user names: an http(s) URL, or a
// feed file in a local folder, by its path or a file:// URL, which becomes
// file:///absolute/path so that it works from any folder.
func feedAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	if u, err := feedURL(s); err == nil {
		return u, nil
	}
	p := s
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		if !strings.EqualFold(scheme, "file") {
			return "", fmt.Errorf("%q is not an http or https URL, nor a file", s)
		}
		u, err := url.Parse("file://" + rest)
		if err != nil || (u.Host != "" && u.Host != "localhost") || u.Path == "" {
			return "", fmt.Errorf("%q is not a file URL byline can read (file:///path/to/feed.xml)", s)
		}
		p = u.Path
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("%q: %w", s, err)
	}
	info, err := os.Stat(abs)
	switch {
	case err != nil && looksLikeHost(s):
		return "", fmt.Errorf("%q is not an http or https URL, nor a file (did you mean https://%s?)", s, s)
	case err != nil && strings.Contains(s, ":"):
		return "", fmt.Errorf("%q is not an http or https URL, nor a file (did you mean http://%s?)", s, s)
	case err != nil:
		return "", fmt.Errorf("no feed file %s: %w", abs, errors.Unwrap(err))
	case info.IsDir():
		return "", fmt.Errorf("%s is a folder: name the feed file in it", abs)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}

// looksLikeHost reports whether s starts like a web address without its
// scheme: example.org/rss, not ./feed.xml or feeds/world.xml.
func looksLikeHost(s string) bool {
	first, _, hasPath := strings.Cut(s, "/")
	return hasPath && strings.Contains(first, ".") && !strings.HasPrefix(first, ".")
}

// feedURL checks a web address given by a user: it must be http(s).
func feedURL(s string) (string, error) {
	u := safe.URL(strings.TrimSpace(s), nil)
	p, err := url.Parse(u)
	if u == "" || err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return "", fmt.Errorf("%q is not an http or https URL", s)
	}
	return u, nil
}

func (a *app) feedListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List subscriptions with how their last fetch went",
		Example: "  byline feed list\n  byline feed list --json | jq -r 'select(.last_error != \"\") | .url'",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStoreForReading()
			if err != nil {
				return err
			}
			defer st.Close()
			feeds, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				for _, f := range feeds {
					if err := writeJSONLine(cmd.OutOrStdout(), toFeedJSON(f)); err != nil {
						return err
					}
				}
				return nil
			}
			return writeFeedTable(cmd.OutOrStdout(), feeds)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per feed per line")
	return cmd
}

// feedJSON is the stable shape scripts read from `byline feed list --json`.
type feedJSON struct {
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Tags        []string `json:"tags"`
	FullText    string   `json:"full_text"`
	LastFetched *string  `json:"last_fetched"` // RFC 3339; null before the first fetch
	LastStatus  int      `json:"last_status"`  // HTTP status; 0 when none came back
	LastError   string   `json:"last_error"`   // "" when the last fetch worked
	Articles    int      `json:"articles"`
}

func toFeedJSON(f store.Feed) feedJSON {
	out := feedJSON{URL: f.URL, Title: f.Title, Tags: f.Tags, FullText: string(f.FullText),
		LastFetched: rfc3339(f.LastFetched), LastStatus: f.LastStatus, LastError: f.LastError, Articles: f.Articles}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	return out
}

func writeFeedTable(w io.Writer, feeds []store.Feed) error {
	if len(feeds) == 0 {
		_, err := fmt.Fprintln(w, "no feeds; subscribe with 'byline feed add URL'")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TITLE\tURL\tTAGS\tARTICLES\tLAST FETCHED\tSTATUS")
	for _, f := range feeds {
		title := f.Title
		if title == "" {
			title = "-"
		}
		fetched, status := "never", "-"
		if !f.LastFetched.IsZero() {
			fetched = f.LastFetched.Local().Format(time.DateTime)
			status = "ok"
			if f.LastError != "" {
				status = "failed: " + f.LastError
			}
		}
		// Every column but the count came from outside (a feed, an OPML
		// file, a server's error): none may reach the terminal raw.
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", safe.Line(title), safe.Line(f.URL),
			safe.Line(strings.Join(f.Tags, ",")), f.Articles, fetched, safe.Line(status))
	}
	return tw.Flush()
}

func (a *app) feedRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "rm URL|FILE",
		Aliases: []string{"remove"},
		Short:   "Unsubscribe from a feed; its articles stay in the store",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			u := strings.TrimSpace(args[0])
			kept, err := st.RemoveFeed(cmd.Context(), u)
			if errors.Is(err, store.ErrNotFound) {
				// A local feed is stored as file:///absolute/path; its file
				// may be gone by now, so the path is made absolute by hand.
				if abs, aerr := filepath.Abs(strings.TrimPrefix(u, "file://")); aerr == nil {
					local := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
					if k, lerr := st.RemoveFeed(cmd.Context(), local); lerr == nil {
						u, kept, err = local, k, nil
					}
				}
			}
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("feed rm %s: not subscribed (see 'byline feed list')", u)
			}
			if err != nil {
				return err
			}
			stay := fmt.Sprintf("its %d articles stay", kept)
			if kept == 1 {
				stay = "its 1 article stays"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "unsubscribed from %s; %s in the store\n", safe.Line(u), stay)
			return nil
		},
	}
}

func (a *app) feedImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "import FILE.opml",
		Short:   "Subscribe to every feed in an OPML file; folders become tags",
		Example: "  byline feed import subscriptions.opml",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return fmt.Errorf("feed import: %w", err)
			}
			subs, err := opml.Parse(data)
			if err != nil {
				return fmt.Errorf("feed import %s: %w", args[0], err)
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			added, had := 0, 0
			for _, s := range subs {
				_, err := st.AddFeed(cmd.Context(), store.Feed{URL: s.URL, Title: s.Title, Tags: s.Tags})
				switch {
				case errors.Is(err, store.ErrFeedExists):
					had++
				case err != nil:
					return err
				default:
					added++
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added %d, already subscribed %d\n", added, had)
			return nil
		},
	}
}

func (a *app) feedExportCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "export",
		Short:   "Write the subscriptions to stdout as OPML 2.0",
		Example: "  byline feed export > subscriptions.opml",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			feeds, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			subs := make([]opml.Subscription, len(feeds))
			for i, f := range feeds {
				subs[i] = opml.Subscription{URL: f.URL, Title: f.Title, Tags: f.Tags}
			}
			return opml.Write(cmd.OutOrStdout(), subs)
		},
	}
}
