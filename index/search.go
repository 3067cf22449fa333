package index

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

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
// Regions are canonical region names and Methods and Phases codebook IDs
// (read user input with region.Parse, model.ParseMethod and
// model.ParsePhase first).
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
	Query string `json:"query"`
	Total uint64 `json:"total"` // every model found, always exact
	// Ranked is how many of them were ranked to choose Hits: Total, or,
	// when more were found than the rank bound, a sample spread over the
	// index (see Index.Search). Hits are the best of those ranked.
	Ranked uint64        `json:"ranked"`
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
	// Relevance is Score over the best score of the whole result (0 to 1;
	// 1 for the best hit); 0 when the search has no words to rank by.
	Relevance float64 `json:"relevance"`
	Snippet   Snippet `json:"snippet"`
}

// Facet counts the hits per value of one keyword field. Values are IDs
// and stored text; the web package gives them their Finnish names.
type Facet struct {
	Field   string      `json:"field"`
	Terms   []FacetTerm `json:"terms"`
	Missing int         `json:"missing"`
	Other   int         `json:"other"`
}

// FacetTerm is one value of a facet.
type FacetTerm struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// facetSpecs are the facets every search returns, in display order.
var facetSpecs = []struct {
	field string
	size  int
	multi bool // a model can have several values
}{
	{FieldRegions, 30, true},
	{FieldMethods, 20, true},
	{FieldPhases, 10, true},
	{FieldStage, 20, false},
	{FieldDescribed, 3, false},
	{FieldYear, 30, false},
}

// Search runs req. An empty query matches every model (browse by facets).
//
// With the facets loaded (LoadFacets) it counts the hits and their facets
// exactly from the postings lists (see hitSet), and when a query finds more
// models than the rank bound (Options.RankBound) it scores a sample of
// that many hits spread over the index instead of every one (see
// rankSample):
// Total and Facets still count every hit, and Ranked says how many were
// ranked. Otherwise every hit is scored and counted, and Ranked is Total.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	req = clamp(req)
	t := ix.table.Load()
	q, err := buildQuery(req, ix.words(), ix.facets)
	if err != nil {
		return nil, err
	}
	hits, err := ix.hitSet(t, q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	plan := ix.plan(t, hits, req)
	parts := make([]part, len(plan.parts))
	for i, ranges := range plan.parts {
		if i > 0 { // each part counts into its own query
			if q, err = buildQuery(req, ix.words(), ix.facets); err != nil {
				return nil, err
			}
		}
		q.count, q.table, q.ranges, q.only = !req.NoFacets && hits == nil, t, ranges, hits
		parts[i].q = q
	}
	if len(parts) == 1 {
		parts[0].run(ctx, ix, req.Limit, req.Offset)
	} else {
		var wg sync.WaitGroup
		for i := range parts {
			wg.Add(1)
			go func(p *part) {
				defer wg.Done()
				p.run(ctx, ix, req.Offset+req.Limit, 0)
			}(&parts[i])
		}
		wg.Wait()
	}
	var total uint64
	var counts []int
	var maxScore float64
	for _, p := range parts {
		if p.err != nil {
			return nil, fmt.Errorf("search %q: %w", req.Query, p.err)
		}
		maxScore = max(maxScore, p.res.MaxScore)
		total += p.res.Total
		counts = addCounts(counts, p.q.counts)
	}
	ranked := total
	if hits != nil {
		total = hits.GetCardinality()
		if !req.NoFacets {
			counts = t.count(hits)
		}
		if !plan.sampled {
			ranked = total
		}
	}
	hs := parts[0].res.Hits
	if len(parts) > 1 {
		hs = mergeHits(parts, req.Offset, req.Limit)
	}
	out := &Result{Query: req.Query, Total: total, Ranked: ranked, Offset: req.Offset, Limit: req.Limit,
		Hits: make([]Hit, 0, len(hs))}
	var m *matcher
	if strings.TrimSpace(req.Query) != "" {
		m = ix.newMatcher(parts[0].q.text)
	}
	for _, h := range hs {
		hit := hitOf(h)
		if maxScore > 0 && strings.TrimSpace(req.Query) != "" {
			hit.Relevance = h.Score / maxScore
		}
		hit.Snippet = snippetOf(h, m)
		out.Hits = append(out.Hits, hit)
	}
	if !req.NoFacets {
		out.Facets = facetsOf(counts, total, ix.facets)
	}
	out.Took = time.Since(start)
	return out, nil
}

// LoadFacets reads the facet values of every model into memory (about two
// bytes per value); searches then count facets and apply filters with a
// lookup per hit, and run in parts on all cores. serve calls it once; after
// a change to the index, searches fall back to one pass that reads the
// values per hit. Options.Parts sets the number of parts instead.
func (ix *Index) LoadFacets() error {
	r, err := ix.reader()
	if err != nil {
		return fmt.Errorf("load facets: %w", err)
	}
	defer r.Close()
	t, err := buildFacetTable(r)
	if err != nil {
		return fmt.Errorf("load facets of %s: %w", ix.path, err)
	}
	switch {
	case ix.parts > 0:
		t.parts = ix.parts
	case t.docs() >= minSplitDocs:
		t.parts = min(runtime.GOMAXPROCS(0), maxParts)
	}
	ix.table.Store(t)
	return nil
}

// A search of an index of minSplitDocs models or more, with the facets
// loaded, runs in up to maxParts ranges of documents at once, one per core.
// The parts score with the statistics of the whole snapshot, so merged
// they give what one pass gives.
const (
	minSplitDocs = 20000
	maxParts     = 4
)

// maxSplitHits bounds offset+limit of a search that runs in parts: each
// part loads that many hits.
const maxSplitHits = 200

// part is one range of document numbers of a search.
type part struct {
	q   *facetQuery
	res *bleve.SearchResult
	err error
}

func (p *part) run(ctx context.Context, ix *Index, size, from int) {
	sr := bleve.NewSearchRequestOptions(p.q, size, from, false)
	sr.Fields = []string{FieldTitle, FieldSummary, FieldSections, FieldURL, FieldRegion,
		FieldRegions, FieldStage, FieldCreated, FieldMethods, FieldPhases}
	p.res, p.err = ix.b.SearchInContext(ctx, sr)
}

// mergeHits merges the best hits of the parts as one pass would order them:
// by score, ties in document order (the parts are in document order).
func mergeHits(parts []part, offset, limit int) []*search.DocumentMatch {
	next := make([]int, len(parts))
	var out []*search.DocumentMatch
	for len(out) < offset+limit {
		best := -1
		for i, p := range parts {
			if next[i] < len(p.res.Hits) && (best < 0 || p.res.Hits[next[i]].Score > parts[best].res.Hits[next[best]].Score) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out = append(out, parts[best].res.Hits[next[best]])
		next[best]++
	}
	if offset >= len(out) {
		return nil
	}
	return out[offset:]
}

func addCounts(sum, c []int) []int {
	for len(sum) < len(c) {
		sum = append(sum, 0)
	}
	for i, n := range c {
		sum[i] += n
	}
	return sum
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

// facetsOf turns the hits per facet code into the facets of facetSpecs,
// each trimmed to its size. Missing is known for single-valued facets only.
func facetsOf(counts []int, total uint64, fd *facetDict) []Facet {
	terms := map[string][]FacetTerm{}
	for c, n := range counts {
		if n == 0 {
			continue
		}
		if fv, ok := fd.value(c); ok {
			field, value, _ := strings.Cut(fv, "=")
			terms[field] = append(terms[field], FacetTerm{Term: value, Count: n})
		}
	}
	out := make([]Facet, 0, len(facetSpecs))
	for _, spec := range facetSpecs {
		f := Facet{Field: spec.field, Terms: terms[spec.field]}
		if f.Terms == nil {
			f.Terms = []FacetTerm{} // [] in JSON, never null
		}
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
