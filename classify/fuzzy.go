package classify

import "unicode/utf8"

// fuzzyHits turns anchor hits (halves of long cues) into cue hits where the
// word holds the whole cue with one letter substituted, dropped or added,
// not at its first letter or its last two ("asikasraatitoimintaa"). Words
// that already hold the cue exactly are skipped.
func (c *Classifier) fuzzyHits(sc *scratch) {
	n := len(sc.hits)
	for i := 0; i < n; i++ {
		if sc.hits[i].e.kind != kFuzzy {
			continue
		}
		pos := -1 // the anchor's rune position once the word is decoded
		for _, anchor := range sc.hits[i].e.group {
			c.tryFuzzy(sc, i, n, anchor, &pos)
		}
	}
	if len(sc.hits) > n {
		sortHits(sc.hits)
	}
}

// tryFuzzy checks the word of anchor hit hs[i] for anchor's cue.
func (c *Classifier) tryFuzzy(sc *scratch, i, n int, anchor *entry, pos *int) {
	a := sc.hits[i]
	cue := anchor.cue
	// Quick reject: the word must have room for the cue less a letter.
	if a.te-a.ts < int32(len(cue.text))-2 || !plausible(sc.nt.b[a.ts:a.te], a.s-a.ts, anchor) ||
		hasCueInWord(sc.hits[:n], i, cue) {
		return
	}
	if *pos < 0 {
		*pos = decodeWord(sc, a)
	}
	lo, hi := *pos, *pos
	if !anchor.first {
		h := len(cue.cueRunes) - anchor.runes
		lo, hi = *pos-h-1, *pos-h+1
	}
	for st := max(lo, 0); st <= hi; st++ {
		if end, ok := oneEdit(cue.cueRunes, sc.runes, st); ok {
			sc.hits = append(sc.hits, hit{e: cue, s: sc.runeOff[st], t: sc.runeOff[end], ts: a.ts, te: a.te})
			return
		}
	}
}

// plausible is a byte-level filter before the rune-level check: a match
// keeps the cue's first letter and its last two letters, which must then
// sit within two bytes of where the anchor puts them.
func plausible(word []byte, at int32, anchor *entry) bool {
	cue := anchor.cue.text
	var start int32 // where the cue starts if no edit precedes the anchor
	if anchor.first {
		start = at
	} else {
		start = at - int32(len(cue)-len(anchor.text))
	}
	_, n1 := utf8.DecodeLastRuneInString(cue)
	_, n2 := utf8.DecodeLastRuneInString(cue[:len(cue)-n1])
	tail := cue[len(cue)-n1-n2:]
	tailFound, headFound := false, anchor.first
	for d := int32(-2); d <= 2; d++ {
		p := start + int32(len(cue)-len(tail)) + d
		if p >= 0 && int(p)+len(tail) <= len(word) && string(word[p:int(p)+len(tail)]) == tail {
			tailFound = true
		}
		if q := start + d; !headFound && q >= 0 && int(q) < len(word) && word[q] == cue[0] {
			headFound = true
		}
	}
	return tailFound && headFound
}

// decodeWord puts the runes of a's word and their offsets in sc and returns
// the rune position where a starts.
func decodeWord(sc *scratch, a hit) int {
	b := sc.nt.b
	sc.runes, sc.runeOff = sc.runes[:0], sc.runeOff[:0]
	pos := 0
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
	return pos
}

// hasCueInWord reports whether the word of hs[i] holds cue exactly. Hits
// are sorted by start, so those of one word are next to each other.
func hasCueInWord(hs []hit, i int, cue *entry) bool {
	ts := hs[i].ts
	for j := i; j >= 0 && hs[j].ts == ts; j-- {
		if hs[j].e == cue {
			return true
		}
	}
	for j := i + 1; j < len(hs) && hs[j].ts == ts; j++ {
		if hs[j].e == cue {
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
