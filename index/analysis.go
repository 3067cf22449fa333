package index

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis parts this package adds to bleve's registry.
const (
	foldFilterName   = "innokyla_fi_fold"
	suffixFilterName = "innokyla_suffixes"

	analyzerText          = "fi"                     // main text fields (bleve's Finnish analyzer)
	analyzerCompound      = "innokyla_fi_compound"   // index side of the *_c subfields
	analyzerCompoundQuery = "innokyla_fi_fold_query" // query side of the *_c subfields

	minSuffixRunes   = 4 // shortest suffix indexed for compounds
	minCompoundRunes = 7 // only words this long are split
	minHeadRunes     = 3 // the first part of a compound is at least this long
)

// registerOnce guards bleve's process-wide registry, which refuses a name
// registered twice. It is the one package-level variable: the registry it
// protects is global by bleve's design.
var registerOnce sync.Once

var registerErr error

// registerAnalysis adds the fold and suffix token filters to bleve's
// registry. Every entry point that builds or opens an index calls it.
func registerAnalysis() error {
	registerOnce.Do(func() {
		if err := registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return foldFilter{}, nil
		}); err != nil {
			registerErr = fmt.Errorf("register %s: %w", foldFilterName, err)
			return
		}
		if err := registry.RegisterTokenFilter(suffixFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return suffixFilter{}, nil
		}); err != nil {
			registerErr = fmt.Errorf("register %s: %w", suffixFilterName, err)
		}
	})
	return registerErr
}

// foldFilter maps Snowball stems that differ only by a final vowel or by
// consonant gradation onto one form. It runs on both the index and the query
// side, so any deterministic mapping stays consistent; collisions cost a
// little precision in the low-boosted compound subfield only.
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

// suffixFilter keeps each token and adds, at the same position and offsets,
// every suffix of at least minSuffixRunes letters that leaves a head of at
// least minHeadRunes letters, for tokens of minCompoundRunes letters or more.
// "asiakaskysel" gives "akaskysel", "kaskysel", ..., "kysel", ..., "ysel".
type suffixFilter struct{}

func (suffixFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)*2)
	for _, t := range in {
		out = append(out, t)
		n := utf8.RuneCount(t.Term)
		if n < minCompoundRunes {
			continue
		}
		i, k := 0, 0
		for i < len(t.Term) {
			_, w := utf8.DecodeRune(t.Term[i:])
			i += w
			k++
			if k < minHeadRunes {
				continue
			}
			if n-k < minSuffixRunes {
				break
			}
			out = append(out, &analysis.Token{
				Start: t.Start, End: t.End, Term: t.Term[i:],
				Position: t.Position, Type: t.Type, KeyWord: t.KeyWord,
			})
		}
	}
	return out
}
