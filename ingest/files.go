package ingest

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bylinehq/byline/model"
)

// articleExts are the extensions taken from a directory. Extension-less files
// are taken too: scraped articles are often saved without one.
var articleExts = map[string]bool{
	"":          true,
	".txt":      true,
	".text":     true,
	".md":       true,
	".markdown": true,
	".html":     true,
	".htm":      true,
}

// skippedPrefixes name the files that travel with a folder of articles but
// are not articles: its README, LICENSE, SOURCE notes and COPYING.
var skippedPrefixes = []string{"readme", "license", "licence", "source", "copying"}

// ReadFile reads and parses one article file. It checks the size with Stat
// on the open file before reading, so a huge file is refused without being
// loaded, and it refuses anything but a regular file, since reading a FIFO or
// a device could block forever or never end. A FIFO is refused before it is
// opened: opening one blocks until something writes to it.
func ReadFile(path string) (model.Article, error) {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return model.Article{}, notRegularFile(path, info.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return model.Article{}, fileError(path, err, "")
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return model.Article{}, fileError(path, err, "")
	}
	if info.IsDir() {
		return model.Article{}, fileError(path, errors.New("is a directory"), "")
	}
	if !info.Mode().IsRegular() {
		return model.Article{}, notRegularFile(path, info.Mode())
	}
	if info.Size() > MaxFileSize {
		return model.Article{}, tooLarge(path, info.Size())
	}
	// The file may grow between Stat and Read; never read past the limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return model.Article{}, fileError(path, err, "")
	}
	if len(data) > MaxFileSize {
		return model.Article{}, tooLarge(path, int64(len(data)))
	}
	return Parse(path, data)
}

// errNotRegular is the cause of the error for a file that is not regular.
var errNotRegular = errors.New("not a regular file")

func notRegularFile(path string, m fs.FileMode) error {
	return fileError(path, errNotRegular, "not a regular file ("+kindOf(m)+")")
}

// Files is Collect without the account of what was skipped.
func Files(paths []string) (files []string, errs []error) {
	c := Collect(paths)
	return c.Files, c.Errs
}

// Collection is what Collect found under the paths it was given.
type Collection struct {
	Files   []string // the article files to import, in order
	Errs    []error  // paths that could not be read
	Skipped Skipped  // files left out, by kind
	// Named are the paths given explicitly that were skipped, each with why:
	// a user who names a named pipe is told about that one.
	Named []error
}

// Collect expands paths (files and directories, recursively) into the
// article files to import, in a deterministic order: the paths as given,
// each directory's files in lexical order, with duplicates dropped. A
// regular file named explicitly is always taken, whatever its name; any
// other kind (a named pipe, a socket, a device) is skipped, since reading it
// could block forever. Inside directories it takes .txt, .text, .md,
// .markdown, .html, .htm and extension-less files, skips hidden files and
// directories and files named README*, LICENSE*, SOURCE* or COPYING* (any
// case), which a folder of articles often carries, and counts in Skipped
// every file it leaves out except hidden ones.
//
// A directory named explicitly through a symbolic link is read, as cp -r
// reads it. Symbolic links inside directories are followed to files but not
// to directories, so a link loop cannot trap the walk.
//
// A path that cannot be read is reported in Errs and the rest goes on, so
// one typo does not cancel an import of thousands.
func Collect(paths []string) Collection {
	var c Collection
	seen := make(map[string]bool)
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			c.Files = append(c.Files, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			c.Errs = append(c.Errs, fileError(root, err, ""))
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				c.Skipped.add(kindOf(info.Mode()), notRegular)
				c.Named = append(c.Named, notRegularFile(root, info.Mode()))
				continue
			}
			add(root)
			continue
		}
		// WalkDir does not enter a root that is a link; walk its target
		// and name what is found under the name the user gave.
		walkRoot := root
		if l, err := os.Lstat(root); err == nil && l.Mode()&fs.ModeSymlink != 0 {
			if walkRoot, err = filepath.EvalSymlinks(root); err != nil {
				c.Errs = append(c.Errs, fileError(root, err, ""))
				continue
			}
		}
		shown := func(p string) string {
			if walkRoot == root {
				return p
			}
			rel, err := filepath.Rel(walkRoot, p)
			if err != nil {
				return p
			}
			return filepath.Join(root, rel)
		}
		err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				c.Errs = append(c.Errs, fileError(shown(p), err, ""))
				if d != nil && d.IsDir() && p != walkRoot {
					return fs.SkipDir
				}
				return nil
			}
			if p == walkRoot {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				target, err := os.Stat(p)
				if err != nil {
					c.Errs = append(c.Errs, fileError(shown(p), err, ""))
					return nil
				}
				if target.IsDir() {
					c.Skipped.add("link to a folder", notFollowed)
					return nil
				}
				mode = target.Mode().Type()
			}
			if !mode.IsRegular() {
				c.Skipped.add(kindOf(mode), notRegular) // a FIFO, socket or device in the folder
				return nil
			}
			if kind, why := skipName(name); why != "" {
				c.Skipped.add(kind, why)
				return nil
			}
			add(shown(p))
			return nil
		})
		if err != nil {
			c.Errs = append(c.Errs, fileError(root, err, ""))
		}
	}
	return c
}
