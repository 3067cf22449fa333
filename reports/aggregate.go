package reports

import (
	"fmt"
	"sort"

	"github.com/innokyla/innokyla/model"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Ways to group models.
const (
	GroupByRegion  = "region"
	GroupByProject = "project"
)

const (
	nPhases  = 4
	nMethods = 10
	// noPhase is the method_phase column for a method used with no phase.
	noPhase = "none"
)

// Group holds the counts of one region or project (or of the whole
// selection). Phases, Methods and MethodPhase are indexed like
// model.PhaseIDs and model.MethodIDs; MethodPhase[m][4] counts models that
// use method m with no phase stated.
type Group struct {
	Name        string // "" for models with no region or project
	Models      int
	Coded       int // models with a coding
	Described   int
	Reviewed    int // models whose coding a person reviewed whole
	Phases      [nPhases]int
	Methods     [nMethods]int
	MethodPhase [nMethods][nPhases + 1]int
}

// NotDescribed is the number of coded models that describe no client
// involvement. Models not yet coded are not among them.
func (g *Group) NotDescribed() int { return g.Coded - g.Described }

// NotCoded is the number of models not yet coded: they are counted apart
// and left out of every share.
func (g *Group) NotCoded() int { return g.Models - g.Coded }

// PhasesCovered is the number of phases in which at least one of the
// group's models involved clients.
func (g *Group) PhasesCovered() int {
	n := 0
	for _, c := range g.Phases {
		if c > 0 {
			n++
		}
	}
	return n
}

// AllPhases reports whether the group covers all four phases.
func (g *Group) AllPhases() bool { return g.PhasesCovered() == nPhases }

// add counts one model's coding into g.
func (g *Group) add(c *coded) {
	g.Models++
	if c.reviewed {
		g.Reviewed++
	}
	if !c.coded {
		return
	}
	g.Coded++
	if c.described {
		g.Described++
	}
	for i, on := range c.phases {
		if on {
			g.Phases[i]++
		}
	}
	for i, on := range c.methods {
		if !on {
			continue
		}
		g.Methods[i]++
		ph := c.methodPhases[i]
		if ph == 0 {
			g.MethodPhase[i][nPhases]++
			continue
		}
		for p := 0; p < nPhases; p++ {
			if ph&(1<<p) != 0 {
				g.MethodPhase[i][p]++
			}
		}
	}
}

// coded is one model's coding reduced to sets, each method and phase
// counted once per model however often the coding repeats it.
type coded struct {
	coded, described bool
	reviewed         bool
	phases           [nPhases]bool
	methods          [nMethods]bool
	methodPhases     [nMethods]uint8 // bit p set: method used in phase p
}

func phaseIndex(id string) int {
	switch id {
	case model.Ideation:
		return 0
	case model.Planning:
		return 1
	case model.Development:
		return 2
	case model.PilotingEvaluation:
		return 3
	}
	return -1
}

func methodIndex(id string) int {
	for i, m := range model.MethodIDs {
		if m == id {
			return i
		}
	}
	return -1
}

// reduce reads a model's coding. Codes outside the codebook are ignored;
// a method's phases also count as the model's phases.
func reduce(m *model.Model) coded {
	c := coded{reviewed: m.Reviewed}
	p := m.Participation
	if p == nil {
		return c
	}
	c.coded = true
	c.described = p.Described
	for _, id := range p.Phases {
		if i := phaseIndex(id); i >= 0 {
			c.phases[i] = true
		}
	}
	for _, me := range p.Methods {
		i := methodIndex(me.ID)
		if i < 0 {
			continue
		}
		c.methods[i] = true
		for _, id := range me.Phases {
			if j := phaseIndex(id); j >= 0 {
				c.methodPhases[i] |= 1 << j
				c.phases[j] = true
			}
		}
	}
	return c
}

// Aggregator counts streamed models per group. It is not safe for
// concurrent use.
type Aggregator struct {
	groupBy   string
	groups    map[string]*Group
	total     Group
	codebooks map[string]bool
}

// NewAggregator returns an Aggregator grouping by GroupByRegion (a model
// counts in its primary region) or GroupByProject. Any other value is an
// error.
func NewAggregator(groupBy string) (*Aggregator, error) {
	if groupBy != GroupByRegion && groupBy != GroupByProject {
		return nil, fmt.Errorf("group by %q: want %s or %s", groupBy, GroupByRegion, GroupByProject)
	}
	return &Aggregator{groupBy: groupBy, groups: map[string]*Group{}, codebooks: map[string]bool{}}, nil
}

// Add counts one model. It keeps nothing of m.
func (a *Aggregator) Add(m *model.Model) {
	c := reduce(m)
	a.addCoded(m, &c)
}

func (a *Aggregator) addCoded(m *model.Model, c *coded) {
	key := m.Region
	if a.groupBy == GroupByProject {
		key = m.Project
	}
	g := a.groups[key]
	if g == nil {
		g = &Group{Name: key}
		a.groups[key] = g
	}
	g.add(c)
	a.total.add(c)
	if m.Participation != nil && m.Participation.Codebook != "" && len(a.codebooks) < 16 {
		a.codebooks[m.Participation.Codebook] = true
	}
}

// Result is what an Aggregator counted.
type Result struct {
	GroupBy   string
	Groups    []*Group // Finnish alphabetical order; the unnamed group last
	Total     *Group
	Codebooks []string // codebook versions of the codings seen, sorted
}

// Empty reports whether no model was counted.
func (r *Result) Empty() bool { return r.Total.Models == 0 }

// Result returns copies of the counts so far.
func (a *Aggregator) Result() *Result {
	r := &Result{GroupBy: a.groupBy}
	for _, g := range a.groups {
		c := *g
		r.Groups = append(r.Groups, &c)
	}
	sortByName(r.Groups, func(g *Group) string { return g.Name })
	t := a.total
	r.Total = &t
	for cb := range a.codebooks {
		r.Codebooks = append(r.Codebooks, cb)
	}
	sort.Strings(r.Codebooks)
	return r
}

// pct is n as a percentage of of, 0 when of is 0.
func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) * 100 / float64(of)
}

// sortByName sorts xs by name in Finnish collation order, the unnamed
// (no region or project) last.
func sortByName[T any](xs []T, name func(T) string) {
	col := collate.New(language.Finnish)
	sort.SliceStable(xs, func(i, j int) bool {
		a, b := name(xs[i]), name(xs[j])
		if (a == "") != (b == "") {
			return b == ""
		}
		return col.CompareString(a, b) < 0
	})
}
