package main

import (
	"context"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/store"
)

// completionLimit bounds the names offered at once: enough to pick from,
// few enough that a shell shows them at once.
const completionLimit = 100

// completionTimeout bounds a completion's reading of the store: a shell
// waits for it at every tab.
const completionTimeout = 2 * time.Second

// registerCompletions teaches the shell completion (byline completion SHELL)
// the values of arguments and flags: entity names, feed URLs, feed tags and
// the fixed choices, read from the store the command would use. Commands
// are found by path, so their own files stay as they are.
func (a *app) registerCompletions(root *cobra.Command) {
	find := func(path ...string) *cobra.Command {
		c, _, err := root.Find(path)
		if err != nil || c == root {
			return nil
		}
		return c
	}
	flag := func(c *cobra.Command, name string, fn cobra.CompletionFunc) {
		if c != nil && c.Flags().Lookup(name) != nil {
			_ = c.RegisterFlagCompletionFunc(name, fn) // fails only when registered twice
		}
	}
	arg := func(c *cobra.Command, fn cobra.CompletionFunc) {
		if c != nil {
			c.ValidArgsFunction = fn
		}
	}

	entityNames := a.completeEntities
	flag(find("list"), "entity", entityNames)
	flag(find("show"), "highlight", a.completeArticleEntities)
	flag(find("fetch"), "tag", a.completeTags)
	flag(find("feed", "add"), "tag", a.completeTags)
	arg(find("entities"), func(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return entityNames(cmd, args, typed)
	})
	arg(find("feed", "rm"), a.completeFeedURLs)

	choices := func(vals ...string) cobra.CompletionFunc {
		return cobra.FixedCompletions(vals, cobra.ShellCompDirectiveNoFileComp)
	}
	types := make([]string, len(model.EntityTypes))
	for i, t := range model.EntityTypes {
		types[i] = string(t)
	}
	flag(find("entities"), "type", choices(types...))
	flag(find("show"), "color", choices("auto", "always", "never"))
	flag(find("feed", "add"), "full-text", choices("auto", "always", "never"))
}

// completionStore opens the store for a completion, read-only: pressing tab
// never creates, upgrades or relinks a store. It is nil on any failure, since
// a completion has nowhere to say what went wrong.
func (a *app) completionStore() *store.Store {
	path := a.storePath()
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	st, err := store.OpenReadOnly(path)
	if err != nil {
		return nil
	}
	return st
}

// withCompletionStore runs fn against the store, bounded in time, and
// offers nothing when there is no store.
func (a *app) withCompletionStore(cmd *cobra.Command, fn func(ctx context.Context, st *store.Store) []cobra.Completion) ([]cobra.Completion, cobra.ShellCompDirective) {
	st := a.completionStore()
	if st == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(cmd.Context(), completionTimeout)
	defer cancel()
	return fn(ctx, st), cobra.ShellCompDirectiveNoFileComp
}

// completeEntities offers the entity names starting with what was typed
// (in any case), those in the most articles first, each described by its
// type and article count.
func (a *app) completeEntities(cmd *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return a.withCompletionStore(cmd, func(ctx context.Context, st *store.Store) []cobra.Completion {
		q := store.EntityQuery{Limit: completionLimit}
		if strings.TrimSpace(typed) != "" {
			q.Match, q.Limit = typed, 0 // the prefix filter below keeps what the shell would
		}
		ents, err := st.Entities(ctx, q)
		if err != nil {
			return nil
		}
		return entityCompletions(ents, typed)
	})
}

// completeArticleEntities offers, for show ID --highlight, that article's
// entities; for a file or before the ID, every entity.
func (a *app) completeArticleEntities(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) == 1 {
		if id, err := strconv.ParseInt(args[0], 10, 64); err == nil {
			if _, statErr := os.Stat(args[0]); statErr != nil { // show reads a file of that name first
				return a.withCompletionStore(cmd, func(ctx context.Context, st *store.Store) []cobra.Completion {
					ents, err := st.ArticleEntities(ctx, id)
					if err != nil {
						return nil
					}
					return entityCompletions(ents, typed)
				})
			}
		}
	}
	return a.completeEntities(cmd, args, typed)
}

// entityCompletions keeps the names that start with typed, in any case,
// at most completionLimit of them.
func entityCompletions(ents []model.EntityCount, typed string) []cobra.Completion {
	var out []cobra.Completion
	seen := map[string]bool{}
	for _, e := range ents {
		if !hasPrefixFold(e.Name, typed) || seen[e.Name] {
			continue
		}
		seen[e.Name] = true
		out = append(out, cobra.CompletionWithDesc(e.Name, string(e.Type)+", "+count(e.Articles, "article", "articles")))
		if len(out) == completionLimit {
			break
		}
	}
	return out
}

// completeTags offers the tags the subscribed feeds carry.
func (a *app) completeTags(cmd *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return a.withCompletionStore(cmd, func(ctx context.Context, st *store.Store) []cobra.Completion {
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return nil
		}
		n := map[string]int{}
		for _, f := range feeds {
			for _, t := range f.Tags {
				n[t]++
			}
		}
		var out []cobra.Completion
		for _, t := range slices.Sorted(maps.Keys(n)) {
			if hasPrefixFold(t, typed) {
				out = append(out, cobra.CompletionWithDesc(t, count(n[t], "feed", "feeds")))
			}
		}
		return out
	})
}

// completeFeedURLs offers the subscribed feeds' URLs, described by title.
func (a *app) completeFeedURLs(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return a.withCompletionStore(cmd, func(ctx context.Context, st *store.Store) []cobra.Completion {
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return nil
		}
		var out []cobra.Completion
		for _, f := range feeds {
			if strings.HasPrefix(f.URL, typed) {
				out = append(out, cobra.CompletionWithDesc(f.URL, oneLine(f.Title)))
			}
		}
		return out
	})
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
