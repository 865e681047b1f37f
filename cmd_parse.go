package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
)

func (a *app) parseCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "parse FILE...",
		Short: "Parse articles and show their fields and entities, without storing them",
		Long: "Parse each file as byline would on import and print what it found. With --json, one\n" +
			"JSON object per article per line; mention offsets are byte offsets into the field's text\n" +
			"(for the body, into paragraph N, counted from 0).",
		Example: "  byline parse story.txt --json | jq .entities",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			ex := entity.New()
			failed := false
			for _, path := range args {
				art, err := ingest.ReadFile(path)
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "failed: %s\n", oneLine(err.Error()))
					failed = true
					continue
				}
				art.Entities = ex.Extract(&art)
				if asJSON {
					err = writeArticleJSON(cmd.OutOrStdout(), &art)
				} else {
					err = writeArticleText(cmd.OutOrStdout(), &art)
				}
				if err != nil {
					return err
				}
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per article per line")
	return cmd
}

// articleJSON is the stable shape scripts read from `byline parse --json`.
type articleJSON struct {
	Title      string         `json:"title"`
	Published  *string        `json:"published"` // RFC 3339; null when the article carries no date
	Caption    string         `json:"caption"`
	Credit     string         `json:"credit"`
	Source     string         `json:"source"`
	Paragraphs []string       `json:"paragraphs"`
	Entities   []model.Entity `json:"entities"`
}

func writeArticleJSON(w io.Writer, a *model.Article) error {
	out := articleJSON{
		Title:      a.Title,
		Published:  rfc3339(a.Published),
		Caption:    a.Caption,
		Credit:     a.Credit,
		Source:     a.Source,
		Paragraphs: a.Paragraphs,
		Entities:   a.Entities,
	}
	if out.Paragraphs == nil {
		out.Paragraphs = []string{}
	}
	if out.Entities == nil {
		out.Entities = []model.Entity{}
	}
	return writeJSONLine(w, out)
}

func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeJSONLines writes each of items as one JSON object per line.
func writeJSONLines[T any](w io.Writer, items []T) error {
	for _, it := range items {
		if err := writeJSONLine(w, it); err != nil {
			return err
		}
	}
	return nil
}

// rfc3339 formats a publication time, or nil when it is unknown.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func writeArticleText(w io.Writer, a *model.Article) error {
	fmt.Fprintf(w, "%s\n", a.Title)
	if !a.Published.IsZero() {
		fmt.Fprintf(w, "  published  %s\n", a.Published.UTC().Format(time.RFC3339))
	}
	if a.Caption != "" {
		fmt.Fprintf(w, "  caption    %s\n", a.Caption)
	}
	if a.Credit != "" {
		fmt.Fprintf(w, "  credit     %s\n", a.Credit)
	}
	fmt.Fprintf(w, "  source     %s\n  paragraphs %d\n", a.Source, len(a.Paragraphs))
	for _, e := range a.Entities {
		fmt.Fprintf(w, "  %-7s %s (%d)\n", e.Type, e.Name, len(e.Mentions))
	}
	_, err := fmt.Fprintln(w)
	return err
}
