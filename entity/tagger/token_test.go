package tagger

import (
	"reflect"
	"testing"
)

func TestTokenizeOffsets(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Mr. Smith went to the U.S. on Monday.", []string{"Mr.", "Smith", "went", "to", "the", "U.S.", "on", "Monday", "."}},
		{"John's car isn't here.", []string{"John", "'s", "car", "is", "n't", "here", "."}},
		{"Peter’s dog and the U.N.’s chief", []string{"Peter", "’s", "dog", "and", "the", "U.N.", "’s", "chief"}},
		{"“Hello,” said O'Neill.", []string{"“", "Hello", ",", "”", "said", "O'Neill", "."}},
		{"Anglo-Dutch group said on 1996-08-22 it had 1,000.5 shares -- 3%", []string{"Anglo-Dutch", "group", "said", "on", "1996-08-22", "it", "had", "1,000.5", "shares", "--", "3", "%"}},
		{"See https://example.com/a?b=1, then www.bbc.co.uk.", []string{"See", "https://example.com/a?b=1", ",", "then", "www.bbc.co.uk", "."}},
		{"Zürich’s Café Crème — naïve…", []string{"Zürich", "’s", "Café", "Crème", "—", "naïve", "…"}},
		{"AT&T and J. K. Rowling", []string{"AT&T", "and", "J.", "K.", "Rowling"}},
		{"", nil},
		{"  \n\t ", nil},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.text)
		var got []string
		for _, tok := range toks {
			if tt.text[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q at [%d,%d) is %q in the text", tt.text, tok.Text, tok.Start, tok.End, tt.text[tok.Start:tok.End])
			}
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestSentenceStarts(t *testing.T) {
	text := "He lives in the U.S. He works for Mr. Brown. \"Yes,\" she said! Then 3 left.\n\nnew paragraph with U.S. President Obama. It was no. Ask No. 10 and Acme Inc. Later, etc."
	var starts []string
	for _, tok := range Tokenize(text) {
		if tok.SentenceStart {
			starts = append(starts, tok.Text)
		}
	}
	want := []string{"He", "He", "\"", "Then", "new", "It", "Ask", "Later"}
	if !reflect.DeepEqual(starts, want) {
		t.Errorf("sentence starts %q, want %q", starts, want)
	}
}

// FuzzTokenize checks the offset invariant on any input.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S.’s", "n't", "'s", "a-", "1.", "http://", "\xff\xfe", "O'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, tok := range Tokenize(s) {
			if tok.Start < end || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			end = tok.End
		}
	})
}
