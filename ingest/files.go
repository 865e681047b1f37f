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
// a device could block forever or never end.
func ReadFile(path string) (model.Article, error) {
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
		return model.Article{}, fileError(path, errors.New("not a regular file"), "")
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

// Files expands paths (files and directories, recursively) into the article
// files to import, in a deterministic order: the paths as given, each
// directory's files in lexical order, with duplicates dropped. A path named
// explicitly is always taken, whatever its name. Inside directories it takes
// .txt, .text, .md, .markdown, .html, .htm and extension-less files, and skips hidden
// files and directories and files named README*, LICENSE*, SOURCE* or
// COPYING* (any case), which a folder of articles often carries. Symbolic
// links inside directories are followed to files but not to directories, so
// a link loop cannot trap the walk.
//
// A path that cannot be read is reported in errs and the rest goes on, so
// one typo does not cancel an import of thousands.
func Files(paths []string) (files []string, errs []error) {
	seen := make(map[string]bool)
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, fileError(root, err, ""))
			continue
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fileError(p, err, ""))
				if d != nil && d.IsDir() && p != root {
					return fs.SkipDir
				}
				return nil
			}
			if p == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isArticleName(name) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				target, err := os.Stat(p)
				if err != nil {
					errs = append(errs, fileError(p, err, ""))
					return nil
				}
				if !target.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil // a FIFO, socket or device sitting in the folder
			}
			add(p)
			return nil
		})
		if err != nil {
			errs = append(errs, fileError(root, err, ""))
		}
	}
	return files, errs
}

// isArticleName reports whether a file found in a directory is an article by
// its name.
func isArticleName(name string) bool {
	lower := strings.ToLower(name)
	for _, prefix := range skippedPrefixes {
		if strings.HasPrefix(lower, prefix) {
			return false
		}
	}
	return articleExts[filepath.Ext(lower)]
}
