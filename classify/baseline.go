package classify

import (
	"strings"

	"github.com/innokyla/innokyla/model"
)

// Baseline codes m the naive way, for comparison: a method is present when
// any of its cue words occurs as a plain substring of the lower-cased text,
// a phase when any of its cue words does; no actors, negation, clauses or
// section headings. described is true when any method is present.
func (c *Classifier) Baseline(m *model.Model) *model.Participation {
	var b strings.Builder
	b.WriteString(strings.ToLower(m.Summary))
	for _, s := range m.Sections {
		b.WriteString("\n")
		b.WriteString(strings.ToLower(s.Text))
	}
	text := b.String()
	has := func(ps []Pattern) bool {
		for _, p := range ps {
			if strings.Contains(text, strings.TrimLeft(p.Text, "^=")) {
				return true
			}
		}
		return false
	}
	p := &model.Participation{Codebook: "baseline/" + c.lx.cb.Version, Methods: []model.Method{}, Phases: []string{}}
	for _, md := range c.lx.cb.Methods {
		if has(md.Cues) || has(md.ClientCues) {
			p.Methods = append(p.Methods, model.Method{ID: md.ID, Phases: []string{}})
		}
	}
	for _, id := range model.PhaseIDs {
		for _, ph := range c.lx.cb.Phases {
			if ph.ID == id && has(ph.Cues) {
				p.Phases = append(p.Phases, id)
			}
		}
	}
	p.Described = len(p.Methods) > 0
	return p
}
