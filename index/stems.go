package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// maxStemCache bounds the word cache of a stemFilter: about 5 MB. Words
// follow Zipf's law, so the most frequent ones stay cached even when a
// large corpus fills it and it starts over.
const maxStemCache = 1 << 16

// stemFilter does what bleve's Finnish analyzer does after the tokenizer
// (lower case, Finnish stop words, Snowball stemmer), with the outcome for
// each distinct word as written cached: the stemmer was a third of the
// analysis time, and a corpus repeats a small vocabulary in many tokens.
// It is shared by bleve's analysis workers, hence the lock.
type stemFilter struct {
	chain []analysis.TokenFilter // lowercase, stop words, stemmer

	mu    sync.RWMutex
	cache map[string]stemmed
}

// stemmed is what a word becomes: a term, or nothing for a stop word.
type stemmed struct {
	term []byte // shared by every token of the word: nothing writes to it
	stop bool
}

func newStemFilter(chain ...analysis.TokenFilter) *stemFilter {
	return &stemFilter{chain: chain, cache: map[string]stemmed{}}
}

func (f *stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		f.mu.RLock()
		s, ok := f.cache[string(t.Term)]
		f.mu.RUnlock()
		if !ok {
			s = f.word(t.Term)
		}
		if s.stop {
			continue // its position stays unused, as the stop filter leaves it
		}
		t.Term = s.term
		out = append(out, t)
	}
	return out
}

// word runs the chain on one word and caches the outcome.
func (f *stemFilter) word(w []byte) stemmed {
	key := string(w) // a copy: the chain may rewrite w in place
	toks := analysis.TokenStream{{Term: w, Position: 1, End: len(w), Type: analysis.AlphaNumeric}}
	for _, c := range f.chain {
		toks = c.Filter(toks)
	}
	var s stemmed
	switch len(toks) {
	case 0:
		s.stop = true
	default: // the chain maps a token to at most one
		s.term = append([]byte(nil), toks[0].Term...)
	}
	f.mu.Lock()
	if len(f.cache) >= maxStemCache {
		clear(f.cache)
	}
	f.cache[key] = s
	f.mu.Unlock()
	return s
}
