package index

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// TestWordsTokenizer checks that the words tokenizer gives bleve's unicode
// tokenizer's tokens on real text (realdev), synthetic models, cases at
// the word-boundary rules and random strings of the characters the fast
// path knows with a few it does not, and that the fast path, not the
// fallback, read most of them.
func TestWordsTokenizer(t *testing.T) {
	edge := []string{
		"", " ", "a", "1", "EU:n THL:n klo 10:30", "3.5 % ja 1,5 milj. 2;3 a;b a,b", "e.g. O'Brien 1'000 a'1 1'a",
		"a.b.c a..b .a a. 1.a a.1 1.2.3 1..2", "abc123 123abc a1.b2 1a.2b", "työ-ja elinkeino – 2020–2023 “lainaus” § 5",
		"Åland ÄITIYS äitiys ÖLJY över éclair Ünter", "tab\there\r\nnew\vline\ffeed", "a:b: :a a::b 1:2",
		"x_y snake_case", "ma\u00adke soft hyphen", "naïve café ’quote’ a’b", "emoji 🙂 ja ‐ hyphen", "\xff\xfe bad utf8 ä\xc3",
		"kysely.", "kysely,", "“kysely”", "(kysely)", "kysely:", "'kysely'", "kysely'n",
	}
	var random []string
	alphabet := []rune("aAzZ09äöåÄÖÅéü .,;:'\"-–—“”§%()\n\t/_’\u00ad")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.Intn(12); j >= 0; j-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		random = append(random, b.String())
	}
	var synthetic []string
	for _, m := range synthModels(300) {
		synthetic = append(synthetic, m.Title, m.Summary)
		for _, s := range m.Sections {
			synthetic = append(synthetic, s.Heading+"\n"+s.Text)
		}
	}
	want := unicode.NewUnicodeTokenizer()
	got := newWordsTokenizer()
	for _, c := range []struct {
		name    string
		texts   []string
		minFast float64 // share of the texts the fast path must read itself
	}{
		{"edge", edge, 0.5},
		{"realdev", realdevTexts(t), 0.8},
		{"synthetic", synthetic, 0.99},
		{"random", random, 0.3},
	} {
		t.Run(c.name, func(t *testing.T) {
			fast := 0
			for _, text := range c.texts {
				if _, ok := fastWords([]byte(text)); ok {
					fast++
				}
				g, w := got.Tokenize([]byte(text)), want.Tokenize([]byte(text))
				if len(g) != len(w) {
					t.Fatalf("%q: %d tokens, want %d", text, len(g), len(w))
				}
				for i := range g {
					if string(g[i].Term) != string(w[i].Term) || g[i].Start != w[i].Start || g[i].End != w[i].End ||
						g[i].Position != w[i].Position || g[i].Type != w[i].Type {
						t.Fatalf("%q: token %d = %q@%d [%d,%d] type %d, want %q@%d [%d,%d] type %d", text, i,
							g[i].Term, g[i].Position, g[i].Start, g[i].End, g[i].Type,
							w[i].Term, w[i].Position, w[i].Start, w[i].End, w[i].Type)
					}
				}
			}
			t.Logf("the fast path read %d of %d texts", fast, len(c.texts))
			if share := float64(fast) / float64(len(c.texts)); share < c.minFast {
				t.Errorf("the fast path read %d of %d texts (%.2f), want at least %.2f", fast, len(c.texts), share, c.minFast)
			}
		})
	}
}
