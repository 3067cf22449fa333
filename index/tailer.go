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
// Words repeat a lot, so the analysis of each word is cached, under the word
// as written; that keeps the field cheap to build. A tailer is used by one
// goroutine (Sync).
type tailer struct {
	fold  analysis.Analyzer
	cache map[string]string
	seen  map[string]struct{} // reused by terms
}

func newTailer(fold analysis.Analyzer) *tailer {
	return &tailer{fold: fold, cache: map[string]string{}, seen: map[string]struct{}{}}
}

// terms returns the distinct reversed folded stems of texts.
func (t *tailer) terms(texts ...string) []string {
	defer clear(t.seen)
	var out []string
	for _, text := range texts {
		for len(text) > 0 {
			// The next word: a run of letters and digits.
			i := strings.IndexFunc(text, isWordRune)
			if i < 0 {
				break
			}
			text = text[i:]
			j := strings.IndexFunc(text, notWordRune)
			if j < 0 {
				j = len(text)
			}
			r := t.word(text[:j])
			text = text[j:]
			if r == "" {
				continue
			}
			if _, ok := t.seen[r]; !ok {
				t.seen[r] = struct{}{}
				out = append(out, r)
			}
		}
	}
	return out
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func notWordRune(r rune) bool { return !isWordRune(r) }

// word analyses one word, from the cache when it can.
func (t *tailer) word(w string) string {
	if r, ok := t.cache[w]; ok {
		return r
	}
	r := ""
	if toks := t.fold.Analyze([]byte(strings.ToLower(w))); len(toks) == 1 {
		if s := string(toks[0].Term); utf8.RuneCountInString(s) >= minSuffixRunes {
			r = reverse(s)
		}
	}
	if len(t.cache) >= maxTailCache {
		clear(t.cache)
	}
	// The key is copied: w points into the model's text, which the cache
	// must not keep alive.
	t.cache[strings.Clone(w)] = r
	return r
}
