package safe

import (
	"io"
	"strings"
	"unicode/utf8"
)

// control reports whether r must not reach a terminal: C0 controls but
// newline and tab, DEL, C1 controls (ESC and CSI sequences start with
// them) and the bidirectional overrides that reorder what is shown.
func control(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Text is s without control characters; newlines and tabs are kept.
// Bytes that are not UTF-8 (a lone 0x9B is a CSI to some terminals)
// become U+FFFD.
func Text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexFunc(s, control) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if control(r) {
			return -1
		}
		return r
	}, s)
}

// Line is Text on one line: newlines and tabs become spaces.
func Line(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case control(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// TerminalWriter passes what is written to a terminal without control
// characters but newline, tab and carriage return (which progress lines
// use), nor bytes 0x80-0x9F that are not part of a UTF-8 rune (8-bit C1
// controls). Runes split across writes are held until they are whole.
type TerminalWriter struct {
	W       io.Writer
	pending []byte
	out     []byte
}

// Write filters p and writes it; it reports len(p) when all was written.
func (t *TerminalWriter) Write(p []byte) (int, error) {
	b := append(t.pending, p...)
	t.pending = t.pending[:0]
	t.out = t.out[:0]
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(b) {
			t.pending = append(t.pending, b...) // the rest of the rune comes later
			break
		}
		stray := r == utf8.RuneError && size == 1 && b[0] >= 0x80 && b[0] < 0xa0
		if !stray && (r == '\r' || !control(r)) {
			t.out = append(t.out, b[:size]...)
		}
		b = b[size:]
	}
	if _, err := t.W.Write(t.out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Unwrap is the writer t writes to.
func (t *TerminalWriter) Unwrap() io.Writer { return t.W }
