package index

import (
	"errors"
	"reflect"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// hitSet finds the models a query matches as a bitmap of document
// numbers, from the postings lists alone: no scoring, no hit by hit
// iteration, so a query that matches most of a million models costs a few
// bitmap operations per segment instead of a score per model. Search
// counts and facets with it and scores only a bounded sample (see
// rankSample).
//
// It reads the queries that buildQuery makes from words, compounds,
// must/not and field values (terms, matches, conjunctions, disjunctions,
// booleans, all and none) with bleve's own rules, the query string's
// skipping of clauses that hold only stop words included. For anything
// else (a phrase of several words needs positions; fuzzy, wildcard and
// regexp terms) ok is false and Search scores every hit.
func hitSet(r index.IndexReader, m mapping.IndexMapping, q query.Query) (bm *roaring.Bitmap, ok bool, err error) {
	snap, isSnap := r.(*scorch.IndexSnapshot)
	if !isSnap {
		return nil, false, nil
	}
	segs := snap.Segments()
	offsets := make([]uint64, len(segs)+1)
	for i, ss := range segs {
		offsets[i+1] = offsets[i] + ss.Segment().Count()
	}
	// The segments are read on every core, the largest first.
	order := make([]int, len(segs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return segs[order[a]].Count() > segs[order[b]].Count() })
	sets := make([]set, len(segs))
	errs := make([]error, len(segs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(segs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			terms := map[[2]string][]string{}
			for k := int(next.Add(1)) - 1; k < len(order); k = int(next.Add(1)) - 1 {
				i := order[k]
				e := &segEval{seg: segs[i].Segment(), deleted: segs[i].Deleted(), m: m,
					dicts: map[string]segment.TermDictionary{}, terms: terms}
				sets[i], errs[i] = e.eval(q)
			}
		}()
	}
	wg.Wait()
	out := roaring.New()
	for i, s := range sets {
		if errors.Is(errs[i], errNoBitmap) {
			return nil, false, nil
		}
		if errs[i] != nil || !s.ok {
			return nil, false, errs[i]
		}
		if !s.none && !s.bm.IsEmpty() {
			out.Or(roaring.AddOffset64(s.bm, int64(offsets[i]))) // a new bitmap
		}
	}
	return out, true, nil
}

// set is what a query matches in one segment. none marks what bleve
// makes a MatchNoneSearcher (a match of only stop words), which a query
// string's conjunction skips; an empty bitmap is not none. The bitmap may
// be the postings list itself: it is never changed, only combined into
// new ones.
type set struct {
	bm   *roaring.Bitmap
	none bool
	ok   bool // false: a query hitSet cannot read
}

// errNoBitmap: the segment's postings do not give their bitmap (another
// segment format); Search then scores every hit.
var errNoBitmap = errors.New("postings without a bitmap")

var (
	unsupported = set{}
	matchNone   = set{bm: roaring.New(), none: true, ok: true}
)

func found(bm *roaring.Bitmap) set { return set{bm: bm, ok: true} }

// segEval evaluates queries on one segment.
type segEval struct {
	seg     segment.Segment
	deleted *roaring.Bitmap
	m       mapping.IndexMapping
	dicts   map[string]segment.TermDictionary
	live    *roaring.Bitmap
	terms   map[[2]string][]string // analysed match text by field, for every segment
}

func (e *segEval) eval(q query.Query) (set, error) {
	switch t := q.(type) {
	case *query.MatchAllQuery:
		return found(e.all()), nil
	case *query.MatchNoneQuery:
		return matchNone, nil
	case *query.TermQuery:
		bm, err := e.postings(t.FieldVal, t.Term)
		return found(bm), err
	case *query.MatchQuery:
		return e.match(t)
	case *query.DisjunctionQuery:
		return e.disjunction(t)
	case *query.ConjunctionQuery:
		return e.conjunction(t)
	case *query.BooleanQuery:
		return e.boolean(t)
	}
	return unsupported, nil
}

// all is every live document of the segment.
func (e *segEval) all() *roaring.Bitmap {
	if e.live == nil {
		e.live = roaring.New()
		e.live.AddRange(0, e.seg.Count())
		if e.deleted != nil {
			e.live.AndNot(e.deleted)
		}
	}
	return e.live
}

func (e *segEval) dict(field string) (segment.TermDictionary, error) {
	if d, ok := e.dicts[field]; ok {
		return d, nil
	}
	d, err := e.seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	e.dicts[field] = d
	return d, nil
}

// postings is the live documents holding term in field, not to be
// changed.
func (e *segEval) postings(field, term string) (*roaring.Bitmap, error) {
	if field == "" {
		field = e.m.DefaultSearchField()
	}
	d, err := e.dict(field)
	if err != nil || d == nil {
		return roaring.New(), err
	}
	pl, err := d.PostingsList([]byte(term), e.deleted, nil)
	if err != nil {
		return nil, err
	}
	it, ok := pl.Iterator(false, false, false, nil).(segment.OptimizablePostingsIterator)
	if !ok {
		return nil, errNoBitmap
	}
	if n, ok := it.DocNum1Hit(); ok {
		bm := roaring.New()
		bm.Add(uint32(n))
		return bm, nil
	}
	if a := it.ActualBitmap(); a != nil {
		return a, nil
	}
	return roaring.New(), nil
}

// termPostings is postings for each of terms in field.
func (e *segEval) termPostings(field string, terms []string) ([]*roaring.Bitmap, error) {
	bms := make([]*roaring.Bitmap, 0, len(terms))
	for _, t := range terms {
		bm, err := e.postings(field, t)
		if err != nil {
			return nil, err
		}
		bms = append(bms, bm)
	}
	return bms, nil
}

func (e *segEval) match(q *query.MatchQuery) (set, error) {
	if q.Fuzziness != 0 || q.Analyzer != "" {
		return unsupported, nil
	}
	field := q.FieldVal
	if field == "" {
		field = e.m.DefaultSearchField()
	}
	key := [2]string{field, q.Match}
	terms, ok := e.terms[key]
	if !ok {
		a := e.m.AnalyzerNamed(e.m.AnalyzerNameForPath(field))
		if a == nil {
			return unsupported, nil
		}
		for _, tok := range a.Analyze([]byte(q.Match)) {
			terms = append(terms, string(tok.Term))
		}
		e.terms[key] = terms
	}
	if len(terms) == 0 {
		return matchNone, nil
	}
	bms, err := e.termPostings(field, terms)
	if err != nil {
		return unsupported, err
	}
	if q.Operator == query.MatchQueryOperatorAnd {
		return found(intersection(bms)), nil
	}
	return found(union(bms)), nil
}

func (e *segEval) disjunction(q *query.DisjunctionQuery) (set, error) {
	if q.Min > 1 {
		return unsupported, nil
	}
	return e.clauses(q, q.Disjuncts, union)
}

func (e *segEval) conjunction(q *query.ConjunctionQuery) (set, error) {
	return e.clauses(q, q.Conjuncts, intersection)
}

// clauses evaluates the clauses of q and joins them. A clause of only stop
// words is left out of a query string's conjunction or disjunction, as
// bleve leaves it out; none left is none.
func (e *segEval) clauses(q query.Query, cs []query.Query, join func([]*roaring.Bitmap) *roaring.Bitmap) (set, error) {
	qs, known := stringMode(q)
	if !known {
		return unsupported, nil
	}
	var bms []*roaring.Bitmap
	for _, c := range cs {
		s, err := e.eval(c)
		if err != nil || !s.ok {
			return unsupported, err
		}
		if s.none && qs {
			continue
		}
		bms = append(bms, s.bm)
	}
	if len(bms) == 0 {
		return matchNone, nil
	}
	return found(join(bms)), nil
}

// boolean reads must, should and must-not as bleve's boolean searcher
// does: should only ranks when there is a must, unless it sets a minimum;
// a must-not alone excludes from all models.
func (e *segEval) boolean(q *query.BooleanQuery) (set, error) {
	if q.Filter != nil {
		return unsupported, nil
	}
	part := func(c query.Query) (*set, error) {
		if c == nil {
			return nil, nil
		}
		s, err := e.eval(c)
		if err != nil || !s.ok {
			return &unsupported, err
		}
		if s.none {
			return nil, nil
		}
		return &s, nil
	}
	must, err := part(q.Must)
	if err != nil || must != nil && !must.ok {
		return unsupported, err
	}
	should, err := part(q.Should)
	if err != nil || should != nil && !should.ok {
		return unsupported, err
	}
	not, err := part(q.MustNot)
	if err != nil || not != nil && !not.ok {
		return unsupported, err
	}
	var out *roaring.Bitmap
	switch {
	case must == nil && should == nil && not == nil:
		return matchNone, nil
	case must != nil:
		out = must.bm
		if d, ok := q.Should.(*query.DisjunctionQuery); ok && should != nil && d.Min >= 1 {
			out = roaring.And(out, should.bm) // a minimum: at least one should matches
		}
	case should != nil:
		out = should.bm
	default:
		out = e.all()
	}
	if not != nil {
		out = roaring.AndNot(out, not.bm)
	}
	return found(out), nil
}

// stringMode reads whether bleve's query-string parser made q, which
// changes how it treats a clause of stop words only; bleve keeps that to
// itself. known is false when the field is not there (another bleve).
func stringMode(q query.Query) (qs, known bool) {
	f := reflect.ValueOf(q).Elem().FieldByName("queryStringMode")
	if !f.IsValid() || f.Kind() != reflect.Bool {
		return false, false
	}
	return f.Bool(), true
}

// union and intersection combine read-only bitmaps; a single one is
// passed on as it is.
func union(bms []*roaring.Bitmap) *roaring.Bitmap {
	if len(bms) == 1 {
		return bms[0]
	}
	return roaring.FastOr(bms...)
}

func intersection(bms []*roaring.Bitmap) *roaring.Bitmap {
	if len(bms) == 1 {
		return bms[0]
	}
	return roaring.FastAnd(bms...)
}
