package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/entity"
	"github.com/bylinehq/byline/ingest"
	"github.com/bylinehq/byline/model"
	"github.com/bylinehq/byline/ui/reader"
)

func (a *app) showCmd() *cobra.Command {
	var width int
	var colorMode string
	var highlights []string
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Print an article as the reading pane draws it",
		Long: "Render a stored article (by id, see 'byline list') or an article file to standard\n" +
			"output, wrapped and styled as in the reader, as glow does.",
		Example: "  byline show 12\n  byline show story.txt --width 72 --color never | less\n" +
			"  byline show 12 --highlight \"Xi Jinping\" --highlight Moscow --color always",
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			color, err := wantColor(colorMode, out)
			if err != nil {
				return err
			}
			if width < 0 {
				return usageError{fmt.Errorf("--width %d: must be positive", width)}
			}
			if width == 0 {
				width = terminalWidth(out)
			}
			art, err := a.loadArticle(cmd, args[0])
			if err != nil {
				return err
			}
			if missing := missingEntities(art, highlights); len(missing) > 0 {
				return fmt.Errorf("--highlight: no entity named %s in this article", strings.Join(missing, ", "))
			}
			text, err := reader.Render(art, width, reader.RenderOptions{Dark: isDark(color), Color: color, Highlight: highlights})
			if err != nil {
				return fmt.Errorf("render %s: %w", args[0], err)
			}
			_, err = io.WriteString(out, text)
			return err
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "wrap to N columns (default: the terminal's width, or 80)")
	cmd.Flags().StringVar(&colorMode, "color", "auto", "colour: auto, always or never")
	cmd.Flags().StringArrayVar(&highlights, "highlight", nil, "give this entity's mentions a background colour (canonical name, any case; repeatable)")
	return cmd
}

// loadArticle reads arg as a file when one exists at that path, else as the
// id of a stored article.
func (a *app) loadArticle(cmd *cobra.Command, arg string) (*model.Article, error) {
	if fi, err := os.Stat(arg); err == nil && !fi.IsDir() {
		art, err := ingest.ReadFile(arg)
		if err != nil {
			return nil, err
		}
		art.Entities = entity.New().Extract(&art)
		return &art, nil
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%s: no such file, and not an article id", arg)
	}
	st, err := a.openStoreForReading()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	art, err := st.Article(cmd.Context(), id)
	if err != nil {
		return nil, err // it names the article
	}
	return art, nil
}

// wantColor decides whether to emit colour: always, never, or (auto) only to
// a terminal and only when NO_COLOR is unset.
func wantColor(mode string, out io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := out.(*os.File)
		return ok && term.IsTerminal(f.Fd()), nil
	}
	return false, usageError{errors.New("--color must be auto, always or never, not " + strconv.Quote(mode))}
}

func terminalWidth(out io.Writer) int {
	if f, ok := out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// isDark asks the terminal for its background only when colour is in play
// and both ends are terminals; otherwise it assumes a dark one.
func isDark(color bool) bool {
	if !color || !term.IsTerminal(os.Stdin.Fd()) || !term.IsTerminal(os.Stdout.Fd()) {
		return true
	}
	return lipgloss.HasDarkBackground(os.Stdin, os.Stdout)
}

// missingEntities returns the names among want that no entity of a carries,
// so a typo in --highlight is an error rather than a silent no-op.
func missingEntities(a *model.Article, want []string) []string {
	var missing []string
	for _, name := range want {
		found := false
		for _, e := range a.Entities {
			if strings.EqualFold(e.Name, name) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, strconv.Quote(name))
		}
	}
	return missing
}
