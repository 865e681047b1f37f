package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/bylinehq/byline/model"
)

// Identity returns the key under which an article is stored once: "guid:"
// and its GUID when it has one, else "url:" and its link, else "sha256:" and
// a hash of its title and body. Two items are the same article exactly when
// their keys are equal, so a feed that re-sends an item (or lists it in two
// feeds under one GUID) updates the article instead of adding a copy.
func Identity(a model.Article) string {
	if g := strings.TrimSpace(a.GUID); g != "" {
		return "guid:" + g
	}
	if u := strings.TrimSpace(a.URL); u != "" {
		return "url:" + u
	}
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(a.Title)))
	for _, p := range a.Paragraphs {
		h.Write([]byte{0})
		h.Write([]byte(strings.TrimSpace(p)))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}
