package history

import (
	"slices"

	"github.com/innokyla/innokyla/model"
)

// Coding is how a model's coding changed between two versions.
type Coding struct {
	DescribedBefore bool     `json:"described_before"`
	DescribedAfter  bool     `json:"described_after"`
	MethodsGained   []Code   `json:"methods_gained,omitempty"`
	MethodsLost     []Code   `json:"methods_lost,omitempty"`
	PhasesGained    []string `json:"phases_gained,omitempty"`
	PhasesLost      []string `json:"phases_lost,omitempty"`
}

// Code is a method gained or lost, with the sentence it was read from (in
// the version that has it).
type Code struct {
	ID       string `json:"id"`
	Evidence string `json:"evidence,omitempty"`
	Section  string `json:"section,omitempty"`
}

// compareCoding returns nil when a version is not coded or nothing
// changed.
func compareCoding(old, new *model.Participation) *Coding {
	if old == nil || new == nil {
		return nil
	}
	c := &Coding{DescribedBefore: old.Described, DescribedAfter: new.Described}
	c.MethodsGained = methodsOnlyIn(new, old)
	c.MethodsLost = methodsOnlyIn(old, new)
	c.PhasesGained = onlyIn(new.Phases, old.Phases)
	c.PhasesLost = onlyIn(old.Phases, new.Phases)
	if c.DescribedBefore == c.DescribedAfter && len(c.MethodsGained)+len(c.MethodsLost)+len(c.PhasesGained)+len(c.PhasesLost) == 0 {
		return nil
	}
	return c
}

func methodsOnlyIn(a, b *model.Participation) []Code {
	var out []Code
	for _, m := range a.Methods {
		if slices.ContainsFunc(b.Methods, func(o model.Method) bool { return o.ID == m.ID }) {
			continue
		}
		c := Code{ID: m.ID}
		if len(m.Evidence) > 0 {
			c.Evidence, c.Section = m.Evidence[0].Text, m.Evidence[0].Section
		}
		out = append(out, c)
	}
	return out
}

func onlyIn(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
