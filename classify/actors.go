package classify

// actors counts who a clause or sentence names. Strong: the person word is
// the head of its word (asiakkaat, asiakasperheitä). Genitive: a head in the
// genitive (asiakkaiden, työntekijöiden), often the owner of something rather
// than a participant. Weak: a client stem opening a compound
// (asiakaskokemus).
type actors struct {
	clientStrong, clientGen, clientWeak int
	staffStrong, staffGen               int
	firstIsClient, firstSet             bool
}

// Outcomes of judging who took part.
const (
	unknown = 0
	clients = 1
	staff   = -1
)

func (a *actors) add(o actors) {
	if !a.firstSet && o.firstSet {
		a.firstSet, a.firstIsClient = true, o.firstIsClient
	}
	a.clientStrong += o.clientStrong
	a.clientGen += o.clientGen
	a.clientWeak += o.clientWeak
	a.staffStrong += o.staffStrong
	a.staffGen += o.staffGen
}

func (a actors) none() bool {
	return a.clientStrong+a.clientGen+a.clientWeak+a.staffStrong+a.staffGen == 0
}

func (a actors) anyClient() bool { return a.clientStrong+a.clientGen+a.clientWeak > 0 }

// decide says whether a method in a clause with these actors was done with
// clients: clients named as participants win; staff named as participants
// exclude; between genitives the first named wins.
func (a actors) decide() int {
	switch {
	case a.clientStrong > 0:
		return clients
	case a.staffStrong > 0:
		return staff
	case a.clientGen > 0 && a.staffGen > 0:
		if a.firstIsClient {
			return clients
		}
		return staff
	case a.clientGen > 0:
		return clients
	case a.staffGen > 0:
		return staff
	case a.clientWeak > 0:
		return clients
	}
	return unknown
}

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
