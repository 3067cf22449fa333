package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingWords answers the query rewriter's questions (words) with the
// analyzers of an index mapping.
type mappingWords struct{ m mapping.IndexMapping }

// tails analyses word as the tails field is built: each folded stem of
// minSuffixRunes or more letters, reversed.
func (mw mappingWords) tails(word string) []string {
	a := mw.m.AnalyzerNamed(analyzerFold)
	if a == nil {
		return nil
	}
	var out []string
	for _, t := range a.Analyze([]byte(word)) {
		if s := string(t.Term); utf8.RuneCountInString(s) >= minSuffixRunes {
			out = append(out, reverse(s))
		}
	}
	return out
}

func (mw mappingWords) positions(text string) int {
	a := mw.m.AnalyzerNamed(analyzerText)
	if a == nil {
		return 2 // unknown: keep the phrase
	}
	return len(a.Analyze([]byte(text)))
}

func (mw mappingWords) pairs(phrase string) []string {
	a := mw.m.AnalyzerNamed(analyzerFold)
	if a == nil {
		return nil
	}
	return phrasePairs(a, phrase)
}
