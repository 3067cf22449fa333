package agreement

import (
	"sort"

	"github.com/innokyla/innokyla/model"
)

// Unit is one model version with each coder's coding of it.
type Unit struct {
	ID      string
	Version int
	Codings map[string]*model.Participation // by coder
}

// Row is the agreement on one code.
type Row struct {
	Code  string `json:"code"` // "described", a method ID, or "phase:" and a phase ID
	Units int    `json:"units"`
	// Agreement is the share of coder pairs on a unit that gave the same
	// value.
	Agreement float64 `json:"agreement"`
	// Kappa is Cohen's kappa, for exactly two coders; Alpha is
	// Krippendorff's alpha. Nil where undefined (a code nobody, or
	// everybody, gave).
	Kappa *float64 `json:"kappa"`
	Alpha *float64 `json:"alpha"`
}

// Result is the agreement of coders over the units two or more of them
// coded.
type Result struct {
	Coders []string `json:"coders"`
	Units  int      `json:"units"`
	Rows   []Row    `json:"codes"`
}

// Codes lists what Compare compares: described, each method, each phase.
func Codes() []string {
	out := []string{"described"}
	out = append(out, model.MethodIDs...)
	for _, p := range model.PhaseIDs {
		out = append(out, "phase:"+p)
	}
	return out
}

// has reports whether p codes code.
func has(p *model.Participation, code string) bool {
	if p == nil {
		return false
	}
	if code == "described" {
		return p.Described
	}
	if len(code) > 6 && code[:6] == "phase:" {
		for _, ph := range p.Phases {
			if ph == code[6:] {
				return true
			}
		}
		return false
	}
	for _, m := range p.Methods {
		if m.ID == code {
			return true
		}
	}
	return false
}

// Compare measures the agreement of coders over units. A unit counts
// where at least two of the coders coded it; Cohen's kappa, for two
// coders, on the units both coded.
func Compare(coders []string, units []Unit) *Result {
	r := &Result{Coders: coders}
	var used []Unit
	for _, u := range units {
		n := 0
		for _, c := range coders {
			if _, ok := u.Codings[c]; ok {
				n++
			}
		}
		if n >= 2 {
			used = append(used, u)
		}
	}
	sort.Slice(used, func(i, j int) bool {
		if used[i].ID != used[j].ID {
			return used[i].ID < used[j].ID
		}
		return used[i].Version < used[j].Version
	})
	r.Units = len(used)
	for _, code := range Codes() {
		row := Row{Code: code, Units: len(used)}
		var values [][]bool
		var agree, pairs float64
		var a, b []bool
		for _, u := range used {
			var vs []bool
			for _, c := range coders {
				if p, ok := u.Codings[c]; ok {
					vs = append(vs, has(p, code))
				}
			}
			values = append(values, vs)
			for i := range vs {
				for j := i + 1; j < len(vs); j++ {
					pairs++
					if vs[i] == vs[j] {
						agree++
					}
				}
			}
			if len(coders) == 2 && len(vs) == 2 {
				a, b = append(a, vs[0]), append(b, vs[1])
			}
		}
		if pairs > 0 {
			row.Agreement = agree / pairs
		}
		if len(coders) == 2 {
			if k, ok := CohenKappa(a, b); ok {
				row.Kappa = &k
			}
		}
		if al, ok := KrippendorffAlpha(values); ok {
			row.Alpha = &al
		}
		r.Rows = append(r.Rows, row)
	}
	return r
}
