package model

import "strings"

// Funders are the funders of m: Funder keeps a field of several values
// one a line, as published.
func (m *Model) Funders() []string {
	var out []string
	for _, f := range strings.Split(m.Funder, "\n") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// FilledSections is the number of sections of m with text.
func (m *Model) FilledSections() int {
	n := 0
	for _, s := range m.Sections {
		if strings.TrimSpace(s.Text) != "" {
			n++
		}
	}
	return n
}
