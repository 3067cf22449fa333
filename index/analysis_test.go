package index

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/character"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/innokyla/innokyla/model"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"raati", "raas"},              // final vowel, then vowel+t
		{"asiakasraad", "asiakasraas"}, // weak grade d -> t -> s
		{"raadi", "raas"},
		{"kyselyy", "kysel"},
		{"kysely", "kysel"},
		{"tilaisuuks", "tilaisuus"},
		{"mielenterveyd", "mielenterveys"},
		{"työpaj", "työpaj"},
		{"ika", "ika"}, // three letters or fewer stay
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := fold(c.in); got != c.want {
				t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestReverse(t *testing.T) {
	if got := reverse("kysel"); got != "lesyk" {
		t.Errorf("reverse(kysel) = %q", got)
	}
	if got := reverse("työpaj"); got != "japöyt" {
		t.Errorf("reverse(työpaj) = %q", got)
	}
}

// TestCachedAnalysisSameTerms checks that the analyzers built on the stem
// cache give the terms, positions and offsets that bleve's own chain gives,
// on the realdev models (real text, written by others) read twice, so the
// second pass comes from the cache.
func TestCachedAnalysisSameTerms(t *testing.T) {
	m, err := buildMapping()
	if err != nil {
		t.Fatal(err)
	}
	cache := registry.NewCache()
	stock := func(filters ...string) analysis.Analyzer {
		t.Helper()
		a, err := cache.DefineAnalyzer(strings.Join(filters, "+"), map[string]interface{}{
			"type": custom.Name, "tokenizer": unicode.Name, "token_filters": toAny(filters),
		})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	base := []string{lowercase.Name, fi.StopName, fi.SnowballStemmerName}
	pairs := []struct {
		name      string
		got, want analysis.Analyzer
	}{
		{"text", m.AnalyzerNamed(analyzerText), stock(base...)},
		{"fold", m.AnalyzerNamed(analyzerFold), stock(append(base, foldFilterName)...)},
	}
	texts := append(realdevTexts(t), "Asiakkaiden KANSSA ja ilman: työ-ja elinkeino 3.5 %, Åland, ÄITIYS äitiys e.g. O'Brien")
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			for pass := 0; pass < 2; pass++ {
				for _, text := range texts {
					got, want := p.got.Analyze([]byte(text)), p.want.Analyze([]byte(text))
					if len(got) != len(want) {
						t.Fatalf("pass %d: %d tokens, want %d, in %.60q", pass, len(got), len(want), text)
					}
					for i := range got {
						g, w := got[i], want[i]
						if string(g.Term) != string(w.Term) || g.Position != w.Position || g.Start != w.Start || g.End != w.End {
							t.Fatalf("pass %d: token %d = %q@%d [%d,%d], want %q@%d [%d,%d]", pass, i,
								g.Term, g.Position, g.Start, g.End, w.Term, w.Position, w.Start, w.End)
						}
					}
				}
			}
		})
	}
}

func toAny(s []string) []interface{} {
	out := make([]interface{}, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// realdevTexts is the title, summary and sections of every realdev model.
func realdevTexts(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "realdev", "records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	dec := json.NewDecoder(f)
	for dec.More() {
		var m model.Model
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("records.jsonl: %v", err)
		}
		out = append(out, m.Title, m.Summary)
		for _, s := range m.Sections {
			out = append(out, s.Heading+"\n"+s.Text)
		}
	}
	if len(out) < 100 {
		t.Fatalf("realdev: %d texts", len(out))
	}
	return out
}

// TestLinesTokenizer checks the lines tokenizer against bleve's character
// tokenizer splitting at newlines.
func TestLinesTokenizer(t *testing.T) {
	want := character.NewCharacterTokenizer(func(r rune) bool { return r != '\n' })
	for _, in := range []string{"", "\n", "a", "lesyk\njapöyt\n\nsaar", "\n\nab\n", "kysel kanssa\nja työ"} {
		t.Run(in, func(t *testing.T) {
			got, w := linesTokenizer{}.Tokenize([]byte(in)), want.Tokenize([]byte(in))
			if len(got) != len(w) {
				t.Fatalf("%d tokens, want %d", len(got), len(w))
			}
			for i := range got {
				if string(got[i].Term) != string(w[i].Term) || got[i].Start != w[i].Start ||
					got[i].End != w[i].End || got[i].Position != w[i].Position || got[i].Type != w[i].Type {
					t.Errorf("token %d = %+v, want %+v", i, got[i], w[i])
				}
			}
		})
	}
}
