package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/innokyla/innokyla/model"
)

// Limits on what one request may ask for.
const (
	MaxQueryLen  = 500
	MaxLimit     = 100
	MaxOffset    = 10000
	DefaultLimit = 10
)

// Request is one search: a query-string query plus filters. Values within
// one filter are alternatives (OR); different filters must all hold (AND).
// Regions are canonical region names (resolve user input with
// region.Resolve first).
type Request struct {
	Query     string   `json:"query"`
	Regions   []string `json:"regions,omitempty"`
	Methods   []string `json:"methods,omitempty"`
	Phases    []string `json:"phases,omitempty"`
	Stages    []string `json:"stages,omitempty"`
	Years     []string `json:"years,omitempty"`
	Described *bool    `json:"described,omitempty"`
	Limit     int      `json:"limit"`
	Offset    int      `json:"offset"`
	NoFacets  bool     `json:"no_facets,omitempty"`
}

// Result is what a search found.
type Result struct {
	Query  string        `json:"query"`
	Total  uint64        `json:"total"`
	Offset int           `json:"offset"`
	Limit  int           `json:"limit"`
	Took   time.Duration `json:"took_ns"`
	Hits   []Hit         `json:"hits"`
	Facets []Facet       `json:"facets,omitempty"`
}

// Hit is one model found, with what a result line shows.
type Hit struct {
	ID      string   `json:"id"`
	URL     string   `json:"url"`
	Title   string   `json:"title"`
	Region  string   `json:"region"`
	Regions []string `json:"regions,omitempty"`
	Stage   string   `json:"stage,omitempty"`
	Created string   `json:"created,omitempty"`
	Methods []string `json:"methods,omitempty"`
	Phases  []string `json:"phases,omitempty"`
	Score   float64  `json:"score"`
	Snippet Snippet  `json:"snippet"`
}

// Facet counts the hits per value of one keyword field.
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

// facetSpecs are the facets every search returns, in display order.
var facetSpecs = []struct {
	field, label string
	size         int
	multi        bool // a model can have several values
}{
	{FieldRegions, "Alue", 30, true},
	{FieldMethods, "Osallistamistapa", 20, true},
	{FieldPhases, "Vaihe", 10, true},
	{FieldStage, "Kehitysvaihe", 20, false},
	{FieldDescribed, "Osallisuus kuvattu", 3, false},
	{FieldYear, "Vuosi", 30, false},
}

// Search runs req. An empty query matches every model (browse by facets).
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	req = clamp(req)
	q, err := buildQuery(req, ix.tails)
	if err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(q, req.Limit, req.Offset, false)
	sr.Fields = []string{FieldTitle, FieldSummary, FieldSections, FieldURL, FieldRegion,
		FieldRegions, FieldStage, FieldCreated, FieldMethods, FieldPhases}
	if !req.NoFacets {
		sr.AddFacet(FieldFacets, bleve.NewFacetRequest(FieldFacets, maxFacetTerms))
	}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	out := &Result{Query: req.Query, Total: res.Total, Offset: req.Offset, Limit: req.Limit,
		Took: res.Took, Hits: make([]Hit, 0, len(res.Hits))}
	var m *matcher
	if strings.TrimSpace(req.Query) != "" {
		m = ix.newMatcher(q)
	}
	for _, h := range res.Hits {
		hit := hitOf(h)
		hit.Snippet = snippetOf(h, m)
		out.Hits = append(out.Hits, hit)
	}
	out.Facets = facetsOf(res.Facets, res.Total, ix.facets)
	return out, nil
}

// tails analyses word as the tails field is built: each folded stem of
// minSuffixRunes or more letters, reversed.
func (ix *Index) tails(word string) []string {
	a := ix.b.Mapping().AnalyzerNamed(analyzerFold)
	if a == nil {
		return nil
	}
	var out []string
	for _, t := range a.Analyze([]byte(word)) {
		if s := string(t.Term); utf8.RuneCountInString(s) >= minSuffixRunes {
			out = append(out, reverse(s))
		}
	}
	return out
}

func clamp(req Request) Request {
	if req.Limit <= 0 {
		req.Limit = DefaultLimit
	}
	if req.Limit > MaxLimit {
		req.Limit = MaxLimit
	}
	if req.Offset < 0 {
		req.Offset = 0
	}
	if req.Offset > MaxOffset {
		req.Offset = MaxOffset
	}
	return req
}

func hitOf(h *search.DocumentMatch) Hit {
	hit := Hit{
		ID: h.ID, Score: h.Score,
		URL:     str(h.Fields[FieldURL]),
		Title:   str(h.Fields[FieldTitle]),
		Region:  str(h.Fields[FieldRegion]),
		Regions: strs(h.Fields[FieldRegions]),
		Stage:   str(h.Fields[FieldStage]),
		Created: str(h.Fields[FieldCreated]),
		Methods: strs(h.Fields[FieldMethods]),
		Phases:  strs(h.Fields[FieldPhases]),
	}
	return hit
}

func str(v interface{}) string {
	switch t := v.(type) {
	case string:
		return t
	case []interface{}:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []interface{}:
		out := make([]string, 0, len(t))
		for _, e := range t {
			out = append(out, str(e))
		}
		return out
	}
	return nil
}

// maxFacetTerms bounds the distinct values of all facets together.
const maxFacetTerms = 1000

// facetsOf splits the one combined facet into the facets of facetSpecs and
// trims each to its size. Missing is known for single-valued facets only.
func facetsOf(fr search.FacetResults, total uint64, fd *facetDict) []Facet {
	r, ok := fr[FieldFacets]
	if !ok {
		return nil
	}
	terms := map[string][]FacetTerm{}
	if r.Terms != nil {
		for _, t := range r.Terms.Terms() {
			fv, ok := fd.lookup(t.Term)
			field, value, _ := strings.Cut(fv, "=")
			if ok {
				terms[field] = append(terms[field], FacetTerm{Term: value, Label: TermLabel(field, value), Count: t.Count})
			}
		}
	}
	out := make([]Facet, 0, len(facetSpecs))
	for _, spec := range facetSpecs {
		f := Facet{Field: spec.field, Label: spec.label, Terms: terms[spec.field]}
		sort.SliceStable(f.Terms, func(i, j int) bool {
			if f.Terms[i].Count != f.Terms[j].Count {
				return f.Terms[i].Count > f.Terms[j].Count
			}
			return f.Terms[i].Term < f.Terms[j].Term
		})
		if len(f.Terms) > spec.size {
			for _, t := range f.Terms[spec.size:] {
				f.Other += t.Count
			}
			f.Terms = f.Terms[:spec.size]
		}
		if !spec.multi {
			n := 0
			for _, t := range f.Terms {
				n += t.Count
			}
			f.Missing = int(total) - n - f.Other
		}
		if spec.field == FieldPhases || spec.field == FieldYear {
			sort.SliceStable(f.Terms, func(i, j int) bool {
				return termOrder(spec.field, f.Terms[i].Term) < termOrder(spec.field, f.Terms[j].Term)
			})
		}
		out = append(out, f)
	}
	return out
}

func termOrder(field, term string) string {
	if field == FieldPhases {
		for i, p := range model.PhaseIDs {
			if p == term {
				return fmt.Sprintf("%02d", i)
			}
		}
	}
	return term
}

// TermLabel is the Finnish name of a facet value.
func TermLabel(field, term string) string {
	switch field {
	case FieldMethods:
		if l, ok := model.MethodLabels[term]; ok {
			return l.FI
		}
	case FieldPhases:
		if l, ok := model.PhaseLabels[term]; ok {
			return l.FI
		}
	case FieldDescribed:
		switch term {
		case "true":
			return "Kyllä"
		case "false":
			return "Ei"
		}
	}
	return term
}
