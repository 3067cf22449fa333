package classify

import (
	"slices"
)

// hit is one pattern occurrence in normalised text: b[s:t], inside the word
// b[ts:te].
type hit struct {
	e        *entry
	s, t     int32
	ts, te   int32
	class    int8 // actor class of client and staff hits
	accepted bool // a method cue judged to count
}

// clauseInfo is what a clause says: whether it is negated, modal or
// describes the service, who takes part in it, which phases, and which
// verbs in which forms tie it to developing the model.
type clauseInfo struct {
	h0, h1       int32 // its hits: hits[h0:h1]
	neg, serving bool
	modal        bool
	start        bool  // opens a unit of its own (joka, että, ja ...)
	complement   bool  // opens with että or jotta: says what the unit before it wants or says
	relative     bool  // opens with a relative pronoun
	clients      int   // clients taking part: heads of their word, or a genitive before kanssa
	anyClient    bool  // a client named in any role, for observer methods
	phases       uint8 // of every phase cue in the clause
	verbPhases   uint8 // of phase cues on its reported verbs
	dev, event   bool  // a development or event verb in a reported form
	progDev      bool  // kehittämässä: reported beside a past auxiliary
	progEvent    bool  // mukana: reported beside a past auxiliary
	aux          bool  // a past auxiliary
	plainClients int   // clients taking part as agents, not named by a person cue
	ctx          bool  // a development context
	req          uint64
}

// scan finds every pattern in the normalised text and keeps those whose
// word-boundary mode fits, sorted by start.
func (c *Classifier) scan(sc *scratch) {
	b := sc.nt.b
	sc.hits = sc.hits[:0]
	c.lx.ac.scan(b, func(id int32, s, t int) {
		for _, e := range c.lx.byPat[id] {
			if e.mode != anywhere && s > 0 && isWordByte(b[s-1]) {
				continue
			}
			if e.mode == wholeWord && t < len(b) && isWordByte(b[t]) {
				continue
			}
			ts, te := s, t
			for ts > 0 && isWordByte(b[ts-1]) {
				ts--
			}
			for te < len(b) && isWordByte(b[te]) {
				te++
			}
			sc.hits = append(sc.hits, hit{e: e, s: int32(s), t: int32(t), ts: int32(ts), te: int32(te)})
		}
	})
	sortHits(sc.hits)
}

// sortHits orders hits by start, longer first. The automaton reports them
// by end, so they are nearly in order already: an insertion sort moves the
// few that are not (pdqsort, comparing through a function, was 8% of the
// time of classifying).
func sortHits(hs []hit) {
	for i := 1; i < len(hs); i++ {
		h := hs[i]
		j := i
		for ; j > 0 && (hs[j-1].s > h.s || hs[j-1].s == h.s && hs[j-1].t < h.t); j-- {
			hs[j] = hs[j-1]
		}
		hs[j] = h
	}
}

// describe fills sc.info for every clause from its hits.
func (c *Classifier) describe(sc *scratch) {
	b := sc.nt.b
	sc.info = sc.info[:0]
	h := 0
	for _, cl := range sc.clauses {
		for h < len(sc.hits) && sc.hits[h].s < cl.s {
			h++
		}
		in := clauseInfo{h0: int32(h)}
		for h < len(sc.hits) && sc.hits[h].s < cl.e {
			h++
		}
		in.h1 = int32(h)
		hs := sc.hits[in.h0:in.h1]
		first := cl.s
		for first < cl.e && !isWordByte(b[first]) {
			first++
		}
		if w := nextWord(b, first); c.lx.starts[string(w)] {
			in.start = true
			in.relative = c.lx.relatives[string(w)]
			in.complement = string(w) == "että" || string(w) == "jotta"
		}
		// A semicolon separates clauses that each have their own verb.
		for j := cl.s - 1; j >= 0 && (b[j] == ' ' || b[j] == ';'); j-- {
			in.start = in.start || b[j] == ';'
		}
		var reportedWords []int32 // word starts of reported verbs
		for i := range hs {
			x := &hs[i]
			switch x.e.kind {
			case kNeg:
				if !followedBy(hs, b, x.t, kNotNeg) {
					in.neg = true
				}
			case kServing:
				in.serving = true
			case kModal:
				in.modal = true
			case kDevVerb, kEventVerb:
				if x.s != x.ts {
					break // a verb opens its word; inside a compound it is a noun
				}
				dev := x.e.kind == kDevVerb
				switch c.morph.verbForm(b[x.ts:x.te], int(x.t-x.ts)) {
				case formReported:
					in.dev, in.event = in.dev || dev, in.event || !dev
					reportedWords = append(reportedWords, x.ts)
				case formProgressive:
					in.progDev, in.progEvent = in.progDev || dev, in.progEvent || !dev
					reportedWords = append(reportedWords, x.ts)
				}
			case kReported:
				in.event = true
			case kPastAux:
				in.aux = true
			case kSource:
				// "asiakaspalautteen mukaan": the genitive of a client
				// method right before it, not "mukaan kehittämiseen".
				j := prevWordEnd(b, x.ts)
				in.event = in.event || j > 0 && b[j-1] == 'n' && prevWordIs(hs, b, x.ts, kMethodClient)
			case kProgressive:
				in.progEvent = true
			case kContext:
				in.ctx = true
			case kRequire:
				in.req |= 1 << uint(x.e.owner)
			case kPhase:
				if !masked(hs, i) {
					in.phases |= 1 << uint(x.e.owner)
				}
			case kClient:
				if !inWordWith(hs, x, kClientExcept) {
					x.class = int8(actorClass(b, x.s, x.t, x.ts, x.te, c.lx.cb.Clients.MaxSuffix))
				}
			}
		}
		for i := range hs {
			x := &hs[i]
			if x.e.kind == kPhase && !masked(hs, i) && slices.Contains(reportedWords, x.ts) {
				in.verbPhases |= 1 << uint(x.e.owner)
			}
		}
		// Clients are counted outside the words that carry a method cue:
		// those are read by the cue's own prefix check. A client next to a
		// target word (asiakkaille suunnattu) is the service's target
		// group; a genitive before kanssa (asiakkaiden kanssa) takes part.
		for i := range hs {
			x := &hs[i]
			if x.e.kind != kClient || x.class == actNone || cueWord(hs, x.ts) {
				continue
			}
			in.anyClient = true
			if nextWordIs(hs, b, x.te, kTarget) || prevWordIs(hs, b, x.ts, kTarget) {
				continue
			}
			if w := nextWord(b, x.te); x.class == actGen && (string(w) == "kanssa" || string(w) == "kesken") {
				x.class = actStrong
			}
			if x.class != actStrong {
				continue
			}
			in.clients++
			if !personWord(hs, x.ts, c.lx.cb) && !c.morph.recipient(b[x.ts:x.te]) {
				in.plainClients++
			}
		}
		sc.info = append(sc.info, in)
	}
}

// personWord reports whether the word at ts holds a cue of a person
// method (kokemusasiantuntijat).
func personWord(hs []hit, ts int32, cb *Codebook) bool {
	for _, y := range hs {
		if y.ts == ts && y.e.kind == kMethodClient && cb.Methods[y.e.owner].Person {
			return true
		}
	}
	return false
}

// nextWord is the word after position t, within the clause's punctuation.
func nextWord(b []byte, t int32) []byte {
	j := nextWordStart(b, t)
	k := j
	for k < int32(len(b)) && isWordByte(b[k]) {
		k++
	}
	return b[j:k]
}

// nextWordStart is where the word after position t starts (past spaces);
// prevWordEnd where the word before ts ends.
func nextWordStart(b []byte, t int32) int32 {
	for t < int32(len(b)) && b[t] == ' ' {
		t++
	}
	return t
}

func prevWordEnd(b []byte, ts int32) int32 {
	for ts > 0 && b[ts-1] == ' ' {
		ts--
	}
	return ts
}

// nextWordIs reports whether the word after the one ending at te holds a
// hit of kind k; prevWordIs the same for the word before ts.
func nextWordIs(hs []hit, b []byte, te int32, k kind) bool {
	j := nextWordStart(b, te)
	for _, y := range hs {
		if y.e.kind == k && y.ts == j {
			return true
		}
	}
	return false
}

func prevWordIs(hs []hit, b []byte, ts int32, k kind) bool {
	j := prevWordEnd(b, ts)
	for _, y := range hs {
		if y.e.kind == k && y.te == j {
			return true
		}
	}
	return false
}

// followedBy reports whether the word after position t is a hit of kind k.
func followedBy(hs []hit, b []byte, t int32, k kind) bool {
	j := t
	for j < int32(len(b)) && !isWordByte(b[j]) {
		if b[j] == ',' || b[j] == '.' {
			return false
		}
		j++
	}
	for _, y := range hs {
		if y.e.kind == k && y.s == j {
			return true
		}
	}
	return false
}

// masked reports whether phase hit hs[i] lies inside a longer phase hit
// ("ennen suunnittelua" is ideation, not planning).
func masked(hs []hit, i int) bool {
	x := hs[i]
	for j, y := range hs {
		if j != i && y.e.kind == kPhase && y.s <= x.s && x.t <= y.t && y.t-y.s > x.t-x.s {
			return true
		}
	}
	return false
}

// inWordWith reports whether x's word holds a hit of kind k overlapping x.
func inWordWith(hs []hit, x *hit, k kind) bool {
	for _, y := range hs {
		if y.e.kind == k && y.ts == x.ts && y.s < x.t && x.s < y.t {
			return true
		}
	}
	return false
}

// cueWord reports whether the word starting at ts carries a method cue that
// needs an actor.
func cueWord(hs []hit, ts int32) bool {
	for _, y := range hs {
		if y.ts == ts && y.e.kind == kMethodCue {
			return true
		}
	}
	return false
}
