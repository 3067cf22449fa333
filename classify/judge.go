package classify

// found is one accepted code in a section: a method (or general involvement
// when method < 0) read from sentence sent.
type found struct {
	method      int
	sent        int
	phases      uint8
	fromHeading bool // phases came from the section heading
}

// judge decides, sentence by sentence, which method cues count and which
// sentences state involvement in general, and appends them to sc.found.
func (c *Classifier) judge(sc *scratch, heading uint8) {
	sc.found = sc.found[:0]
	sectionStaff := false
	for _, in := range sc.info {
		sectionStaff = sectionStaff || in.act.staffStrong+in.act.staffGen > 0
	}
	for si, st := range sc.sents {
		var sentAct actors
		var sentPhases uint8
		var sentReq uint64
		for ci := st.c0; ci < st.c1; ci++ {
			in := &sc.info[ci]
			sentAct.add(in.act)
			sentReq |= in.req
			if !in.neg {
				sentPhases |= in.phases
			}
		}
		ctx := judgeCtx{sentAct: sentAct, sentReq: sentReq, si: si, sectionStaff: sectionStaff}
		first := len(sc.found)
		for ci := st.c0; ci < st.c1; ci++ {
			in := &sc.info[ci]
			hs := sc.hits[in.h0:in.h1]
			for i := range hs {
				x := &hs[i]
				if (x.e.kind != kMethodCue && x.e.kind != kMethodClient) || in.neg || in.serving {
					continue
				}
				if !c.counts(sc, hs, x, in, ctx) {
					continue
				}
				x.accepted = true
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
					sc.found = addFound(sc.found, first, place(hs[i].e.owner, si, in.phases, sentPhases, heading))
				}
			}
		}
		sc.found = c.dropFallbacks(sc.found, first)
		if len(sc.found) > first {
			continue
		}
		// No method: a general statement that clients took part.
		for ci := st.c0; ci < st.c1; ci++ {
			in := &sc.info[ci]
			if in.neg || in.serving || !(in.dev || in.inv && in.obj) {
				continue
			}
			ok := in.act.clientStrong > 0 && in.act.staffStrong == 0 ||
				in.act.none() && sentAct.clientStrong > 0 && sentAct.staffStrong == 0
			if !ok {
				continue
			}
			sc.found = append(sc.found, place(-1, si, in.phases, sentPhases, heading))
			break
		}
	}
	narrowHeadingPhases(sc.found, heading)
}

// place puts a code in the phases of its clause, else of its sentence,
// else of its section heading.
func place(method, sent int, clause, sentence, heading uint8) found {
	f := found{method: method, sent: sent, phases: clause}
	if f.phases == 0 {
		f.phases = sentence
	}
	if f.phases == 0 {
		f.phases, f.fromHeading = heading, true
	}
	return f
}

// judgeCtx is what a sentence's judgement needs beyond the clause.
type judgeCtx struct {
	sentAct      actors
	sentReq      uint64
	si           int
	sectionStaff bool
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
			return fs
		}
	}
	return append(fs, f)
}

// dropFallbacks removes fallback methods (codesign) from a sentence that
// names a more specific method.
func (c *Classifier) dropFallbacks(fs []found, first int) []found {
	specific := false
	for _, f := range fs[first:] {
		specific = specific || !c.lx.cb.Methods[f.method].Fallback
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

// counts decides whether method cue x was used with clients.
func (c *Classifier) counts(sc *scratch, hs []hit, x *hit, in *clauseInfo, ctx judgeCtx) bool {
	sentAct, si := ctx.sentAct, ctx.si
	m := &c.lx.cb.Methods[x.e.owner]
	for _, y := range hs {
		if y.e.kind == kMethodExcept && y.e.owner == x.e.owner && y.ts == x.ts && y.s == x.ts {
			return false
		}
	}
	if x.e.req != 0 && ctx.sentReq&(1<<uint(x.e.req%64)) == 0 {
		return false
	}
	if x.e.kind == kMethodClient {
		return true
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
	if m.Observer {
		switch {
		case in.act.anyClient() || sentAct.anyClient():
			return true
		case !in.act.none() || !sentAct.none():
			return false
		}
		return c.neighbourClients(sc, si)
	}
	if d := in.act.decide(); d != unknown {
		return d == clients
	}
	if d := sentAct.decide(); d != unknown {
		return d == clients
	}
	if c.neighbourClients(sc, si) {
		return true
	}
	return m.DefaultClients && !ctx.sectionStaff
}

// elidedClient reports whether the word at ts follows "<client word>- ja"
// or "- tai", as in "asiakas- ja henkilöstökysely".
func elidedClient(sc *scratch, hs []hit, ts int32) bool {
	b := sc.nt.b
	j := int(ts)
	skip := func() {
		for j > 0 && b[j-1] == ' ' {
			j--
		}
	}
	skip()
	w := j
	for w > 0 && isWordByte(b[w-1]) {
		w--
	}
	if word := string(b[w:j]); word != "ja" && word != "tai" {
		return false
	}
	j = w
	skip()
	if j == 0 || b[j-1] != '-' {
		return false
	}
	j--
	w = j
	for w > 0 && isWordByte(b[w-1]) {
		w--
	}
	for _, y := range sc.hits {
		if y.e.kind == kClient && y.s == int32(w) && y.t <= int32(j) {
			return true
		}
	}
	return false
}

// neighbourClients judges a cue whose own sentence names no one by the
// sentence before it (a cue usually refers back: "Haastattelimme ...
// Haastatteluja täydennettiin ..."), else the sentence after it ("Järjestimme
// työpajan. Siihen osallistui 20 asukasta."). Negated clauses are not read.
func (c *Classifier) neighbourClients(sc *scratch, si int) bool {
	for _, n := range []int{si - 1, si + 1} {
		if n < 0 || n >= len(sc.sents) {
			continue
		}
		var a actors
		for ci := sc.sents[n].c0; ci < sc.sents[n].c1; ci++ {
			if !sc.info[ci].neg {
				a.add(sc.info[ci].act)
			}
		}
		if a.clientStrong+a.staffStrong > 0 {
			return a.clientStrong > 0 && a.staffStrong == 0
		}
	}
	return false
}
