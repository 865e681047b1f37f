package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/store"
)

// entityCmd groups the corrections a user makes to the entities the store
// found: each is kept in the store and applied to every article, stored or
// still to come, until undone.
func (a *app) entityCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "entity",
		Short: "Correct the entities: merge, rename, retype, split; list and undo corrections",
		Long: "Corrections fix what the machine got wrong, once: they live in the store and apply to\n" +
			"every article stored and every one stored later, through re-imports and relinks.\n" +
			"NAME is an entity's name or one of its other names, in any case; a NAME that fits\n" +
			"several entities is refused with the list of them.",
		Args: usageArgs(cobra.NoArgs),
	}
	cmd.AddCommand(a.entityMergeCmd(), a.entityRenameCmd(), a.entityTypeCmd(), a.entitySplitCmd(),
		a.entityCorrectionsCmd(), a.entityUndoCmd())
	return cmd
}

func (a *app) entityMergeCmd() *cobra.Command {
	var into string
	cmd := &cobra.Command{
		Use:     "merge NAME... --into NAME",
		Short:   "Make several entities one",
		Example: `  byline entity merge "Tories" "Conservatives" --into "Conservative Party"`,
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(into) == "" {
				return usageError{fmt.Errorf("merge needs --into NAME")}
			}
			return a.applyCorrection(cmd, func(st *store.Store) (store.Correction, error) {
				return st.Merge(cmd.Context(), args, into)
			})
		},
	}
	cmd.Flags().StringVar(&into, "into", "", "the entity (or new name) they become")
	return cmd
}

func (a *app) entityRenameCmd() *cobra.Command {
	var to string
	cmd := &cobra.Command{
		Use:     "rename NAME --to NEW",
		Short:   "Give an entity another canonical name",
		Example: `  byline entity rename "Leicester" --to "Leicester Tigers"`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(to) == "" {
				return usageError{fmt.Errorf("rename needs --to NEW")}
			}
			return a.applyCorrection(cmd, func(st *store.Store) (store.Correction, error) {
				return st.Rename(cmd.Context(), args[0], to)
			})
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "the new canonical name")
	return cmd
}

func (a *app) entityTypeCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "type NAME " + strings.Join(store.CorrectionTypes, "|"),
		Short:   "Set an entity's type",
		Example: `  byline entity type "Aviator" WORK`,
		Args:    usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			typ := strings.ToUpper(args[1])
			if !validCorrectionType(typ) {
				return usageError{fmt.Errorf("type %q: want one of %s", args[1], strings.Join(store.CorrectionTypes, ", "))}
			}
			return a.applyCorrection(cmd, func(st *store.Store) (store.Correction, error) {
				return st.SetType(cmd.Context(), args[0], typ)
			})
		},
	}
}

func validCorrectionType(t string) bool {
	for _, v := range store.CorrectionTypes {
		if t == v {
			return true
		}
	}
	return false
}

func (a *app) entitySplitCmd() *cobra.Command {
	var article int64
	cmd := &cobra.Command{
		Use:     "split NAME --article ID",
		Short:   "Make an entity's mentions in one article an entity of their own",
		Example: `  byline entity split "Washington" --article 412`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if article <= 0 {
				return usageError{fmt.Errorf("split needs --article ID")}
			}
			return a.applyCorrection(cmd, func(st *store.Store) (store.Correction, error) {
				return st.Split(cmd.Context(), args[0], article)
			})
		},
	}
	cmd.Flags().Int64Var(&article, "article", 0, "the article whose mentions go apart")
	return cmd
}

// applyCorrection opens the store, makes one correction and says what it
// did in one line.
func (a *app) applyCorrection(cmd *cobra.Command, fn func(*store.Store) (store.Correction, error)) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := fn(st)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "correction %d: %s\n", c.ID, safe.Line(describeCorrection(c)))
	return nil
}

// describeCorrection says what c does in the words of the command that made it.
func describeCorrection(c store.Correction) string {
	quoted := make([]string, len(c.Names))
	for i, n := range c.Names {
		quoted[i] = strconv.Quote(n)
	}
	names := strings.Join(quoted, " ")
	switch c.Kind {
	case "merge":
		return fmt.Sprintf("merge %s into %q", names, c.Into)
	case "rename":
		return fmt.Sprintf("rename %s to %q", names, c.Into)
	case "type":
		return fmt.Sprintf("type %s %s", names, c.Type)
	case "split":
		return fmt.Sprintf("split %s in article %d", names, c.Article)
	}
	return c.Kind + " " + names
}

func (a *app) entityCorrectionsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "corrections",
		Short: "List the corrections, in the order they apply",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStoreForReading()
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Corrections(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSONLines(cmd.OutOrStdout(), list)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "ID\tMADE\tCORRECTION\n")
			for _, c := range list {
				fmt.Fprintf(tw, "%d\t%s\t%s\n", c.ID, c.Created.Format("2006-01-02"), safe.Line(describeCorrection(c)))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per correction per line")
	return cmd
}

func (a *app) entityUndoCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "undo N",
		Short:   "Remove correction N (see byline entity corrections)",
		Example: "  byline entity undo 3",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return usageError{fmt.Errorf("undo %q: want a correction number", args[0])}
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			c, err := st.Undo(cmd.Context(), id)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "undone %d: %s\n", c.ID, safe.Line(describeCorrection(c)))
			return nil
		},
	}
}

// relinkCmd recomputes identities over the store: what import and fetch do
// by themselves after storing articles, for when that was interrupted.
func (a *app) relinkCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "relink",
		Short: "Link people named by surname to their full names and bring entities up to date",
		Long: "Import and fetch do this by themselves. Its cost follows what changed since the last\n" +
			"relink, not the size of the store.",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := st.Relink(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "relinked %d articles\n", n)
			return nil
		},
	}
}
