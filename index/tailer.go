package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// maxTailCache bounds the word cache of a tailer: about 15 MB. At 1 << 20
// words it could hold 100 MB of a large real corpus's vocabulary, most of
// the soft memory limit, where the live heap of a build is about 45 MB.
const maxTailCache = 1 << 17

// tailer computes what the tails and pairs fields hold. Tails: every
// distinct word of a text, stemmed (Finnish Snowball), folded and
// reversed, when the folded stem has at least minSuffixRunes letters; a
// query word's reversed folded stem is then a prefix of the entries of the
// compounds that end in it. Pairs: every distinct pair of neighbouring
// words of which one is a stop word (see pairs.go).
//
// Words repeat a lot, so the analysis of each word is cached, under the word
// as written; that keeps the fields cheap to build. A tailer is used by one
// goroutine (Sync).
type tailer struct {
	fold  analysis.Analyzer
	cache map[string]wordInfo
	seen  map[string]struct{} // reused by terms
}

// wordInfo is what the tails and pairs fields need of one word.
type wordInfo struct {
	tail string // reversed folded stem, or "" when too short or a stop word
	key  string // folded stem, or the word in lower case when a stop word
	stop bool
}

func newTailer(fold analysis.Analyzer) *tailer {
	return &tailer{fold: fold, cache: map[string]wordInfo{}, seen: map[string]struct{}{}}
}

// terms returns the distinct reversed folded stems of texts and the
// distinct stop-word pairs.
func (t *tailer) terms(texts ...string) (tails, pairs []string) {
	defer clear(t.seen)
	for _, text := range texts {
		var prev wordInfo
		eachWord(text, func(w string) {
			info := t.word(w)
			if r := info.tail; r != "" {
				if _, ok := t.seen[r]; !ok {
					t.seen[r] = struct{}{}
					tails = append(tails, r)
				}
			}
			if p := pairOf(prev, info); p != "" {
				if _, ok := t.seen[p]; !ok {
					t.seen[p] = struct{}{}
					pairs = append(pairs, p)
				}
			}
			prev = info
		})
	}
	return tails, pairs
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
func (t *tailer) word(w string) wordInfo {
	if r, ok := t.cache[w]; ok {
		return r
	}
	info := analyzeWord(t.fold, w)
	if len(t.cache) >= maxTailCache {
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
		s := string(toks[0].Term)
		info := wordInfo{key: s}
		if utf8.RuneCountInString(s) >= minSuffixRunes {
			info.tail = reverse(s)
		}
		return info
	}
	return wordInfo{key: lower} // the analyzer split it: keep it as written
}
