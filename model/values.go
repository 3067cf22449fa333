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
