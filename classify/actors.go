package classify

// A person word (a client or staff stem) is the head of its word when at
// most max_suffix letters follow the stem (asiakkaat, asiakasperheitä); a
// head ending in the genitive (asiakkaiden) usually owns something rather
// than takes part; a client stem opening a compound (asiakaskokemus) is
// weak. Only client heads take part (judge.go).

// actor classes of one hit.
const (
	actNone = iota
	actStrong
	actGen
	actWeak
)

// actorClass classifies an actor stem found at b[s:t] in the word
// b[ts:te]: the head of the word (at most maxSuffix letters after it), a
// genitive head, the first part of a compound, or nothing.
func actorClass(b []byte, s, t, ts, te int32, maxSuffix int) int {
	n := 0
	for i := t; i < te; i++ {
		if b[i] < 0x80 || b[i] >= 0xC0 {
			n++
		}
	}
	if n <= maxSuffix {
		if isGenitive(b[ts:te]) {
			return actGen
		}
		return actStrong
	}
	if s == ts {
		return actWeak
	}
	return actNone
}

// isGenitive guesses the genitive from the ending: -n, but not the
// illative -seen, -siin, -hin, -iin.
func isGenitive(w []byte) bool {
	n := len(w)
	if n < 3 || w[n-1] != 'n' {
		return false
	}
	for _, suf := range []string{"seen", "siin", "hin", "iin"} {
		if n >= len(suf) && string(w[n-len(suf):]) == suf {
			return false
		}
	}
	return true
}
