package index

import "github.com/blevesearch/bleve/v2/mapping"

// mappingWords answers the query rewriter's questions (words) with the
// analyzers of an index mapping.
type mappingWords struct{ m mapping.IndexMapping }

// compounds knows no compounds without an index.
func (mappingWords) compounds(string) ([]compound, error) { return nil, nil }

// indexWords adds the compounds of an index's vocabulary.
type indexWords struct {
	mappingWords
	v *vocab
}

// words is what the query rewriter asks of the index.
func (ix *Index) words() indexWords {
	return indexWords{mappingWords{ix.b.Mapping()}, ix.vocab.Load()}
}

// compounds looks up the tail (tailOf) of each stem of word in the
// vocabulary, as the vocabulary was keyed, and leaves out the stems of
// word itself, which its match queries find.
func (iw indexWords) compounds(word string) ([]compound, error) {
	text := iw.m.AnalyzerNamed(analyzerText)
	if iw.v == nil || text == nil {
		return nil, nil
	}
	stems := text.Analyze([]byte(word))
	skip := map[string]bool{}
	for _, t := range stems {
		skip[string(t.Term)] = true
	}
	var out []compound
	for _, t := range stems {
		tail := tailOf(string(t.Term))
		if tail == "" {
			continue
		}
		terms, err := iw.v.terms(tail)
		if err != nil {
			return nil, err
		}
		for _, c := range terms {
			if !skip[c.term] {
				skip[c.term] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
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
