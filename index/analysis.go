package index

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis parts this package adds to bleve's registry.
const (
	foldFilterName = "innokyla_fi_fold"
	stemFilterName = "innokyla_fi_stem" // bleve's Finnish analysis with a cache (stems.go)
	linesName      = "innokyla_lines"   // tokenizer and analyzer: one term per line

	analyzerText = "innokyla_fi"      // main text fields: the terms of bleve's Finnish analyzer ("fi")
	analyzerFold = "innokyla_fi_fold" // folded stems: compounds and pairs

	minSuffixRunes = 4 // a query word must fold to this many letters to find compounds
	minHeadRunes   = 3 // fold never shortens a stem below this
)

// registerOnce guards bleve's process-wide registry, which refuses a name
// registered twice. It is the one package-level variable: the registry it
// protects is global by bleve's design.
var registerOnce sync.Once

var registerErr error

// registerAnalysis adds the fold and stem token filters and the lines and
// words tokenizers to bleve's registry. Every entry point that builds or opens an
// index calls it.
func registerAnalysis() error {
	registerOnce.Do(func() {
		if err := registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return foldFilter{}, nil
		}); err != nil {
			registerErr = fmt.Errorf("register %s: %w", foldFilterName, err)
			return
		}
		if err := registry.RegisterTokenFilter(stemFilterName, newStemFilterFrom); err != nil {
			registerErr = fmt.Errorf("register %s: %w", stemFilterName, err)
			return
		}
		if err := registry.RegisterTokenizer(linesName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return linesTokenizer{}, nil
		}); err != nil {
			registerErr = fmt.Errorf("register %s: %w", linesName, err)
			return
		}
		if err := registry.RegisterTokenizer(wordsName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return newWordsTokenizer(), nil
		}); err != nil {
			registerErr = fmt.Errorf("register %s: %w", wordsName, err)
		}
	})
	return registerErr
}

// newStemFilterFrom builds a stemFilter from the filters of bleve's
// Finnish analyzer, in its order.
func newStemFilterFrom(_ map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
	var chain []analysis.TokenFilter
	for _, name := range []string{lowercase.Name, fi.StopName, fi.SnowballStemmerName} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		chain = append(chain, f)
	}
	return newStemFilter(chain...), nil
}

// linesTokenizer makes a term of each non-empty line. The pairs and facet
// codes it reads are joined by newlines and hold none, so it need not
// decode runes as bleve's character tokenizer does.
type linesTokenizer struct{}

func (linesTokenizer) Tokenize(in []byte) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, bytes.Count(in, []byte{'\n'})+1)
	for start := 0; start < len(in); {
		end := bytes.IndexByte(in[start:], '\n')
		if end < 0 {
			end = len(in)
		} else {
			end += start
		}
		if end > start {
			out = append(out, &analysis.Token{Term: in[start:end], Start: start, End: end,
				Position: len(out) + 1, Type: analysis.AlphaNumeric})
		}
		start = end + 1
	}
	return out
}

// foldFilter maps Snowball stems that differ only by a final vowel or by
// consonant gradation onto one form. It runs on both the index and the query
// side, so any deterministic mapping stays consistent; collisions cost a
// little precision in the low-boosted compound terms only.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(fold(string(t.Term)))
	}
	return in
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'å':
		return true
	}
	return false
}

// fold applies, in order: drop trailing vowels; "ks" -> "s"
// (tilaisuuks-/tilaisuus); final "d" -> "t" (raad-/raat-); a vowel followed
// by a final "t" -> "s" (raat/raas, terveyt/terveys); a final doubled
// consonant -> single. It never shortens a word below three letters.
func fold(s string) string {
	r := []rune(s)
	if len(r) <= minHeadRunes {
		return s
	}
	for len(r) > minHeadRunes && isVowel(r[len(r)-1]) {
		r = r[:len(r)-1]
	}
	n := len(r)
	if n > minHeadRunes && r[n-2] == 'k' && r[n-1] == 's' {
		r = append(r[:n-2], 's')
		n = len(r)
	}
	if r[n-1] == 'd' {
		r[n-1] = 't'
	}
	if n > minHeadRunes && r[n-1] == 't' && isVowel(r[n-2]) {
		r[n-1] = 's'
	}
	if n > minHeadRunes && r[n-1] == r[n-2] && !isVowel(r[n-1]) {
		r = r[:n-1]
	}
	return string(r)
}

// reverse returns s with its runes in reverse order.
func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
