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

// clauseInfo is what a clause says: whether it is negated or describes the
// service, who it names, which phases, which involvement words.
type clauseInfo struct {
	h0, h1       int32 // its hits: hits[h0:h1]
	neg, serving bool
	act          actors
	phases       uint8
	inv, obj     bool
	dev          bool
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

// sortHits orders hits by start, longer first.
func sortHits(hs []hit) {
	slices.SortFunc(hs, func(x, y hit) int {
		if x.s != y.s {
			return int(x.s - y.s)
		}
		return int(y.t - x.t)
	})
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
		for i := range hs {
			x := &hs[i]
			switch x.e.kind {
			case kNeg:
				if !followedBy(hs, b, x.t, kNotNeg) {
					in.neg = true
				}
			case kServing:
				in.serving = true
			case kInvVerb:
				in.inv = true
			case kInvObject:
				in.obj = true
			case kDevVerb:
				in.dev = true
			case kRequire:
				in.req |= 1 << uint(x.e.owner%64)
			case kPhase:
				if !masked(hs, i) {
					in.phases |= 1 << uint(x.e.owner)
				}
			case kClient:
				if !inWordWith(hs, x, kClientExcept) {
					x.class = int8(actorClass(b, x.s, x.t, x.ts, x.te, c.lx.cb.Clients.MaxSuffix))
				}
			case kStaff:
				if !inWordWith(hs, x, kStaffExcept) {
					x.class = int8(actorClass(b, x.s, x.t, x.ts, x.te, c.lx.cb.Staff.MaxSuffix))
				}
			}
		}
		// Actors are counted outside the words that carry a method cue:
		// those are read by the cue's own prefix check.
		for i := range hs {
			x := &hs[i]
			if x.class == actNone || x.class == actWeak && x.e.kind == kStaff || cueWord(hs, x.ts) {
				continue
			}
			isClient := x.e.kind == kClient
			if !in.act.firstSet {
				in.act.firstSet, in.act.firstIsClient = true, isClient
			}
			switch {
			case isClient && x.class == actStrong:
				in.act.clientStrong++
			case isClient && x.class == actGen:
				in.act.clientGen++
			case isClient:
				in.act.clientWeak++
			case x.class == actStrong:
				in.act.staffStrong++
			default:
				in.act.staffGen++
			}
		}
		sc.info = append(sc.info, in)
	}
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
