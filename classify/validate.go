package classify

import (
	"fmt"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// validate checks that the codebook uses the project's IDs, that every code
// is labelled and every pattern is usable, and reports the first problem
// with its line.
func (cb *Codebook) validate() error {
	bad := func(line int, format string, a ...any) error {
		return &CodebookError{File: cb.name, Line: line, Reason: fmt.Sprintf(format, a...)}
	}
	if strings.TrimSpace(cb.Version) == "" {
		return bad(0, "no version")
	}
	for _, a := range []struct {
		name string
		def  actorDef
	}{{"clients", cb.Clients}, {"staff", cb.Staff}} {
		if len(a.def.Stems) == 0 {
			return bad(a.def.line, "%s: no stems", a.name)
		}
		if a.def.MaxSuffix <= 0 {
			return bad(a.def.line, "%s: max_suffix must be a positive number of letters", a.name)
		}
	}
	if len(cb.Negation.Words) == 0 {
		return bad(0, "negation: no words")
	}
	lists := [][]Pattern{cb.Clients.Stems, cb.Clients.Except, cb.Staff.Stems, cb.Staff.Except,
		cb.Negation.Words, cb.Negation.NotAfter, cb.Serving, cb.Anchors.Development,
		cb.Anchors.Events, cb.Anchors.Reported, cb.Anchors.Sources, cb.Anchors.PastAux, cb.Anchors.Progressive,
		cb.Anchors.Contexts, cb.Modality, cb.Targets, cb.ClauseStart, cb.Relatives, cb.Content}
	if len(cb.Anchors.Development) == 0 {
		return bad(0, "anchors: no development verbs; without them no code can count")
	}
	seen := map[string]int{}
	for _, p := range cb.Phases {
		if !model.IsPhase(p.ID) {
			return bad(p.line, "unknown phase id %q (known: %s)", p.ID, strings.Join(model.PhaseIDs, ", "))
		}
		if seen["phase "+p.ID] > 0 {
			return bad(p.line, "phase %q given twice", p.ID)
		}
		seen["phase "+p.ID] = p.line
		if p.FI == "" || p.EN == "" {
			return bad(p.line, "phase %q needs both fi and en labels", p.ID)
		}
		if len(p.Cues) == 0 {
			return bad(p.line, "phase %q has no cues", p.ID)
		}
		lists = append(lists, p.Cues)
	}
	for _, id := range model.PhaseIDs {
		if seen["phase "+id] == 0 {
			return bad(0, "phase %q is missing", id)
		}
	}
	for _, m := range cb.Methods {
		if !model.IsMethod(m.ID) {
			return bad(m.line, "unknown method id %q (known: %s)", m.ID, strings.Join(model.MethodIDs, ", "))
		}
		if seen["method "+m.ID] > 0 {
			return bad(m.line, "method %q given twice", m.ID)
		}
		seen["method "+m.ID] = m.line
		if m.FI == "" || m.EN == "" {
			return bad(m.line, "method %q needs both fi and en labels", m.ID)
		}
		if len(m.Cues)+len(m.ClientCues) == 0 {
			return bad(m.line, "method %q has no cues", m.ID)
		}
		for _, o := range m.Overrides {
			if !model.IsMethod(o) || o == m.ID {
				return bad(m.line, "method %q: cannot override %q", m.ID, o)
			}
		}
		for cue, req := range m.Requires {
			found := false
			for _, c := range m.Cues {
				found = found || c.Text == cue
			}
			if !found {
				return bad(m.line, "method %q: requires names %q, which is not one of its cues", m.ID, cue)
			}
			lists = append(lists, req)
		}
		lists = append(lists, m.Cues, m.ClientCues, m.Except)
	}
	reqLists := map[string]bool{}
	for _, m := range cb.Methods {
		for _, req := range m.Requires {
			reqLists[patternKey(req)] = true
		}
	}
	if len(reqLists) > maxRequireGroups {
		return bad(0, "%d different requires lists; at most %d are supported (cues may share a list)", len(reqLists), maxRequireGroups)
	}
	for _, id := range model.MethodIDs {
		if seen["method "+id] == 0 {
			return bad(0, "method %q is missing", id)
		}
	}
	for _, s := range cb.Sections {
		if strings.TrimSpace(s.Heading) == "" {
			return bad(s.line, "section mapping without a heading")
		}
		if _, ok := sectionWeights[s.Weight]; !ok {
			return bad(s.lineOf("weight"), "section %q: weight %q: want high, normal or low", s.Heading, s.Weight)
		}
		for _, p := range s.Phases {
			if !model.IsPhase(p) {
				return bad(s.lineOf("phases"), "section %q: unknown phase id %q", s.Heading, p)
			}
		}
	}
	for _, l := range lists {
		for _, p := range l {
			if err := checkPattern(p.Text); err != "" {
				return bad(p.Line, "pattern %q: %s", p.Text, err)
			}
		}
	}
	return nil
}

// checkPattern says what is wrong with a cue pattern, or "".
func checkPattern(p string) string {
	body := strings.TrimPrefix(strings.TrimPrefix(p, "^"), "=")
	switch {
	case strings.TrimSpace(body) == "":
		return "empty"
	case body != strings.TrimSpace(body) || strings.Contains(body, "  "):
		return "stray spaces"
	case normalizeString(body) != body:
		return fmt.Sprintf("write it in normalised form %q (lower case, no hyphens inside words)", normalizeString(body))
	case strings.ContainsAny(body, "^=.,;:!?()"):
		return "only letters, digits and single spaces are allowed after an optional ^ or ="
	}
	return ""
}
