package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/innokyla/innokyla/model"
)

// ModelRef names a model in an audit list.
type ModelRef struct {
	ID, Title, URL string
}

// Example is one evidence sentence for a method used in the audited region.
type Example struct {
	Method  string // method ID
	Model   ModelRef
	Section string // section heading the sentence stands in
	Text    string
	Phases  []string // phases the sentence places the method in
}

// Audit collects one region's figures beside the national ones from a
// single stream of the whole corpus: every model counts nationally, models
// whose primary region is one of the audited regions also count locally and
// are listed when they lack a description or a phase. Memory grows with the
// audited region's models (the lists), not with the corpus.
type Audit struct {
	regions      []string
	inRegion     map[string]bool
	local        *Aggregator
	national     *Aggregator
	notDescribed []ModelRef
	missing      [nPhases][]ModelRef
	examples     [nMethods]*Example
	fetchedMin   time.Time
	fetchedMax   time.Time
}

// NewAudit returns an Audit of the given canonical regions (at least one),
// its own figures grouped by groupBy (GroupByProject is the usual choice).
func NewAudit(regions []string, groupBy string) (*Audit, error) {
	if len(regions) == 0 {
		return nil, fmt.Errorf("audit: no region given")
	}
	local, err := NewAggregator(groupBy)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	national, _ := NewAggregator(GroupByRegion)
	a := &Audit{regions: append([]string{}, regions...), inRegion: map[string]bool{},
		local: local, national: national}
	for _, r := range regions {
		a.inRegion[r] = true
	}
	return a, nil
}

// Add counts one model of the corpus.
func (a *Audit) Add(m *model.Model) {
	c := reduce(m)
	a.national.addCoded(m, &c)
	if !m.FetchedAt.IsZero() {
		if a.fetchedMin.IsZero() || m.FetchedAt.Before(a.fetchedMin) {
			a.fetchedMin = m.FetchedAt
		}
		if m.FetchedAt.After(a.fetchedMax) {
			a.fetchedMax = m.FetchedAt
		}
	}
	if !a.inRegion[m.Region] {
		return
	}
	a.local.addCoded(m, &c)
	ref := ModelRef{ID: m.ID, Title: m.Title, URL: m.URL}
	if !c.coded {
		return // not yet coded: it says nothing either way
	}
	if !c.described {
		a.notDescribed = append(a.notDescribed, ref)
		return
	}
	for p, on := range c.phases {
		if !on {
			a.missing[p] = append(a.missing[p], ref)
		}
	}
	for _, me := range m.Participation.Methods {
		i := methodIndex(me.ID)
		if i < 0 || a.examples[i] != nil {
			continue
		}
		if ev := pickEvidence(me.Evidence); ev != nil {
			a.examples[i] = &Example{Method: me.ID, Model: ref, Section: ev.Section,
				Text: strings.TrimSpace(ev.Text), Phases: ev.Phases}
		}
	}
}

// pickEvidence returns the first sentence that places the method in a
// phase, else the first with any text, else nil.
func pickEvidence(evs []model.Evidence) *model.Evidence {
	var first *model.Evidence
	for i := range evs {
		ev := &evs[i]
		if strings.TrimSpace(ev.Text) == "" {
			continue
		}
		if len(ev.Phases) > 0 {
			return ev
		}
		if first == nil {
			first = ev
		}
	}
	return first
}

// AuditResult is what an Audit collected.
type AuditResult struct {
	Regions      []string
	Local        *Result // the audited regions, grouped
	National     *Result // the whole corpus streamed, by region
	NotDescribed []ModelRef
	Missing      map[string][]ModelRef // phase ID -> described models without it
	Examples     []Example             // codebook order, one per method used
	FetchedMin   time.Time
	FetchedMax   time.Time
}

// Result returns what was collected so far.
func (a *Audit) Result() *AuditResult {
	r := &AuditResult{
		Regions: a.regions, Local: a.local.Result(), National: a.national.Result(),
		NotDescribed: a.notDescribed, Missing: map[string][]ModelRef{},
		FetchedMin: a.fetchedMin, FetchedMax: a.fetchedMax,
	}
	for p, id := range model.PhaseIDs {
		r.Missing[id] = a.missing[p]
	}
	for _, ex := range a.examples {
		if ex != nil {
			r.Examples = append(r.Examples, *ex)
		}
	}
	return r
}
