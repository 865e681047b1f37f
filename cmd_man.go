package main

import (
	"fmt"
	"strings"

	"github.com/muesli/mango"
	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manCmd writes the man page, built from the commands and flags themselves
// so it never lags behind them. fang has its own (turned off with
// WithoutManpage): it writes to the process's stdout rather than the
// command's, is hidden, and knows nothing of files, environment and exit
// status.
func (a *app) manCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Write byline's man page (roff) to stdout",
		Example: "  byline man | man -l -\n" +
			"  byline man > ~/.local/share/man/man1/byline.1",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// A tree of its own: the running one has had flags merged into
			// this command and cobra's help and completion commands added.
			page, err := manPage(newRootCmd())
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page)
			return err
		},
	}
}

// manPage is root's man page, section 1, in roff.
func manPage(root *cobra.Command) (string, error) {
	page := mango.NewManPage(1, root.Name(), root.Short).WithLongDescription(reflow(root.Long))
	if err := mcobra.AddCommand(page, root); err != nil {
		return "", fmt.Errorf("man page: %w", err)
	}
	page = page.
		WithSection("Files", "$XDG_DATA_HOME/byline/byline.db (~/.local/share/byline/byline.db)\n"+
			"The store: articles, entities, feeds and what was read, in one SQLite file.\n"+
			"$XDG_CONFIG_HOME/byline/config.toml (~/.config/byline/config.toml)\n"+
			"Key bindings under [keys] (action = \"key\" or [\"key\", ...]), and browser = \"command %u\", "+
			"the command that opens an article's URL (O in the reader).").
		WithSection("Environment", "BYLINE_DB: the store file, unless --db names one.\n"+
			"BROWSER: commands separated by colons that open a URL (%s stands for it), tried after "+
			"the config's browser and before xdg-open, sensible-browser (open on macOS).\n"+
			"NO_COLOR: when set and not empty, draw without colour.").
		WithSection("Exit Status", "0 on success; 1 when something failed (an import or a fetch "+
			"that could not read some of its files or feeds still stores the rest, and says which "+
			"failed); 2 on a usage error.")
	return page.Build(percentSafe{roff.NewDocument()}), nil
}

// percentSafe is a roff document that keeps a % in the text: roff v0.1.0
// hands text to fmt as the format, so "%u" came out "%!u(MISSING)".
type percentSafe struct{ *roff.Document }

func (d percentSafe) Text(s string) { d.Document.Text(escapePercent(s)) }

func (d percentSafe) TextBold(s string) { d.Document.TextBold(escapePercent(s)) }

func (d percentSafe) TextItalic(s string) { d.Document.TextItalic(escapePercent(s)) }

// escapePercent doubles each % of the lines roff formats; a line starting
// with * becomes a list item, which roff passes as an argument, unformatted.
func escapePercent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "*") {
			lines[i] = strings.ReplaceAll(l, "%", "%%")
		}
	}
	return strings.Join(lines, "\n")
}

// reflow joins the lines of a help text written for an 80-column terminal,
// keeping blank lines as paragraph breaks: roff fills lines itself and
// starts a paragraph at every newline.
func reflow(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n")
}
