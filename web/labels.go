package web

import (
	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

// Facet is an index facet with its Finnish name and the names of its
// values, as the page and `innokyla search` show them.
type Facet struct {
	Field   string      `json:"field"`
	Label   string      `json:"label"`
	Terms   []FacetTerm `json:"terms"`
	Missing int         `json:"missing"`
	Other   int         `json:"other"`
}

// FacetTerm is one value of a facet; Label is its Finnish name.
type FacetTerm struct {
	Term  string `json:"term"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Result is an index result with labelled facets: the JSON of
// `innokyla search --json`.
type Result struct {
	index.Result
	Facets []Facet `json:"facets,omitempty"`
}

// Labelled gives the facets of res their Finnish names.
func Labelled(res *index.Result) *Result {
	return &Result{Result: *res, Facets: LabelFacets(res.Facets)}
}

// facetLabels are the Finnish names of the index's facet fields.
var facetLabels = map[string]string{
	index.FieldRegions:   "Alue",
	index.FieldMethods:   "Osallistamistapa",
	index.FieldPhases:    "Vaihe",
	index.FieldStage:     "Kehitysvaihe",
	index.FieldDescribed: "Osallisuus kuvattu",
	index.FieldYear:      "Vuosi",
}

// LabelFacets names the facets and their values in Finnish.
func LabelFacets(fs []index.Facet) []Facet {
	if fs == nil {
		return nil
	}
	out := make([]Facet, 0, len(fs))
	for _, f := range fs {
		lf := Facet{Field: f.Field, Label: facetLabels[f.Field], Missing: f.Missing, Other: f.Other,
			Terms: make([]FacetTerm, 0, len(f.Terms))} // [] in JSON, never null
		for _, t := range f.Terms {
			lf.Terms = append(lf.Terms, FacetTerm{Term: t.Term, Label: TermLabel(f.Field, t.Term), Count: t.Count})
		}
		out = append(out, lf)
	}
	return out
}

// TermLabel is the Finnish name of a facet value.
func TermLabel(field, term string) string {
	switch field {
	case index.FieldMethods:
		if l, ok := model.MethodLabels[term]; ok {
			return l.FI
		}
	case index.FieldPhases:
		if l, ok := model.PhaseLabels[term]; ok {
			return l.FI
		}
	case index.FieldDescribed:
		switch term {
		case "true":
			return "Kyllä"
		case "false":
			return "Ei"
		}
	}
	return term
}

// Labels are the Finnish names of the codebook's methods and phases.
type Labels struct {
	Methods map[string]string `json:"methods"`
	Phases  map[string]string `json:"phases"`
}

// CodeLabels returns the Finnish names of every method and phase.
func CodeLabels() Labels {
	l := Labels{Methods: map[string]string{}, Phases: map[string]string{}}
	for id, v := range model.MethodLabels {
		l.Methods[id] = v.FI
	}
	for id, v := range model.PhaseLabels {
		l.Phases[id] = v.FI
	}
	return l
}
