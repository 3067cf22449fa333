package classify

import "unicode/utf8"

// fuzzyHits turns anchor hits (halves of long cues) into cue hits where the
// word holds the whole cue with one letter substituted, dropped or added,
// not at its first letter or its last two ("asikasraatitoimintaa"). Words
// that already hold the cue exactly are skipped.
func (c *Classifier) fuzzyHits(sc *scratch) {
	b := sc.nt.b
	n := len(sc.hits)
	for i := 0; i < n; i++ {
		a := sc.hits[i]
		if a.e.kind != kFuzzy || hasCueInWord(sc.hits[:n], a.ts, a.e.cue) {
			continue
		}
		cue := a.e.cue
		sc.runes, sc.runeOff = sc.runes[:0], sc.runeOff[:0]
		pos := -1
		for j := a.ts; j < a.te; {
			r, size := utf8.DecodeRune(b[j:])
			if j == a.s {
				pos = len(sc.runes)
			}
			sc.runes = append(sc.runes, r)
			sc.runeOff = append(sc.runeOff, j)
			j += int32(size)
		}
		sc.runeOff = append(sc.runeOff, a.te)
		starts := []int{pos}
		if !a.e.first {
			h := len(cue.cueRunes) - a.e.runes
			starts = []int{pos - h - 1, pos - h, pos - h + 1}
		}
		for _, st := range starts {
			if st < 0 {
				continue
			}
			if end, ok := oneEdit(cue.cueRunes, sc.runes, st); ok {
				sc.hits = append(sc.hits, hit{e: cue, s: sc.runeOff[st], t: sc.runeOff[end], ts: a.ts, te: a.te})
				break
			}
		}
	}
	if len(sc.hits) > n {
		sortHits(sc.hits)
	}
}

// hasCueInWord reports whether the word at ts holds cue exactly, or an
// earlier fuzzy match of it.
func hasCueInWord(hs []hit, ts int32, cue *entry) bool {
	for _, y := range hs {
		if y.ts == ts && y.e == cue {
			return true
		}
	}
	return false
}

// oneEdit reports whether tok[st:] starts with cue up to one edit at a
// position from 1 to len(cue)-3, and where the match ends in tok.
func oneEdit(cue, tok []rune, st int) (int, bool) {
	i := 0
	for i < len(cue) && st+i < len(tok) && cue[i] == tok[st+i] {
		i++
	}
	if i == len(cue) || i == 0 || i > len(cue)-3 {
		return 0, false
	}
	j := st + i
	rest := cue[i+1:]
	switch {
	case hasRunePrefix(tok[min(j+1, len(tok)):], rest): // substitution
		return j + 1 + len(rest), true
	case hasRunePrefix(tok[j:], rest): // a letter dropped
		return j + len(rest), true
	case hasRunePrefix(tok[min(j+1, len(tok)):], cue[i:]): // a letter added
		return j + 1 + len(cue) - i, true
	}
	return 0, false
}

func hasRunePrefix(s, p []rune) bool {
	if len(s) < len(p) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}
