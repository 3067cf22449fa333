package classify

import "github.com/innokyla/innokyla/model"

// found is one accepted code in a section: a method read from sentence
// sent, with its phases and confidence.
type found struct {
	method      int
	sent        int
	phases      uint8
	fromHeading bool // phases came from the section heading
	score       int
}

// unit is a finite clause with the list items that belong to it:
// sc.clauses[c0:c1]. A code counts only when its unit reports that clients
// took part in developing the model.
type unit struct {
	c0, c1       int32
	neg, modal   bool
	dev, event   bool
	clients      int // clients taking part
	plainClients int
	relative     bool
	phases       uint8
	verbPhases   uint8
}

// Scores of a unit's anchor, before the section's weight.
const (
	scoreDev        = 3 // a development verb in a reported form
	scoreEventInCtx = 2 // a reported event in a development context
	scoreEvent      = 1 // a reported event alone
	scoreCounts     = 2 // a unit counts at this score or more
)

// confidence turns a unit's score into a confidence level.
func confidence(score int) string {
	switch {
	case score >= 4:
		return model.ConfidenceHigh
	case score == 3:
		return model.ConfidenceMedium
	}
	return model.ConfidenceLow
}

// judge decides, sentence by sentence, which codes count, and appends them
// to sc.found. weight is the section's, content whether the model's title
// or summary makes participation its content.
func (c *Classifier) judge(sc *scratch, heading uint8, weight int, content bool) {
	sc.found = sc.found[:0]
	for si, st := range sc.sents {
		units := c.units(sc, st)
		sentDev, sentCtx := false, false
		var sentPhases, sentVerbPhases uint8
		for _, u := range units {
			sentDev = sentDev || u.dev
			sentPhases |= u.phases
			sentVerbPhases |= u.verbPhases
		}
		for ci := st.c0; ci < st.c1; ci++ {
			sentCtx = sentCtx || sc.info[ci].ctx
		}
		sentCtx = sentCtx || sentDev
		if content && !sentDev {
			continue // participation is the model's content here
		}
		var sentReq uint64
		serving := false
		for ci := st.c0; ci < st.c1; ci++ {
			sentReq |= sc.info[ci].req
			serving = serving || sc.info[ci].serving
		}
		if serving {
			continue // the sentence describes the service to a client
		}
		sentFirst := len(sc.found)
		for _, u := range units {
			score := 0
			switch {
			case u.neg || u.modal:
			case u.dev:
				score = scoreDev
			case u.event && sentCtx:
				score = scoreEventInCtx
			case u.event:
				score = scoreEvent
			}
			if score == 0 || score+weight < scoreCounts {
				continue
			}
			score += weight
			before := len(sc.found)
			c.unitMethods(sc, u, si, sentFirst, sentReq, score, heading, sentVerbPhases, sentPhases)
			if len(sc.found) == before && u.plainClients > 0 {
				// Clients took part and no method is named: codesign.
				if fb := c.fallback(); fb >= 0 {
					f := place(fb, si, score, u.verbPhases, u.phases, sentVerbPhases, sentPhases, heading)
					sc.found = addFound(sc.found, sentFirst, f)
				}
			}
		}
		sc.found = c.dropFallbacks(sc.found, sentFirst, sentPlain(units))
	}
	narrowHeadingPhases(sc.found, heading)
}

// sentPlain reports whether clients other than experts by experience take
// part in any unit of a sentence.
func sentPlain(us []unit) bool {
	for _, u := range us {
		if u.plainClients > 0 {
			return true
		}
	}
	return false
}

// units groups a sentence's clauses into units: a clause that opens with a
// subordinating or coordinating word starts a new unit, others (list items
// after a comma or colon) continue the one before.
func (c *Classifier) units(sc *scratch, st sentence) []unit {
	us := sc.units[:0]
	var aux, progDev, progEvent, subordinate bool
	closeUnit := func() {
		if len(us) == 0 {
			return
		}
		u := &us[len(us)-1]
		u.dev = u.dev || progDev && aux
		u.event = u.event || progEvent && aux
	}
	for ci := st.c0; ci < st.c1; ci++ {
		in := &sc.info[ci]
		// A subordinate clause (kun ..., jos ...) ends at its comma: the
		// main clause follows.
		if ci == st.c0 || in.start || subordinate {
			closeUnit()
			us = append(us, unit{c0: ci})
			aux, progDev, progEvent = false, false, false
			subordinate = in.start
		}
		u := &us[len(us)-1]
		if u.c0 == ci && in.complement && len(us) > 1 && us[len(us)-2].modal {
			u.modal = true // tavoitteena on, että ...: intended too
		}
		if u.c0 == ci {
			u.relative = in.relative
		}
		u.c1 = ci + 1
		u.neg = u.neg || in.neg
		u.modal = u.modal || in.modal
		u.dev = u.dev || in.dev
		u.event = u.event || in.event
		u.clients += in.clients
		u.plainClients += in.plainClients
		if !in.neg {
			u.phases |= in.phases
			u.verbPhases |= in.verbPhases
		}
		aux, progDev, progEvent = aux || in.aux, progDev || in.progDev, progEvent || in.progEvent
	}
	closeUnit()
	sc.units = us // reused by the next sentence
	// Who took part in a relative clause took part in what the unit before
	// it names: "järjestettiin työpaja, johon osallistui 11 asukasta".
	for i := len(us) - 1; i > 0; i-- {
		if us[i].relative && us[i].event && !us[i].neg && !us[i].modal && us[i].plainClients > 0 {
			us[i-1].plainClients += us[i].plainClients
			us[i-1].clients += us[i].plainClients
		}
	}
	return us
}

// unitMethods appends the methods named in unit u whose cues count.
func (c *Classifier) unitMethods(sc *scratch, u unit, si, sentFirst int, sentReq uint64, score int, heading, sentVerbPhases, sentPhases uint8) {
	first := len(sc.found)
	for ci := u.c0; ci < u.c1; ci++ {
		in := &sc.info[ci]
		if in.neg || in.serving {
			continue
		}
		hs := sc.hits[in.h0:in.h1]
		for i := range hs {
			x := &hs[i]
			if x.e.kind != kMethodCue && x.e.kind != kMethodClient {
				continue
			}
			x.accepted = c.counts(sc, hs, x, u, in, si, sentReq)
		}
		// Overrides within the clause: palautekysely is feedback only.
		for i := range hs {
			x := &hs[i]
			if !x.accepted {
				continue
			}
			for _, o := range c.lx.override[x.e.owner] {
				for j := range hs {
					if hs[j].accepted && hs[j].e.owner == o && (hs[j].e.kind == kMethodCue || hs[j].ts == x.ts) {
						hs[j].accepted = false
					}
				}
			}
		}
		for i := range hs {
			if hs[i].accepted {
				f := place(hs[i].e.owner, si, score, u.verbPhases, in.phases|u.phases, sentVerbPhases, sentPhases, heading)
				sc.found = addFound(sc.found, first, f)
			}
		}
	}
	sc.found = c.dropFallbacks(sc.found, first, u.plainClients > 0)
	// Clients beside experts by experience (asiakkaat ja
	// kokemusasiantuntijat kehittivät) also make a general statement.
	if u.plainClients > 0 && len(sc.found) > first && c.onlyPersons(sc.found[first:]) {
		if fb := c.fallback(); fb >= 0 {
			sc.found = addFound(sc.found, first, place(fb, si, score, u.verbPhases, u.phases, sentVerbPhases, sentPhases, heading))
		}
	}
	// One find per method and sentence, across its units.
	fs := sc.found[:first]
	for _, f := range sc.found[first:] {
		fs = addFound(fs, sentFirst, f)
	}
	sc.found = fs
}

// counts decides whether method cue x counts in unit u: a cue that names
// clients itself counts unless it names the service's target group; other
// cues need clients taking part in the unit.
func (c *Classifier) counts(sc *scratch, hs []hit, x *hit, u unit, in *clauseInfo, si int, sentReq uint64) bool {
	m := &c.lx.cb.Methods[x.e.owner]
	b := sc.nt.b
	for _, y := range hs {
		if y.e.kind == kMethodExcept && y.e.owner == x.e.owner && y.ts == x.ts && y.s == x.ts {
			return false
		}
	}
	if x.e.req != 0 && sentReq&(1<<uint(x.e.req)) == 0 {
		return false
	}
	if x.e.kind == kMethodClient {
		return !(m.Person && (c.morph.recipient(b[x.ts:x.te]) || nextWordIs(hs, b, x.te, kTarget) || prevWordIs(hs, b, x.ts, kTarget)))
	}
	// The word's own first part: asiakaskysely, henkilöstökysely.
	for _, y := range hs {
		if y.ts != x.ts || y.t > x.s {
			continue
		}
		if y.e.kind == kClient && y.s == x.ts {
			return true
		}
		if y.e.kind == kStaff && !inWordWith(hs, &y, kStaffExcept) {
			return elidedClient(sc, hs, x.ts)
		}
	}
	if m.Observer && in.anyClient || u.clients > 0 {
		return true
	}
	return c.neighbourTakesPart(sc, si, x.e.owner)
}

// neighbourTakesPart: a cue whose unit names no one counts when the
// sentence before or after names the same method and clients taking part
// in it ("Tehtiin ryhmähaastatteluja. Ryhmähaastatteluissa ikäihmiset
// toivoivat ...").
func (c *Classifier) neighbourTakesPart(sc *scratch, si, method int) bool {
	for _, n := range []int{si + 1, si - 1} {
		if n < 0 || n >= len(sc.sents) {
			continue
		}
		st := sc.sents[n]
		cue, clients := false, false
		for ci := st.c0; ci < st.c1; ci++ {
			in := &sc.info[ci]
			if in.neg || in.modal {
				continue
			}
			clients = clients || in.plainClients > 0
			for _, y := range sc.hits[in.h0:in.h1] {
				cue = cue || (y.e.kind == kMethodCue || y.e.kind == kMethodClient) && y.e.owner == method
			}
		}
		if cue && clients {
			return true
		}
	}
	return false
}

// place puts a code in the phases of its unit's reported verbs, else of
// its clause, else of the sentence's reported verbs, else of the sentence,
// else of its section heading.
func place(method, sent, score int, verbs, clause, sentVerbs, sentence, heading uint8) found {
	f := found{method: method, sent: sent, score: score, phases: verbs}
	for _, m := range []uint8{clause, sentVerbs, sentence} {
		if f.phases == 0 {
			f.phases = m
		}
	}
	if f.phases == 0 {
		f.phases, f.fromHeading = heading, true
	}
	return f
}

// narrowHeadingPhases: under a heading of several phases (Kuvittele ja
// kokeile), a code that names no phase gets those of the heading that the
// section's other codes name, when they name any.
func narrowHeadingPhases(fs []found, heading uint8) {
	if heading&(heading-1) == 0 {
		return
	}
	var named uint8
	for _, f := range fs {
		if !f.fromHeading {
			named |= f.phases
		}
	}
	if named&heading == 0 {
		return
	}
	for i := range fs {
		if fs[i].fromHeading {
			fs[i].phases = named & heading
		}
	}
}

// addFound adds f, merging with an earlier find of the same method in the
// same sentence.
func addFound(fs []found, first int, f found) []found {
	for i := first; i < len(fs); i++ {
		if fs[i].method == f.method && fs[i].sent == f.sent {
			fs[i].phases |= f.phases
			fs[i].score = max(fs[i].score, f.score)
			return fs
		}
	}
	return append(fs, f)
}

// fallback is the index of the codebook's fallback method (codesign), or -1.
func (c *Classifier) fallback() int {
	for i, m := range c.lx.cb.Methods {
		if m.Fallback {
			return i
		}
	}
	return -1
}

// onlyPersons reports whether every code in fs is a person method.
func (c *Classifier) onlyPersons(fs []found) bool {
	for _, f := range fs {
		if !c.lx.cb.Methods[f.method].Person {
			return false
		}
	}
	return true
}

// dropFallbacks removes fallback methods (codesign) from a unit that names
// a more specific method; a person method leaves it when other clients
// take part too (keepWithPersons).
func (c *Classifier) dropFallbacks(fs []found, first int, keepWithPersons bool) []found {
	specific := false
	for _, f := range fs[first:] {
		m := c.lx.cb.Methods[f.method]
		specific = specific || !m.Fallback && !(m.Person && keepWithPersons)
	}
	if !specific {
		return fs
	}
	out := fs[:first]
	for _, f := range fs[first:] {
		if !c.lx.cb.Methods[f.method].Fallback {
			out = append(out, f)
		}
	}
	return out
}

// elidedClient reports whether the word at ts follows "<client word>- ja"
// or "- tai", as in "asiakas- ja henkilöstökysely".
func elidedClient(sc *scratch, hs []hit, ts int32) bool {
	b := sc.nt.b
	j := prevWordEnd(b, ts)
	w := j
	for w > 0 && isWordByte(b[w-1]) {
		w--
	}
	if word := string(b[w:j]); word != "ja" && word != "tai" {
		return false
	}
	j = prevWordEnd(b, w)
	if j == 0 || b[j-1] != '-' {
		return false
	}
	j--
	w = j
	for w > 0 && isWordByte(b[w-1]) {
		w--
	}
	for _, y := range sc.hits {
		if y.e.kind == kClient && y.s == w && y.t <= j {
			return true
		}
	}
	return false
}
