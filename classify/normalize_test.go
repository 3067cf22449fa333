package classify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNormTextRuns holds reset's copying of ASCII runs to the byte at a
// time loop it replaced (resetBytewise below): the same bytes and the same
// map back to the original text, on random mixes of what normalisation
// changes.
func TestNormTextRuns(t *testing.T) {
	pieces := []string{"a", "K", "z", " ", "\t", "\r\n", "-", "--", "ä", "Ä", "ö", "é", "\u00ad", "\u00a0",
		"o\u0308", "\u2013", "\u2026", "1", ".", "İ", "ß", "\u200b", "kysely", "Asiakas", "työ-", "-paja"}
	rnd := rand.New(rand.NewPCG(3, 4))
	texts := []string{"", "-", "a-", "-a", "A-B", "ÄÄ-kk", "x\t-\ty"}
	for range 3000 {
		var b strings.Builder
		for range rnd.IntN(24) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	var got, want normText
	for _, s := range texts {
		got.reset(s)
		want.resetBytewise(s)
		if string(got.b) != string(want.b) || !slices.Equal(got.shifts, want.shifts) {
			t.Fatalf("%q: got %q %v, want %q %v", s, got.b, got.shifts, want.b, want.shifts)
		}
	}
}

func (t *normText) resetBytewise(s string) {
	t.b, t.shifts, t.delta, t.n = t.b[:0], t.shifts[:0], 0, int32(len(s))
	ascii, nfc := scanBytes(s)
	if !ascii && !nfc && !norm.NFC.IsNormalString(s) {
		t.decomposed(s)
		return
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '-':
				if t.joinHyphen(s, i+1) {
					i++
					continue
				}
			case c == '\t' || c == '\r' || c == '\f' || c == '\v':
				c = ' '
			}
			if t.delta != int32(i-len(t.b)) {
				t.mark(i)
			}
			t.b = append(t.b, c)
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) { // Latin-1 letters: ä ö å é
			if d := s[i+1]; d >= 0xA0 && d <= 0xBF && d != 0xB7 { // lower case, not ÷
				if t.delta != int32(i-len(t.b)) {
					t.mark(i)
				}
				t.b = append(t.b, c, d)
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		t.addRune(s, i, i+n, r)
		i += n
	}
}
