package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// browserSettle is how long a browser command may take to fail before it
// counts as started: xdg-open with no browser behind it exits with an error
// at once, while a browser itself may run until it is closed.
const browserSettle = 1500 * time.Millisecond

// browserCommand is one way to open a URL, and where it came from, which
// the failure message names.
type browserCommand struct {
	from string   // "config" or "$BROWSER"; "" for the platform's opener
	argv []string // the program, then its arguments, the URL among them
}

// browserCommands lists the commands that may open u, in the order to try
// them: the config file's browser entry (its %u replaced by the URL, or the
// URL added at the end), then each command of $BROWSER (a list separated by
// colons, %s standing for the URL, as man pages and git read it), then the
// platform's opener: open on macOS, rundll32 on Windows, xdg-open and
// sensible-browser elsewhere. No command goes through a shell: the URL is
// always one argument.
func browserCommands(configured, envBrowser, goos, u string) []browserCommand {
	var cmds []browserCommand
	if argv := withURL(configured, "%u", u); argv != nil {
		cmds = append(cmds, browserCommand{from: "config", argv: argv})
	}
	for _, c := range strings.Split(envBrowser, string(os.PathListSeparator)) {
		if argv := withURL(c, "%s", u); argv != nil {
			cmds = append(cmds, browserCommand{from: "$BROWSER", argv: argv})
		}
	}
	switch goos {
	case "darwin":
		cmds = append(cmds, browserCommand{argv: []string{"open", u}})
	case "windows":
		cmds = append(cmds, browserCommand{argv: []string{"rundll32", "url.dll,FileProtocolHandler", u}})
	default:
		cmds = append(cmds,
			browserCommand{argv: []string{"xdg-open", u}},
			browserCommand{argv: []string{"sensible-browser", u}})
	}
	return cmds
}

// withURL splits a command template into words and puts u where
// placeholder stands, or after the last word when it stands nowhere. An
// empty template gives nil.
func withURL(template, placeholder, u string) []string {
	words := strings.Fields(template)
	if len(words) == 0 {
		return nil
	}
	placed := false
	for i, w := range words[1:] {
		if strings.Contains(w, placeholder) {
			words[i+1] = strings.ReplaceAll(w, placeholder, u)
			placed = true
		}
	}
	if !placed {
		words = append(words, u)
	}
	return words
}

// openURL opens u in the user's browser, off the update path. configured
// is the browser entry of the config file ("" for none).
func openURL(configured, u string) tea.Cmd {
	return func() tea.Msg {
		cmds := browserCommands(configured, os.Getenv("BROWSER"), runtime.GOOS, u)
		if err := openWith(cmds, browserSettle); err != nil {
			return noteMsg("cannot open browser: " + err.Error())
		}
		return noteMsg("opened " + u)
	}
}

// openWith runs the commands in turn until one starts and has not failed
// within settle. When none does, the error names each one tried and why it
// failed: "tried firefox ($BROWSER): not found; xdg-open: exit status 3".
func openWith(cmds []browserCommand, settle time.Duration) error {
	var tried []string
	for _, c := range cmds {
		err := startBrowser(c.argv, settle)
		if err == nil {
			return nil
		}
		name := filepath.Base(c.argv[0])
		if c.from != "" {
			name += " (" + c.from + ")"
		}
		tried = append(tried, name+": "+err.Error())
	}
	return errors.New("tried " + strings.Join(tried, "; "))
}

// startBrowser starts argv with no terminal attached (its input and output
// are the null device, so it can never draw over the reader), and reports
// a failure to start or an unsuccessful exit within settle.
func startBrowser(argv []string, settle time.Duration) error {
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return errors.New("not found")
	}
	cmd := exec.Command(path, argv[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }() // reaps it, however long it runs
	select {
	case err := <-exited:
		return err
	case <-time.After(settle):
		return nil
	}
}
