package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// wordsName is the tokenizer of the text analyzers: bleve's unicode
// tokenizer with a fast path for the characters of Finnish text.
const wordsName = "innokyla_words"

// wordsTokenizer gives the tokens bleve's unicode tokenizer gives (terms,
// offsets, positions, types; Unicode word boundaries, UAX #29). For a text
// of ASCII, the Finnish and a few other Latin letters and some punctuation
// it finds the words itself, in a fifth of the time; any other character
// sends the whole text to bleve's tokenizer. The word segmenter was a
// third of the analysis time of a build (2.9 of 9.2 CPU-s at 100,000
// models). TestWordsTokenizer compares the two on real, synthetic and
// random text.
type wordsTokenizer struct{ slow *unicode.UnicodeTokenizer }

func newWordsTokenizer() wordsTokenizer {
	return wordsTokenizer{slow: unicode.NewUnicodeTokenizer()}
}

func (t wordsTokenizer) Tokenize(in []byte) analysis.TokenStream {
	if out, ok := fastWords(in); ok {
		return out
	}
	return t.slow.Tokenize(in)
}

// Word-break classes of the characters the fast path knows (UAX #29).
const (
	wbOther     = iota // breaks on both sides: spaces, newlines, most punctuation
	wbLetter           // ALetter
	wbNumeric          // Numeric
	wbMidLetter        // ':' joins letters
	wbMidNum           // ',' ';' join digits
	wbMidNumLet        // '.' and "'" join letters and digits
	wbUnknown          // anything else: bleve's tokenizer decides
)

// asciiWB is the class of each ASCII byte. '_' (ExtendNumLet) is left to
// bleve's tokenizer, as is '"' next to Hebrew letters (never here).
var asciiWB = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wbLetter, wbLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wbNumeric
	}
	t[':'] = wbMidLetter
	t[','], t[';'] = wbMidNum, wbMidNum
	t['.'], t['\''] = wbMidNumLet, wbMidNumLet
	t['_'] = wbUnknown
	return t
}()

// runeWB is the class of a non-ASCII rune the fast path knows.
func runeWB(r rune) uint8 {
	switch r {
	case 'ä', 'ö', 'å', 'Ä', 'Ö', 'Å', 'é', 'É', 'ü', 'Ü':
		return wbLetter
	case '–', '—', '“', '”', '§', '«', '»', '€':
		return wbOther
	}
	return wbUnknown
}

// fastWords tokenizes in as bleve's unicode tokenizer does, or reports
// false when in holds a character it does not know.
func fastWords(in []byte) (analysis.TokenStream, bool) {
	// Finnish words with their spaces are about nine bytes long: growing
	// the slice from nothing was half the time of this function.
	toks := make([]analysis.Token, 0, len(in)/6+1)
	class := func(i int) (uint8, int) {
		if c := in[i]; c < utf8.RuneSelf {
			return asciiWB[c], 1
		}
		r, n := utf8.DecodeRune(in[i:])
		return runeWB(r), n
	}
	for i := 0; i < len(in); {
		c, n := class(i)
		switch c {
		case wbUnknown:
			return nil, false
		case wbLetter, wbNumeric:
		default:
			i += n
			continue
		}
		start, last, letters := i, c, c == wbLetter
		i += n
		for i < len(in) {
			c, n := class(i)
			if c == wbUnknown {
				return nil, false
			}
			if c == wbLetter || c == wbNumeric { // WB5, WB8, WB9, WB10
				last, letters = c, letters || c == wbLetter
				i += n
				continue
			}
			joins := c == wbMidNumLet || last == wbLetter && c == wbMidLetter || last == wbNumeric && c == wbMidNum
			if !joins || i+n >= len(in) {
				break
			}
			if next, m := class(i + n); next == last { // WB6/WB7, WB11/WB12
				i += n + m
				continue
			} else if next == wbUnknown {
				return nil, false
			}
			break
		}
		typ := analysis.Numeric
		if letters {
			typ = analysis.AlphaNumeric
		}
		toks = append(toks, analysis.Token{Term: in[start:i], Start: start, End: i, Position: len(toks) + 1, Type: typ})
	}
	out := make(analysis.TokenStream, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out, true
}
