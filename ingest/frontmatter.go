package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxFrontMatter bounds how far the closing delimiter is looked for; front
// matter is a handful of lines, and a document that merely opens with a
// thematic break must not be scanned to its end for one.
const maxFrontMatter = 200

// frontMatterKey matches a top-level "key: value" (YAML) or "key = value"
// (TOML) line.
var frontMatterKey = regexp.MustCompile(`^([A-Za-z0-9_-]+)\s*[:=]\s*(.*)$`)

// frontMatter is what byline keeps of a Markdown file's metadata block.
type frontMatter struct {
	Title     string
	Published time.Time
	// Author is parsed but not yet stored: model.Article has no field for
	// it. It is kept here so wiring it up is one line.
	Author string
	URL    string
}

// splitFrontMatter takes a leading YAML (--- … --- or …) or TOML (+++ … +++)
// block off lines. Only flat keys are read; nested values, lists and block
// scalars are skipped rather than parsed, since only title, date, author and
// url matter. A block whose lines are not key/value pairs is not front
// matter: a document may simply open with a thematic break.
func splitFrontMatter(lines []string) (frontMatter, []string) {
	var fm frontMatter
	if len(lines) < 2 {
		return fm, lines
	}
	open := strings.TrimSpace(lines[0])
	if open != "---" && open != "+++" {
		return fm, lines
	}
	end := -1
	for i := 1; i < len(lines) && i <= maxFrontMatter; i++ {
		l := strings.TrimSpace(lines[i])
		if l == open || (open == "---" && l == "...") {
			end = i
			break
		}
	}
	if end < 0 {
		return fm, lines
	}
	var pairs [][2]string
	for _, l := range lines[1:end] {
		t := strings.TrimSpace(l)
		switch {
		case t == "", strings.HasPrefix(t, "#"), l[0] == ' ', l[0] == '\t', strings.HasPrefix(t, "- "), t == "-":
			continue // blank, comment, or part of a nested value
		case strings.HasPrefix(t, "[") && open == "+++":
			continue // a TOML table header
		}
		m := frontMatterKey.FindStringSubmatch(t)
		if m == nil {
			return frontMatter{}, lines
		}
		pairs = append(pairs, [2]string{strings.ToLower(m[1]), unquote(m[2])})
	}
	for _, kv := range pairs {
		key, val := kv[0], kv[1]
		switch key {
		case "title":
			if fm.Title == "" {
				fm.Title = val
			}
		case "date", "published", "publishdate", "pubdate", "published_at", "publish_date":
			if t, ok := parseDate(val); ok && fm.Published.IsZero() {
				fm.Published = t
			}
		case "author", "byline":
			if fm.Author == "" {
				fm.Author = val
			}
		case "url", "link", "canonical_url", "canonicalurl":
			if fm.URL == "" && (strings.HasPrefix(val, "https://") || strings.HasPrefix(val, "http://")) {
				fm.URL = val
			}
		}
	}
	return fm, lines[end+1:]
}

// unquote strips YAML or TOML quotes from a scalar and drops values that
// open a block (| or >), a list or a map, which are not read.
func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 {
		switch q := v[0]; {
		case q == '"' && v[len(v)-1] == '"':
			if s, err := strconv.Unquote(v); err == nil {
				return s
			}
			return v[1 : len(v)-1]
		case q == '\'' && v[len(v)-1] == '\'':
			return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
		}
	}
	if v == "" || strings.ContainsAny(v[:1], "|>[{&*") {
		return ""
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i]) // a trailing comment
	}
	return v
}
