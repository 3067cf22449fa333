package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// maxWordCache bounds the word cache of a pairer: about 15 MB. At 1 << 20
// words it could hold 100 MB of a large real corpus's vocabulary, most of
// the soft memory limit, where the live heap of a build is about 45 MB.
const maxWordCache = 1 << 17

// pairer computes what the pairs field holds: every distinct pair of
// neighbouring words of which one is a stop word (see pairs.go).
//
// Words repeat a lot, so the analysis of each word is cached, under the word
// as written; that keeps the field cheap to build. A pairer is used by one
// goroutine (Sync).
type pairer struct {
	fold  analysis.Analyzer
	cache map[string]wordInfo
	seen  map[string]struct{} // reused by terms
}

// wordInfo is what the pairs field needs of one word.
type wordInfo struct {
	key  string // folded stem, or the word in lower case when a stop word
	stop bool
}

func newPairer(fold analysis.Analyzer) *pairer {
	return &pairer{fold: fold, cache: map[string]wordInfo{}, seen: map[string]struct{}{}}
}

// pairs returns the distinct stop-word pairs of texts.
func (t *pairer) pairs(texts ...string) (pairs []string) {
	defer clear(t.seen)
	for _, text := range texts {
		var prev wordInfo
		eachWord(text, func(w string) {
			info := t.word(w)
			if p := pairOf(prev, info); p != "" {
				if _, ok := t.seen[p]; !ok {
					t.seen[p] = struct{}{}
					pairs = append(pairs, p)
				}
			}
			prev = info
		})
	}
	return pairs
}

// eachWord calls fn with each run of letters and digits of text. ASCII
// bytes are compared; only other runes are decoded and go through package
// unicode.
func eachWord(text string, fn func(w string)) {
	start := -1 // where the current word began
	for i := 0; i < len(text); {
		c := text[i]
		word, size := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9', 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			fn(text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// word analyses one word, from the cache when it can.
func (t *pairer) word(w string) wordInfo {
	if r, ok := t.cache[w]; ok {
		return r
	}
	info := analyzeWord(t.fold, w)
	if len(t.cache) >= maxWordCache {
		clear(t.cache)
	}
	// The key is copied: w points into the model's text, which the cache
	// must not keep alive.
	t.cache[strings.Clone(w)] = info
	return info
}

// analyzeWord runs the fold analyzer (which drops stop words) on one word.
func analyzeWord(fold analysis.Analyzer, w string) wordInfo {
	lower := strings.ToLower(w)
	toks := fold.Analyze([]byte(lower))
	switch len(toks) {
	case 0:
		return wordInfo{key: lower, stop: true}
	case 1:
		return wordInfo{key: string(toks[0].Term)}
	}
	return wordInfo{key: lower} // the analyzer split it: keep it as written
}
