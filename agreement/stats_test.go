package agreement

import (
	"math"
	"testing"

	"github.com/innokyla/innokyla/model"
)

const T, F = true, false

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCohenKappa(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b []bool
		want float64
		ok   bool
	}{
		// po 3/4, pe 1/2*1/4 + 1/2*3/4 = 1/2.
		{"half", []bool{T, T, F, F}, []bool{T, F, F, F}, 0.5, true},
		{"perfect", []bool{T, F, T}, []bool{T, F, T}, 1, true},
		{"opposite", []bool{T, F}, []bool{F, T}, -1, true},
		{"one value throughout", []bool{F, F}, []bool{F, F}, 0, false},
		{"no units", nil, nil, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, ok := CohenKappa(tc.a, tc.b)
			if ok != tc.ok || !near(k, tc.want) {
				t.Fatalf("kappa %v %v, want %v %v", k, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestKrippendorffAlpha(t *testing.T) {
	for _, tc := range []struct {
		name  string
		units [][]bool
		want  float64
		ok    bool
	}{
		// o00 4, o11 2, o01 = o10 = 1; n0 5, n1 3: 1 - 7*2/(2*15).
		{"two coders", [][]bool{{T, T}, {T, F}, {F, F}, {F, F}}, 1 - 14.0/30, true},
		// o00 3, o11 4, o01 = o10 = 1; n0 4, n1 5: 1 - 8*2/(2*20).
		{"three coders", [][]bool{{T, T, T}, {T, T, F}, {F, F, F}}, 0.6, true},
		// A unit one coder alone coded does not count.
		{"missing values", [][]bool{{T, T, T}, {T, T, F}, {F, F, F}, {T}}, 0.6, true},
		{"perfect", [][]bool{{T, T}, {F, F}}, 1, true},
		{"one value throughout", [][]bool{{T, T}, {T, T}}, 0, false},
		{"nothing pairable", [][]bool{{T}, {F}}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, ok := KrippendorffAlpha(tc.units)
			if ok != tc.ok || !near(a, tc.want) {
				t.Fatalf("alpha %v %v, want %v %v", a, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	coding := func(methods ...string) *model.Participation {
		p := &model.Participation{Described: len(methods) > 0}
		for _, m := range methods {
			p.Methods = append(p.Methods, model.Method{ID: m, Phases: []string{model.Planning}})
		}
		if p.Described {
			p.Phases = []string{model.Planning}
		}
		return p
	}
	units := []Unit{
		{ID: "a", Version: 1, Codings: map[string]*model.Participation{"E": coding("survey"), "A": coding("survey")}},
		{ID: "b", Version: 1, Codings: map[string]*model.Participation{"E": coding("survey", "workshop"), "A": coding("workshop")}},
		{ID: "c", Version: 1, Codings: map[string]*model.Participation{"E": coding(), "A": coding()}},
		{ID: "d", Version: 1, Codings: map[string]*model.Participation{"E": coding()}}, // one coder: left out
		{ID: "e", Version: 1, Codings: map[string]*model.Participation{"E": coding(), "A": coding()}},
	}
	r := Compare([]string{"E", "A"}, units)
	if r.Units != 4 {
		t.Fatalf("units %d, want 4", r.Units)
	}
	rows := map[string]Row{}
	for _, row := range r.Rows {
		rows[row.Code] = row
	}
	// survey: E yes yes no no, A yes no no no -> the "half" kappa.
	if s := rows["survey"]; !near(s.Agreement, 0.75) || s.Kappa == nil || !near(*s.Kappa, 0.5) || s.Alpha == nil || !near(*s.Alpha, 1-14.0/30) {
		t.Errorf("survey %+v", s)
	}
	if d := rows["described"]; d.Kappa == nil || !near(*d.Kappa, 1) {
		t.Errorf("described %+v", d)
	}
	if w := rows["interview"]; w.Kappa != nil || w.Alpha != nil || !near(w.Agreement, 1) {
		t.Errorf("a code nobody gave has kappa and alpha: %+v", w)
	}
	three := Compare([]string{"E", "A", "M"}, units)
	if three.Rows[0].Kappa != nil {
		t.Error("kappa with three coders")
	}
}
