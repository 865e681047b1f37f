// Command byline is a terminal news reader that reads by entity: it parses
// news articles into a local SQLite store, finds the people, organisations
// and places in them, and shows them in a three-pane terminal reader.
//
// main.go wires the packages together and holds the command line; each
// subcommand lives in a cmd_*.go file beside it.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/bylinehq/byline/ingest/safe"
	"github.com/bylinehq/byline/store"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the process exit status:
// 0 on success, 1 when something failed, 2 on a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithoutManpage(),
		fang.WithErrorHandler(handleError),
		fang.WithNotifySignal(os.Interrupt),
	)
	return exitCode(err)
}

// app holds what every subcommand shares: where the store lives.
type app struct {
	dbPath string
}

func newRootCmd() *cobra.Command {
	a := &app{}
	root := &cobra.Command{
		Use:   "byline",
		Short: "A terminal news reader that reads by entity",
		Long: "byline parses news articles into a local store, finds the people, organisations and\n" +
			"places in them, and lets you read by entity. Run it without arguments to open the reader.",
		Args:          usageArgs(cobra.NoArgs),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE:          a.runReader,
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", "", "store file (default $BYLINE_DB or $XDG_DATA_HOME/byline/byline.db)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		a.importCmd(),
		a.parseCmd(),
		a.listCmd(),
		a.entitiesCmd(),
		a.showCmd(),
		a.evalCmd(),
		a.feedCmd(),
		a.fetchCmd(),
		a.addCmd(),
		a.entityCmd(), a.relinkCmd(),
		a.manCmd(),
	)
	a.registerCompletions(root)
	return root
}

// storePath resolves the store file: --db, then BYLINE_DB, then the XDG
// data directory.
func (a *app) storePath() string {
	if a.dbPath != "" {
		return a.dbPath
	}
	if p := os.Getenv("BYLINE_DB"); p != "" {
		return p
	}
	return store.DefaultPath()
}

// openStore opens the store for a command that writes, creating it when
// missing.
func (a *app) openStore() (*store.Store, error) {
	return store.Open(a.storePath()) // its errors name the path
}

// openStoreForReading opens the store for a command that only reads (list,
// show, entities). It creates nothing and writes nothing, so it works on a
// store the user may not write and on a full disk; a path with no store is
// an error. A store of an older schema is upgraded when it can be written,
// and otherwise refused in one line.
func (a *app) openStoreForReading() (*store.Store, error) {
	path := a.storePath()
	s, err := store.OpenReadOnly(path)
	switch {
	case errors.Is(err, store.ErrNoStore):
		return nil, fmt.Errorf("no store at %s: byline import or byline feed add makes one", path)
	case errors.Is(err, store.ErrOldSchema):
		w, werr := store.Open(path)
		if werr != nil {
			return nil, fmt.Errorf("store %s was written by an older byline and must be upgraded, but cannot be written: %w", path, werr)
		}
		return w, nil
	case err != nil:
		return nil, err // OpenReadOnly names the path
	}
	return s, nil
}

// usageError marks a mistake in how byline was called (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usageArgs wraps a cobra argument check so its failures count as usage errors.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// errReported means the command already told the user what failed (for
// example each file an import could not read); it only sets exit status 1.
var errReported = errors.New("failures reported above")

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	// cobra reports unknown commands and some flag errors as plain errors.
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument"} {
		if strings.HasPrefix(msg, prefix) {
			return 2
		}
	}
	return 1
}

// handleError prints one line per error, prefixed with the program name, as
// command-line tools do; errors already reported print nothing more.
func handleError(w io.Writer, _ fang.Styles, err error) {
	if errors.Is(err, errReported) {
		return
	}
	fmt.Fprintf(w, "byline: %s\n", oneLine(err.Error()))
	if exitCode(err) == 2 {
		fmt.Fprintln(w, "Run 'byline --help' for usage.")
	}
}

// oneLine makes a message fit to print on one line of a terminal: it folds
// it onto one line, so an error never spans several, and passes it through
// safe.Line, since messages quote the outside world (a server's status text,
// a file's name, a feed's error) and must not carry its escape sequences,
// control characters or bidi controls. Every error and failure line byline
// prints goes through it.
func oneLine(s string) string {
	return safe.Line(s)
}
