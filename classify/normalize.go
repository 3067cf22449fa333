package classify

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is a section's text in matching form: NFC, lower case, soft
// hyphens dropped, hyphens inside compounds dropped, every non-letter
// non-ASCII rune turned into ASCII punctuation or space. After it, a byte
// >= 0x80 is always part of a letter.
//
// Most runes keep their length (ä is two bytes before and after), so the
// map back to the original text is kept sparse: shifts lists the points
// where orig - norm offset changes.
type normText struct {
	b      []byte
	shifts []shift
	delta  int32 // the current orig - norm offset while building
	n      int32 // the original length
}

// shift: from norm byte at on, original offset = norm offset + delta.
type shift struct{ at, delta int32 }

// orig maps a normalised byte offset (at a rune start, or len(b)) back to
// the original text.
func (t *normText) orig(i int32) int32 {
	if i >= int32(len(t.b)) {
		return t.n
	}
	k := sort.Search(len(t.shifts), func(j int) bool { return t.shifts[j].at > i })
	if k == 0 {
		return i
	}
	return i + t.shifts[k-1].delta
}

// mark records that the next output byte comes from original offset o.
func (t *normText) mark(o int) {
	if d := int32(o) - int32(len(t.b)); d != t.delta {
		t.delta = d
		t.shifts = append(t.shifts, shift{int32(len(t.b)), d})
	}
}

// reset normalises s into t, reusing t's buffers.
func (t *normText) reset(s string) {
	t.b, t.shifts, t.delta, t.n = t.b[:0], t.shifts[:0], 0, int32(len(s))
	ascii, nfc := scanBytes(s)
	if !ascii && !nfc && !norm.NFC.IsNormalString(s) {
		t.decomposed(s)
		return
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && c != '-' {
			// A run of ASCII without hyphens keeps its length: copy it and
			// fold it in place (most of a text; a byte at a time took 1.4
			// times as long).
			if t.delta != int32(i-len(t.b)) {
				t.mark(i)
			}
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && s[j] != '-' {
				j++
			}
			n := len(t.b)
			t.b = append(t.b, s[i:j]...)
			run := t.b[n:]
			for k, c := range run {
				run[k] = asciiFold[c]
			}
			i = j
			continue
		}
		if c == '-' {
			if t.joinHyphen(s, i+1) {
				i++
				continue
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

// asciiFold maps an ASCII byte to its matching form: upper case to lower,
// tabs and other control spaces to a space.
var asciiFold = func() (f [utf8.RuneSelf]byte) {
	for c := range f {
		switch {
		case 'A' <= c && c <= 'Z':
			f[c] = byte(c) + 'a' - 'A'
		case c == '\t' || c == '\r' || c == '\f' || c == '\v':
			f[c] = ' '
		default:
			f[c] = byte(c)
		}
	}
	return f
}()

// decomposed normalises text that is not in NFC, segment by segment.
func (t *normText) decomposed(s string) {
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		start := it.Pos()
		seg := it.Next()
		end := it.Pos()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			t.addRune(s, start, end, r)
		}
	}
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

// joinHyphen reports whether a hyphen before s[next:] joins two word parts
// (kokemusasiantuntija-toiminta) and is to be dropped.
func (t *normText) joinHyphen(s string, next int) bool {
	if len(t.b) == 0 || !isWordByte(t.b[len(t.b)-1]) || next >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[next:])
	return unicode.IsLetter(r)
}

// addRune appends the normalised form of rune r, read from s[start:end].
func (t *normText) addRune(s string, start, end int, r rune) {
	switch {
	case r == 0xAD || r == 0x200B || r == 0x2060 || r == 0xFEFF: // soft hyphen, zero-width
		return
	case r == '-' || r == 0x2010 || r == 0x2011: // hyphen, non-breaking hyphen
		if t.joinHyphen(s, end) {
			return
		}
		r = '-'
	case r == 0x2013 || r == 0x2014 || r == 0x2212:
		r = '-'
	case r == 0x2026:
		r = '.'
	case r == '\t' || r == '\r' || r == '\f' || r == '\v':
		r = ' '
	case r < utf8.RuneSelf:
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		r = unicode.ToLower(r)
	case unicode.Is(unicode.Mn, r):
		return
	default: // NBSP, quotes, bullets and other symbols
		r = ' '
	}
	if 'A' <= r && r <= 'Z' {
		r += 'a' - 'A'
	}
	t.mark(start)
	t.b = utf8.AppendRune(t.b, r)
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
