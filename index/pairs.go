package index

import "github.com/blevesearch/bleve/v2/analysis"

// The text fields drop stop words (ja, on, kanssa ...), so a phrase that
// holds one, "asiakkaiden kanssa", would be the word "asiakkaiden" alone
// and match far more than the phrase. The pairs field keeps, per model,
// each distinct pair of neighbouring words of which one is a stop word
// ("asiak kanssa": the folded stem and the stop word as written); a
// phrase must also hold all its pairs. It is one keyword per distinct
// value, without positions: a pair is checked per model, not at the
// phrase's place, which is exact for a phrase of two words and close for
// longer ones.

// pairSep joins the two words of a pair.
const pairSep = " "

// pairOf is the pair entry of two neighbouring words, or "" when neither is
// a stop word.
func pairOf(prev, cur wordInfo) string {
	if prev.key == "" || cur.key == "" || (!prev.stop && !cur.stop) {
		return ""
	}
	return prev.key + pairSep + cur.key
}

// phrasePairs is the pairs of a query phrase, in order, each once.
func phrasePairs(fold analysis.Analyzer, phrase string) []string {
	var out []string
	seen := map[string]bool{}
	var prev wordInfo
	eachWord(phrase, func(w string) {
		info := analyzeWord(fold, w)
		if p := pairOf(prev, info); p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
		prev = info
	})
	return out
}
