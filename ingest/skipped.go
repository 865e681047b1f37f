package ingest

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// Why a file was skipped, as the summary says it.
const (
	notArticle  = "not an article format"
	notRegular  = "not a regular file"
	notFollowed = "links to folders are not followed inside a folder"
	aNote       = "notes that travel with articles"
)

// Skipped counts the files an import left out, by kind (".html.gz",
// "named pipe", "README") and why, so that "imported 0" never stands alone
// when a folder held files of kinds byline does not read.
type Skipped struct {
	Total  int
	counts map[[2]string]int // {why, kind} → files
}

// reasons is the order the summary gives the reasons in.
var reasons = []string{notArticle, notRegular, aNote, notFollowed}

func (s *Skipped) add(kind, why string) {
	if s.counts == nil {
		s.counts = map[[2]string]int{}
	}
	s.counts[[2]string{why, kind}]++
	s.Total++
}

// maxKinds is how many kinds the summary names for one reason.
const maxKinds = 6

// String is the one-line summary, "" when nothing was skipped, e.g.
// "skipped 183 files: 181 .html.gz, 2 .jpg (not an article format); 1 named
// pipe (not a regular file)".
func (s Skipped) String() string {
	if s.Total == 0 {
		return ""
	}
	type kind struct {
		name string
		n    int
	}
	var parts []string
	for _, why := range reasons {
		var kinds []kind
		for k, n := range s.counts {
			if k[0] == why {
				kinds = append(kinds, kind{k[1], n})
			}
		}
		sort.Slice(kinds, func(i, j int) bool {
			if kinds[i].n != kinds[j].n {
				return kinds[i].n > kinds[j].n
			}
			return kinds[i].name < kinds[j].name
		})
		if len(kinds) == 0 {
			continue
		}
		var names []string
		rest := 0
		for i, k := range kinds {
			if i < maxKinds {
				names = append(names, fmt.Sprintf("%d %s", k.n, displayPath(k.name)))
			} else {
				rest += k.n
			}
		}
		if rest > 0 {
			names = append(names, fmt.Sprintf("%d of other kinds", rest))
		}
		parts = append(parts, strings.Join(names, ", ")+" ("+why+")")
	}
	files := "files"
	if s.Total == 1 {
		files = "file"
	}
	return fmt.Sprintf("skipped %d %s: %s", s.Total, files, strings.Join(parts, "; "))
}

// compressed are the extensions of compressed files: a.html.gz is known by
// both of its extensions.
var compressed = map[string]bool{".gz": true, ".bz2": true, ".xz": true, ".zst": true, ".z": true, ".br": true, ".lz4": true}

// skipName says why a file found in a directory is not taken by its name,
// and what kind it is; why is "" for an article file.
func skipName(name string) (kind, why string) {
	lower := strings.ToLower(name)
	for _, prefix := range skippedPrefixes {
		if strings.HasPrefix(lower, prefix) {
			return strings.ToUpper(prefix), aNote
		}
	}
	ext := filepath.Ext(lower)
	if articleExts[ext] {
		return "", ""
	}
	if compressed[ext] {
		if inner := filepath.Ext(strings.TrimSuffix(lower, ext)); inner != "" && len(inner) <= 10 {
			ext = inner + ext
		}
	}
	return ext, notArticle
}

// kindOf names a file that is not regular.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "special file"
}
