package main

// Start-up as a person sees it: the real byline binary started in a pseudo
// terminal of 160x45, timed from exec until its first screen (the list with
// its rows and the count) has been written. The pty answers the queries a
// terminal answers (background colour, mode reports), as tmux or a desktop
// terminal would, so nothing waits on a reply that never comes.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

var ptyBinary struct {
	once sync.Once
	path string
	err  error
}

// bylineBinary builds the program once per test binary, as `go build` would.
func bylineBinary(tb testing.TB) string {
	ptyBinary.once.Do(func() {
		dir, err := os.MkdirTemp("", "byline-pty")
		if err != nil {
			ptyBinary.err = err
			return
		}
		ptyBinary.path = filepath.Join(dir, "byline")
		out, err := exec.Command("go", "build", "-o", ptyBinary.path, ".").CombinedOutput()
		if err != nil {
			ptyBinary.err = fmt.Errorf("go build: %v: %s", err, out)
		}
	})
	if ptyBinary.err != nil {
		tb.Fatal(ptyBinary.err)
	}
	return ptyBinary.path
}

// terminalReplies are what a terminal answers to the queries Bubble Tea
// sends at start: a dark background, synchronized output and unicode core
// supported, the kitty keyboard flags.
var terminalReplies = []struct{ query, reply string }{
	{"\x1b]11;?\a", "\x1b]11;rgb:1c1c/1c1c/1c1c\a"},
	{"\x1b[?2026$p", "\x1b[?2026;2$y"},
	{"\x1b[?2027$p", "\x1b[?2027;2$y"},
	{"\x1b[?u", "\x1b[?0u"},
}

// ptyFirstScreen starts bin with args in a fresh 160x45 pty and returns how
// long it took until the output holds done, and everything written until then.
// Then it types quit and waits for the program to end (untimed).
func ptyFirstScreen(tb testing.TB, bin string, env []string, done *regexp.Regexp, quit string, args ...string) (time.Duration, []byte) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 45, Cols: 160})
	if err != nil {
		tb.Fatal(err)
	}
	defer func() {
		f.Write([]byte(quit))
		waited := make(chan struct{})
		go func() { cmd.Wait(); close(waited) }()
		select {
		case <-waited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-waited
		}
		f.Close()
	}()
	// A pty's file takes no read deadline, so a goroutine reads and the
	// wait below gives up after 10 s: a program that never draws its first
	// screen fails the benchmark instead of hanging it.
	type chunk struct {
		b   []byte
		err error
	}
	chunks, stop := make(chan chunk), make(chan struct{})
	defer close(stop) // before the pty closes, which ends the Read
	go func() {
		for {
			buf := make([]byte, 1<<16)
			n, err := f.Read(buf)
			select {
			case chunks <- chunk{buf[:n], err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var out []byte
	answered := make([]bool, len(terminalReplies))
	timeout := time.After(10 * time.Second)
wait:
	for {
		select {
		case c := <-chunks:
			out = append(out, c.b...)
			for i, q := range terminalReplies {
				if !answered[i] && bytes.Contains(out, []byte(q.query)) {
					answered[i] = true
					f.Write([]byte(q.reply))
				}
			}
			if done.Match(out) {
				return time.Since(start), out
			}
			if c.err != nil {
				break wait
			}
		case <-timeout:
			break wait
		}
	}
	tb.Fatalf("no first screen matching %s after %v: %q", done, time.Since(start), out)
	return 0, nil
}

// BenchmarkPtyFirstScreen is exec → first screen of `byline` in a pty on a
// store of one article (the seed) and on the generated 10k and 100k stores
// (1M with BYLINE_BENCH_1M=1); "exit" is exec → exit of `byline --version`,
// the cost of starting the process and initialising its packages.
func BenchmarkPtyFirstScreen(b *testing.B) {
	bin := bylineBinary(b)
	env := append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor",
		"XDG_CONFIG_HOME="+b.TempDir(), "BYLINE_DB=")
	b.Run("exit", func(b *testing.B) {
		for b.Loop() {
			if out, err := exec.Command(bin, "--version").CombinedOutput(); err != nil {
				b.Fatalf("byline --version: %v: %s", err, out)
			}
		}
	})
	seed := filepath.Join(sharedDir(b), "seeds", "000_d27acffbcd5def62.txt")
	if _, err := os.Stat(seed); err != nil {
		b.Skipf("seed article absent (%v)", err)
	}
	one := filepath.Join(b.TempDir(), "one.db")
	if out, err := exec.Command(bin, "--db", one, "import", seed).CombinedOutput(); err != nil {
		b.Fatalf("import the seed: %v: %s", err, out)
	}
	stores := map[int]string{1: one}
	sizes := []int{1}
	for _, n := range benchSizes() {
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) {
			path, ok := stores[n]
			if !ok {
				// A copy, as the reader marks what it shows read; relinked
				// first, as after an import, so no iteration finishes a
				// generator's work beside the reader.
				path = filepath.Join(b.TempDir(), "store.db")
				if err := copyFile(benchStore(b, n), path); err != nil {
					b.Fatal(err)
				}
				if out, err := exec.Command(bin, "--db", path, "relink").CombinedOutput(); err != nil {
					b.Fatalf("relink: %v: %s", err, out)
				}
			}
			// The count in the list's header is drawn with the rows: the
			// exact "unread/total" on a small store, an estimate ("≈100k")
			// on a big one until the exact count arrives. What follows the
			// count may be a space or, when an earlier frame ("loading…")
			// already left blanks there, the next escape sequence.
			done := regexp.MustCompile(`[0-9]+/[0-9]+ unread|≈[0-9.]+[kM]?[ \x1b]`)
			var total time.Duration
			for b.Loop() {
				d, _ := ptyFirstScreen(b, bin, env, done, "\x03", "--db", path) // ctrl+c quits from anywhere
				total += d
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "screen-ms")
		})
	}
}
