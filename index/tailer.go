package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// maxTailCache bounds the word cache of a tailer.
const maxTailCache = 1 << 20

// tailer computes what the tails field holds: every distinct word of
// a text, stemmed (Finnish Snowball), folded and reversed, when the folded
// stem has at least minSuffixRunes letters. A query word's reversed folded
// stem is then a prefix of the entries of the compounds that end in it.
//
// Words repeat a lot, so the analysis of each word is cached; that keeps
// the field cheap to build. A tailer is used by one goroutine (Sync).
type tailer struct {
	fold  analysis.Analyzer
	cache map[string]string
}

func newTailer(fold analysis.Analyzer) *tailer {
	return &tailer{fold: fold, cache: map[string]string{}}
}

// terms returns the distinct reversed folded stems of texts.
func (t *tailer) terms(texts ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, text := range texts {
		for _, w := range strings.FieldsFunc(text, notWordRune) {
			r := t.word(w)
			if r != "" && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// word analyses one word, from the cache when it can.
func (t *tailer) word(w string) string {
	w = strings.ToLower(w)
	if r, ok := t.cache[w]; ok {
		return r
	}
	r := ""
	if toks := t.fold.Analyze([]byte(w)); len(toks) == 1 {
		if s := string(toks[0].Term); utf8.RuneCountInString(s) >= minSuffixRunes {
			r = reverse(s)
		}
	}
	if len(t.cache) >= maxTailCache {
		clear(t.cache)
	}
	t.cache[w] = r
	return r
}
