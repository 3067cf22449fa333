package model

import (
	"fmt"
	"strings"
	"time"
)

// Review decisions a person makes on one code of a model version.
const (
	Accept = "accept" // the machine code is right
	Reject = "reject" // the machine code is wrong
	Add    = "add"    // a code the machine missed, with a passage
)

// NoCodes is the code of a decision on a model the machine coded with no
// method: accepting it says no method is missing.
const NoCodes = "none"

// MachineCoder is the name agreement commands give the classifier's
// stored coding beside people's; no person may take it.
const MachineCoder = "machine"

// Review is one person's decision on one code of one model version.
type Review struct {
	ID       string `json:"id"`
	Version  int    `json:"version"`
	Coder    string `json:"coder"`
	Code     string `json:"code"` // a method ID, or NoCodes
	Decision string `json:"decision"`
	// Method is the code as decided: the machine's method for accept and
	// reject, the person's method, phases and evidence for add.
	Method   *Method   `json:"method,omitempty"`
	Memo     string    `json:"memo,omitempty"`
	Codebook string    `json:"codebook,omitempty"` // the machine coding reviewed
	At       time.Time `json:"at"`
}

// ParseCoder checks a coder's name as a person typed it: trimmed, not
// empty, one line, at most 100 bytes.
func ParseCoder(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", fmt.Errorf("a coder needs a name")
	case len(s) > 100:
		return "", fmt.Errorf("coder name %.20q... is longer than 100 bytes", s)
	case strings.ContainsAny(s, "\r\n\t\x00"):
		return "", fmt.Errorf("coder name %q holds a control character", s)
	case strings.EqualFold(s, MachineCoder):
		return "", fmt.Errorf("%q names the classifier, not a person", s)
	}
	return s, nil
}

// ParseCodeSpec reads a method with its phases as "METHOD[:PHASE,...]",
// each an ID or a Finnish or English name ("workshop:planning,development").
func ParseCodeSpec(s string) (method string, phases []string, err error) {
	name, list, _ := strings.Cut(s, ":")
	if method, err = ParseMethod(name); err != nil {
		return "", nil, fmt.Errorf("method %q: %w", name, err)
	}
	have := map[string]bool{}
	for _, p := range strings.Split(list, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		ph, err := ParsePhase(p)
		if err != nil {
			return "", nil, fmt.Errorf("phase %q: %w", p, err)
		}
		have[ph] = true
	}
	for _, ph := range PhaseIDs {
		if have[ph] {
			phases = append(phases, ph)
		}
	}
	return method, phases, nil
}

// FindPassage finds text in m's sections, as a person chose it: the
// first section holding it exactly, else the first holding it with runs
// of white space folded. The evidence has the section's page, heading and
// byte offsets.
func (m *Model) FindPassage(text string) (Evidence, error) {
	want := strings.TrimSpace(text)
	if want == "" {
		return Evidence{}, fmt.Errorf("the evidence passage is empty")
	}
	for _, s := range m.Sections {
		if i := strings.Index(s.Text, want); i >= 0 {
			return Evidence{Page: s.Page, Section: s.Heading, Text: want, Start: i, End: i + len(want)}, nil
		}
	}
	words := strings.Fields(want)
	for _, s := range m.Sections {
		if start, end, ok := indexFields(s.Text, words); ok {
			return Evidence{Page: s.Page, Section: s.Heading, Text: s.Text[start:end], Start: start, End: end}, nil
		}
	}
	return Evidence{}, fmt.Errorf("no section of %s holds the passage %q", m.ID, clip(want, 60))
}

// FindPassageIn finds text in m's section i only, as FindPassage does.
func (m *Model) FindPassageIn(i int, text string) (Evidence, error) {
	if i < 0 || i >= len(m.Sections) {
		return Evidence{}, fmt.Errorf("%s has no section %d", m.ID, i)
	}
	one := &Model{ID: m.ID, Sections: m.Sections[i : i+1]}
	e, err := one.FindPassage(text)
	if err != nil {
		return Evidence{}, fmt.Errorf("section %q of %s does not hold the passage %q", m.Sections[i].Heading, m.ID, clip(strings.TrimSpace(text), 60))
	}
	return e, nil
}

// indexFields finds words in text separated by any white space.
func indexFields(text string, words []string) (start, end int, ok bool) {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], words[0])
		if i < 0 {
			return 0, 0, false
		}
		start = from + i
		end = start + len(words[0])
		ok = true
		for _, w := range words[1:] {
			rest := text[end:]
			trimmed := strings.TrimLeft(rest, " \t\r\n\u00a0")
			if len(trimmed) == len(rest) || !strings.HasPrefix(trimmed, w) {
				ok = false
				break
			}
			end += len(rest) - len(trimmed) + len(w)
		}
		if ok {
			return start, end, true
		}
		from = start + 1
	}
	return 0, 0, false
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Reviewed builds a person's coding from their decisions on one model
// version: accepted and added methods, rejected ones left out.
func Reviewed(coder string, rs []Review) *Participation {
	p := &Participation{Coder: coder, Methods: []Method{}, Phases: []string{}}
	have := map[string]bool{}
	for _, r := range rs {
		if p.Codebook == "" {
			p.Codebook = r.Codebook
		}
		if r.Decision == Reject || r.Method == nil {
			continue
		}
		p.Methods = append(p.Methods, *r.Method)
		for _, ph := range r.Method.Phases {
			have[ph] = true
		}
	}
	for _, ph := range PhaseIDs {
		if have[ph] {
			p.Phases = append(p.Phases, ph)
		}
	}
	p.Described = len(p.Methods) > 0
	return p
}

// ReviewComplete reports whether rs decide on every method of the machine
// coding machine: a person has checked it whole. A machine coding with no
// method is checked by any decision: NoCodes accepted, or a code added.
func ReviewComplete(machine *Participation, rs []Review) bool {
	if len(rs) == 0 {
		return false
	}
	decided := map[string]bool{}
	for _, r := range rs {
		decided[r.Code] = true
	}
	if machine == nil || len(machine.Methods) == 0 {
		return true // accepted as empty (NoCodes), or a person added what was missing
	}
	for _, m := range machine.Methods {
		if !decided[m.ID] {
			return false
		}
	}
	return true
}
