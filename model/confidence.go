package model

import (
	"fmt"
	"strings"
)

// Confidence levels of a code, from the classifier's signals: a development
// verb in a reported form in a section where Innokylä tells how a model was
// developed is high; an event that only a context or section ties to the
// development is low.
const (
	ConfidenceHigh   = "high"
	ConfidenceMedium = "medium"
	ConfidenceLow    = "low"
)

// ConfidenceLevels lists the levels from the lowest.
var ConfidenceLevels = []string{ConfidenceLow, ConfidenceMedium, ConfidenceHigh}

// ConfidenceRank orders levels: low 1, medium 2, high 3; an empty or
// unknown level (codings made before confidence existed) is 0.
func ConfidenceRank(c string) int {
	for i, l := range ConfidenceLevels {
		if l == c {
			return i + 1
		}
	}
	return 0
}

// ParseConfidence reads a confidence level given by a user.
func ParseConfidence(s string) (string, error) {
	c := strings.ToLower(strings.TrimSpace(s))
	if ConfidenceRank(c) == 0 {
		return "", fmt.Errorf("unknown confidence %q: want one of %s", s, strings.Join(ConfidenceLevels, ", "))
	}
	return c, nil
}

// AtLeast returns the coding with only the methods of at least confidence
// level min, its phases the union of theirs and described recomputed from
// them. A method without a confidence (a coding made before confidence
// existed) does not reach any level. p itself is not changed; nil stays nil.
func (p *Participation) AtLeast(min string) *Participation {
	if p == nil {
		return nil
	}
	q := *p
	q.Methods = []Method{}
	have := map[string]bool{}
	for _, m := range p.Methods {
		if ConfidenceRank(m.Confidence) >= ConfidenceRank(min) && ConfidenceRank(m.Confidence) > 0 {
			q.Methods = append(q.Methods, m)
			for _, ph := range m.Phases {
				have[ph] = true
			}
		}
	}
	q.Phases = []string{}
	for _, ph := range PhaseIDs {
		if have[ph] {
			q.Phases = append(q.Phases, ph)
		}
	}
	q.Described = len(q.Methods) > 0
	q.General = nil
	return &q
}
