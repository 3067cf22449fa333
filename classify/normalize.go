package classify

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is a section's text in matching form: NFC, lower case, soft
// hyphens dropped, hyphens inside compounds dropped, every non-letter
// non-ASCII rune turned into ASCII punctuation or space. After it, a byte
// >= 0x80 is always part of a letter. off[i] is the byte offset in the
// original text of the rune that produced b[i]; off[len(b)] is the original
// length.
type normText struct {
	b   []byte
	off []int32
}

// reset normalises s into t, reusing t's buffers.
func (t *normText) reset(s string) {
	t.b, t.off = t.b[:0], t.off[:0]
	ascii, nfc := scanBytes(s)
	if ascii {
		t.ascii(s)
		return
	}
	if nfc || norm.NFC.IsNormalString(s) {
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
				t.b = append(t.b, c)
				t.off = append(t.off, int32(i))
				i++
				continue
			}
			if c == 0xC3 && i+1 < len(s) { // Latin-1 letters: ä ö å é and capitals
				d := s[i+1]
				if d >= 0xA0 && d <= 0xBF && d != 0xB7 { // lower case except ÷
					t.b = append(t.b, c, d)
					t.off = append(t.off, int32(i), int32(i))
					i += 2
					continue
				}
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			t.add(s, i, i+n, r)
			i += n
		}
	} else {
		var it norm.Iter
		it.InitString(norm.NFC, s)
		for !it.Done() {
			start := it.Pos()
			seg := it.Next()
			end := it.Pos()
			for len(seg) > 0 {
				r, n := utf8.DecodeRune(seg)
				seg = seg[n:]
				t.addMapped(s, start, end, r)
			}
		}
	}
	t.off = append(t.off, int32(len(s)))
}

// scanBytes reports whether s is all ASCII, and whether it surely is NFC:
// it holds no combining diacritical marks (U+0300-U+036F, UTF-8 lead bytes
// 0xCC and 0xCD), the only way Finnish or Swedish text is not in NFC.
func scanBytes(s string) (ascii, nfc bool) {
	var or byte
	nfc = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		or |= c
		if c == 0xCC || c == 0xCD {
			nfc = false
		}
	}
	return or < 0x80, nfc
}

func (t *normText) ascii(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '-':
			if t.joinHyphen(s, i+1) {
				continue
			}
		case c == '\t' || c == '\r' || c == '\f' || c == '\v':
			c = ' '
		}
		t.b = append(t.b, c)
		t.off = append(t.off, int32(i))
	}
	t.off = append(t.off, int32(len(s)))
}

// joinHyphen reports whether a hyphen before s[next:] joins two word parts
// (kokemusasiantuntija-toiminta) and is to be dropped.
func (t *normText) joinHyphen(s string, next int) bool {
	if len(t.b) == 0 || !isWordByte(t.b[len(t.b)-1]) || next >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[next:])
	return unicode.IsLetter(r)
}

// add appends the normalised form of rune r, read from s[start:end].
func (t *normText) add(s string, start, end int, r rune) {
	if r < utf8.RuneSelf {
		c := byte(r)
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '-':
			if t.joinHyphen(s, end) {
				return
			}
		case c == '\t' || c == '\r' || c == '\f' || c == '\v':
			c = ' '
		}
		t.b = append(t.b, c)
		t.off = append(t.off, int32(start))
		return
	}
	t.addMapped(s, start, end, r)
}

// addMapped appends a non-ASCII rune (or any rune of a non-NFC segment).
func (t *normText) addMapped(s string, start, end int, r rune) {
	switch {
	case r == 0xAD || r == 0x200B || r == 0x2060 || r == 0xFEFF: // soft hyphen, zero-width
		return
	case r == 0x2010 || r == 0x2011: // hyphen, non-breaking hyphen
		if t.joinHyphen(s, end) {
			return
		}
		r = '-'
	case r == 0x2013 || r == 0x2014 || r == 0x2212:
		r = '-'
	case r == 0x2026:
		r = '.'
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		r = unicode.ToLower(r)
	case unicode.Is(unicode.Mn, r):
		return
	case r < utf8.RuneSelf:
	default: // NBSP, quotes, bullets and other symbols
		r = ' '
	}
	if r < utf8.RuneSelf {
		c := byte(r)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '\t' || c == '\r' {
			c = ' '
		}
		t.b = append(t.b, c)
		t.off = append(t.off, int32(start))
		return
	}
	n := len(t.b)
	t.b = utf8.AppendRune(t.b, r)
	for i := n; i < len(t.b); i++ {
		t.off = append(t.off, int32(start))
	}
}

// isWordByte reports whether b is part of a word in normalised text.
func isWordByte(b byte) bool {
	return b >= 0x80 || ('a' <= b && b <= 'z') || ('0' <= b && b <= '9')
}

// normalizeString is the normalised form of s, for patterns and headings.
func normalizeString(s string) string {
	var t normText
	t.reset(s)
	return string(t.b)
}
