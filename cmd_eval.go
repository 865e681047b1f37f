package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/entity/tagger"
)

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure byline's parts against labelled data",
	}
	var fine bool
	ner := &cobra.Command{
		Use:   "ner FILE...",
		Short: "Score the entity tagger on CoNLL-format files",
		Long: "Tag every document of CoNLL column files (token first, NE tag last, IOB1 or IOB2,\n" +
			"-DOCSTART- between documents, each document tagged as a whole) and print one JSON\n" +
			"object with exact-span, typed scores as conlleval computes them. Several files are\n" +
			"scored together. CoNLL files know four types, so WORK, PRODUCT and EVENT count as\n" +
			"MISC, in the gold tags and in byline's; --fine scores all seven types instead, for\n" +
			"files tagged with them.",
		Example: "  byline eval ner ../shared/data/ner/conll2003/eng.testa",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := tagger.Load()
			if err != nil {
				return err
			}
			var docs []tagger.Document
			for _, path := range args {
				d, err := readCoNLLFile(path)
				if err != nil {
					return err
				}
				docs = append(docs, d...)
			}
			if fine {
				return writeJSONLine(cmd.OutOrStdout(), tagger.EvaluateFine(docs, m))
			}
			return writeJSONLine(cmd.OutOrStdout(), tagger.EvaluateDocuments(docs, m))
		},
	}
	ner.Flags().BoolVar(&fine, "fine", false, "score PER, ORG, LOC, WORK, PRODUCT, EVENT and MISC apart")
	cmd.AddCommand(ner)
	return cmd
}

func readCoNLLFile(path string) ([]tagger.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := tagger.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}
