package classify

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/innokyla/innokyla/model"
)

// SummaryHeading is the section name evidence from a model's summary gets.
const SummaryHeading = "Toimintamallin lyhyt kuvaus"

// PlaceHeading is the section name evidence from the Perustiedot place
// field (Toteutuspaikka) gets; some models tell there how they were made.
const PlaceHeading = "Toteutuspaikka"

// maxEvidence caps the sentences kept per method.
const maxEvidence = 8

// Classifier codes models with one codebook. It is safe for concurrent use.
type Classifier struct {
	lx    *lexicon
	morph morphology
	pool  sync.Pool

	// headings caches raw heading -> headingInfo. A sync.Map: the workers
	// of classify read it for every section without a lock (17-24 against
	// 28-43 ns a lookup with a mutex around a map; about 0.02 CPU-s at
	// 100,000 models).
	headings sync.Map
	nHeading atomic.Int32 // entries in headings, capped at maxHeadings
}

// maxHeadings caps the headings cached.
const maxHeadings = 10000

// headingInfo is what the codebook says of a section heading.
type headingInfo struct {
	phases uint8
	weight int
}

// scratch holds one Classify call's buffers, reused through a pool.
type scratch struct {
	nt      normText
	hits    []hit
	sents   []sentence
	clauses []span
	info    []clauseInfo
	found   []found
	runes   []rune
	runeOff []int32
	units   []unit
}

// New makes a classifier of a codebook from Load or Default, which have
// compiled it and refused one too large. Like regexp.MustCompile, it
// panics for a Codebook built by hand that does not compile.
func New(cb *Codebook) *Classifier {
	lx := cb.lx
	if lx == nil {
		var err error
		if lx, err = compile(cb); err != nil {
			panic("classify.New: " + err.Error())
		}
	}
	c := &Classifier{lx: lx, morph: newMorphology()}
	c.pool.New = func() any { return new(scratch) }
	return c
}

// Codebook is the codebook the classifier uses.
func (c *Classifier) Codebook() *Codebook { return c.lx.cb }

// Classify codes m: described, methods with phases and evidence, phases and
// general statements of involvement. It reads the summary and every section.
func (c *Classifier) Classify(m *model.Model) *model.Participation {
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	cb := c.lx.cb
	methods := make([]*model.Method, len(cb.Methods))
	var methodPhases = make([]uint8, len(cb.Methods))
	var all uint8
	p := &model.Participation{Codebook: cb.Version, Methods: []model.Method{}, Phases: []string{}}
	content := c.isContent(sc, m)
	visit := func(page, heading, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		c.section(sc, text, c.heading(heading), content)
		for _, f := range sc.found {
			st := sc.sents[f.sent]
			ev := c.evidence(sc, page, heading, text, st.span, f.phases)
			ev.Confidence = confidence(f.score)
			all |= f.phases
			mm := methods[f.method]
			if mm == nil {
				mm = &model.Method{ID: cb.Methods[f.method].ID}
				methods[f.method] = mm
			}
			methodPhases[f.method] |= f.phases
			if model.ConfidenceRank(ev.Confidence) > model.ConfidenceRank(mm.Confidence) {
				mm.Confidence = ev.Confidence
			}
			if len(mm.Evidence) < maxEvidence {
				mm.Evidence = append(mm.Evidence, ev)
			}
		}
	}
	visit(model.PageMain, SummaryHeading, m.Summary)
	visit(model.PageMain, PlaceHeading, m.Place)
	for _, s := range m.Sections {
		visit(s.Page, s.Heading, s.Text)
	}
	for i, mm := range methods {
		if mm != nil {
			mm.Phases = c.phaseIDs(methodPhases[i])
			p.Methods = append(p.Methods, *mm)
		}
	}
	p.Phases = c.phaseIDs(all)
	p.Described = len(p.Methods) > 0
	return p
}

// section analyses one text; the codes found are left in sc.found.
func (c *Classifier) section(sc *scratch, text string, h headingInfo, content bool) {
	sc.nt.reset(text)
	c.scan(sc)
	c.fuzzyHits(sc)
	sc.found = sc.found[:0]
	if !c.mayCode(sc) {
		return // no method cue and no client: nothing can be coded
	}
	sc.sents, sc.clauses = segment(&sc.nt, text, sc.sents, sc.clauses)
	c.describe(sc)
	c.judge(sc, h.phases, h.weight, content)
}

// mayCode reports whether the hits hold anything a code needs: a method
// cue, or a client for a general statement.
func (c *Classifier) mayCode(sc *scratch) bool {
	for _, x := range sc.hits {
		switch x.e.kind {
		case kMethodCue, kMethodClient, kClient:
			return true
		}
	}
	return false
}

// isContent reports whether the model's title or summary names a
// participation form (a client council, a feedback system, experts by
// experience): then participation is what the model is, and only a
// development verb ties a mention of it to developing the model.
func (c *Classifier) isContent(sc *scratch, m *model.Model) bool {
	for _, t := range []string{m.Title} {
		sc.nt.reset(t)
		c.scan(sc)
		for _, x := range sc.hits {
			if x.e.kind == kContent {
				return true
			}
		}
	}
	return false
}

// heading is the phases and weight the codebook's section mapping gives a
// heading. Headings repeat across models, so results are cached.
func (c *Classifier) heading(h string) headingInfo {
	if m, ok := c.headings.Load(h); ok {
		return m.(headingInfo)
	}
	def := c.lx.headings[headingKey(h)]
	m := headingInfo{phases: c.phaseMask(def.Phases), weight: sectionWeights[def.Weight]}
	if c.nHeading.Load() >= maxHeadings {
		return m
	}
	if c.nHeading.Add(1) > maxHeadings { // another worker took the last place
		c.nHeading.Add(-1)
		return m
	}
	// A copy: h may be a part of a whole record (store's decodeShared),
	// which the cache would keep alive.
	if _, had := c.headings.LoadOrStore(strings.Clone(h), m); had {
		c.nHeading.Add(-1)
	}
	return m
}

// evidence builds the evidence of a sentence: its original text and byte
// offsets in the section text.
func (c *Classifier) evidence(sc *scratch, page, heading, text string, sp span, phases uint8) model.Evidence {
	start, end := int(sc.nt.orig(sp.s)), int(sc.nt.orig(sp.e))
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !strings.ContainsRune(" \t\r\n\u00a0\u00ad", r) {
			break
		}
		end -= n
	}
	return model.Evidence{Page: page, Section: heading, Text: text[start:end], Start: start, End: end,
		Phases: c.phaseIDs(phases)}
}

func (c *Classifier) phaseMask(ids []string) uint8 {
	var m uint8
	for _, id := range ids {
		for i, p := range c.lx.cb.Phases {
			if p.ID == id {
				m |= 1 << uint(i)
			}
		}
	}
	return m
}

// phaseIDs lists the phases of mask in the project's order.
func (c *Classifier) phaseIDs(mask uint8) []string {
	out := []string{}
	for _, id := range model.PhaseIDs {
		for i, p := range c.lx.cb.Phases {
			if p.ID == id && mask&(1<<uint(i)) != 0 {
				out = append(out, id)
			}
		}
	}
	return out
}
