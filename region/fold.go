package region

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold drops diacritics: "Ähtäri" gives "Ahtari", "Jakobstad–Pietarsaari"
// keeps its dash, "Malmö" gives "Malmo". Letters are decomposed and their
// marks removed (golang.org/x/text); ø, which has no mark to remove,
// becomes o. ASCII text is returned as it is.
func Fold(s string) string {
	if isASCII(s) {
		return s
	}
	t := folders.Get().(transform.Transformer)
	defer folders.Put(t)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// folders keeps Fold's transformers: a chain keeps state and buffers, so
// one is used by one call at a time and built once, not per call.
var folders = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), runes.Map(func(r rune) rune {
		switch r {
		case 'ø':
			return 'o'
		case 'Ø':
			return 'O'
		}
		return r
	}), norm.NFC)
}}

// Slug makes a lower-case ASCII slug of s for file names and ids: Fold,
// then every run of other characters one hyphen, none at either end
// ("Etelä-Savon hyvinvointialue" gives "etela-savon-hyvinvointialue").
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(Fold(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
