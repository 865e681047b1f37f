package entity

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bylinehq/byline/model"
)

// tagged renders the spans of a one-paragraph article as "TYPE text".
func tagged(para string) []string {
	a := &model.Article{Paragraphs: []string{para}}
	var out []string
	for _, s := range NewRuleTagger().Tag(a) {
		out = append(out, string(s.Type)+" "+para[s.Start:s.End])
	}
	return out
}

func TestRuleTagger(t *testing.T) {
	tests := []struct {
		name, para string
		want       []string
	}{
		{"titles stay outside the name", "Russian President Vladimir Putin met US Secretary of State Antony Blinken.",
			[]string{"MISC Russian", "PER Vladimir Putin", "LOC US", "PER Antony Blinken"}},
		{"honorific with a full stop", "Then Mr. Smith and Dr Jones left.", []string{"PER Smith", "PER Jones"}},
		{"possessive outside the name", "China's plan and President Xi’s visit to Moscow.", []string{"LOC China", "PER Xi", "LOC Moscow"}},
		{"role word before an unknown name", "The Chinese leader Xi Jinping arrived.", []string{"MISC Chinese", "PER Xi Jinping"}},
		{"organisation heads", "The International Criminal Court warned the Bank of England and the White House.",
			[]string{"ORG International Criminal Court", "ORG Bank of England", "ORG White House"}},
		{"place heads and a nationality before them", "Jets flew over the Baltic Sea to the Russian Black Sea fleet.",
			[]string{"LOC Baltic Sea", "MISC Russian", "LOC Black Sea"}},
		{"town of", "Fighting continued at the eastern town of Bakhmut.", []string{"LOC Bakhmut"}},
		{"sentence openers are not names", "However, the talks failed. According to officials, it went on. Fierce fighting followed. Each side lost.", nil},
		{"dates are not names", "On Monday in March they met in Brussels.", []string{"LOC Brussels"}},
		{"a month inside a name", "Theresa May said so in May.", []string{"PER Theresa May"}},
		{"events", "He won the World Cup before World War III.", []string{"MISC World Cup", "MISC World War III"}},
		{"title word inside another name", "General Motors sold cars before the General Election.",
			[]string{"ORG General Motors", "MISC General Election"}},
		{"acronyms", "The ICC and NATO met. MPs and the PM agreed.", []string{"ORG ICC", "ORG NATO"}},
		{"abbreviated places", "The U.S. and the UK disagreed.", []string{"LOC U.S.", "LOC UK"}},
		{"a name after a party", "Liberal Democrat Sarah Teather spoke.", []string{"ORG Liberal Democrat", "PER Sarah Teather"}},
		{"and inside an organisation only", "The Securities and Exchange Commission fined Russia and China.",
			[]string{"ORG Securities and Exchange Commission", "LOC Russia", "LOC China"}},
		{"hyphenated adjectives are not names", "The Moscow-based firm and the Oscar-nominated film.", nil},
		{"particles join a name", "Charles de Gaulle met Osama bin Laden.", []string{"PER Charles de Gaulle", "PER Osama bin Laden"}},
		{"compass regions", "Rain fell on South Wales and the South West.", []string{"LOC South Wales", "LOC South West"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tagged(tc.para); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q\n got %v\nwant %v", tc.para, got, tc.want)
			}
		})
	}
}

// TestRuleTaggerDocument: what one sentence makes certain carries over to
// the rest of the article, and headings reuse the names of the body.
func TestRuleTaggerDocument(t *testing.T) {
	a := &model.Article{
		Title:   "PUTIN AND XI MEET IN MOSCOW",
		Caption: "Russian President Vladimir Putin And Chinese President Xi Jinping",
		Paragraphs: []string{
			"Vladimir Putin welcomed the Chinese leader Xi Jinping on Monday.",
			"Putin spoke first. Xi answered. Kirby, a spokesman, said John Kirby was busy.",
			"Give Your Comments",
		},
	}
	var got []string
	for _, s := range NewRuleTagger().Tag(a) {
		got = append(got, string(s.Field)+" "+string(s.Type)+" "+a.FieldText(s.Field, s.Paragraph)[s.Start:s.End])
	}
	want := []string{
		"title PER PUTIN", "title PER XI", "title LOC MOSCOW",
		"caption MISC Russian", "caption PER Vladimir Putin", "caption MISC Chinese", "caption PER Xi Jinping",
		"body PER Vladimir Putin", "body MISC Chinese", "body PER Xi Jinping",
		"body PER Putin", "body PER Xi", "body PER Kirby", "body PER John Kirby",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestTokenize: offsets are bytes into the text, abbreviations and
// numbers stay whole, possessives come apart.
func TestTokenize(t *testing.T) {
	text := "U.S. firm’s 1,400 Su-35s: O'Brien's “Mr. W. Bush” 😀習近平."
	var got []string
	for _, tk := range tokenize(text, nil, lex()) {
		if text[tk.start:tk.end] != tk.text {
			t.Errorf("token %q at [%d:%d] is %q", tk.text, tk.start, tk.end, text[tk.start:tk.end])
		}
		got = append(got, tk.text)
	}
	want := []string{"U.S.", "firm", "’s", "1,400", "Su-35s", ":", "O'Brien", "'s", "“", "Mr", ".", "W.", "Bush", "”", "😀", "習近平", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
