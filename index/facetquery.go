package index

import (
	"context"
	"math/bits"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// facetQuery is the query of one search. Its searcher counts the facet
// values of every hit itself, one pass over each hit's facet codes, which
// costs a fraction of bleve's facet builder (a string map per value).
//
// With a facet table for the snapshot being searched, the filters are
// applied to the hits of the text query by the same lookup; without one,
// they are term queries joined to it (cheaper when each hit's codes must
// be decoded from doc values). Filter terms have no weight in either case,
// so both ways find and rank the same models.
type facetQuery struct {
	text     query.Query // the words of the search
	all      bool        // text matches every model
	filtered query.Query // text AND the filter terms
	filter   *filter     // the filters as facet codes; nil when none
	table    *facetTable // may be nil or of another snapshot
	count    bool        // count facets
	// ranges are the document numbers to search, [lo, hi) in order; hi 0
	// is no end. None: all.
	ranges [][2]uint64
	// only, when set, is every model the search finds (text and filters),
	// read from the postings lists for the table's snapshot (see hitSet):
	// the searcher skips from one to the next instead of reading every
	// model the words find and filtering.
	only *roaring.Bitmap

	counts []int // hits per facet code, filled by the searcher
}

func (q *facetQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	fs := &facetSearcher{q: q, ranges: q.ranges}
	if len(fs.ranges) == 0 {
		fs.ranges = [][2]uint64{{0, 0}}
	}
	inner := q.filtered
	if t := q.table; t != nil && t.snap == r && q.only != nil {
		fs.only = q.only.Iterator()
		inner = q.text
	} else if t != nil && t.snap == r {
		fs.table = t
		// The filter terms are the cheaper way when there are no words or
		// when the filters leave few models: the search then skips ahead
		// instead of looking at every model the words find.
		if !q.all && (q.filter == nil || t.share(q.filter) > narrowFilter) {
			fs.filter = q.filter
			inner = q.text
		}
	} else if q.count {
		dv, err := r.DocValueReader([]string{FieldFacets})
		if err != nil {
			return nil, err
		}
		fs.dv = dv
	}
	s, err := inner.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	fs.Searcher = s
	return fs, nil
}

// Validate checks the query as bleve would check the one it wraps.
func (q *facetQuery) Validate() error {
	if v, ok := q.filtered.(query.ValidatableQuery); ok {
		return v.Validate()
	}
	return nil
}

// narrowFilter is the share of models below which filters run as terms.
const narrowFilter = 0.25

// facetSearcher passes on the hits of the searcher it wraps that lie in
// its ranges and pass the filter, counting their facet codes.
type facetSearcher struct {
	search.Searcher
	q      *facetQuery
	table  *facetTable
	dv     index.DocValueReader
	filter *filter
	buf    []int

	ranges  [][2]uint64         // see facetQuery
	only    roaring.IntPeekable // see facetQuery
	cur     int                 // the range being read
	started bool                // the first hit was asked for
	done    bool                // no more hits in the ranges
}

func (s *facetSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	if !s.started {
		s.started = true
		if lo := s.ranges[0][0]; lo > 0 {
			return s.settle(ctx)(s.Searcher.Advance(ctx, docID(lo)))
		}
	}
	return s.settle(ctx)(s.Searcher.Next(ctx))
}

func (s *facetSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	if n, ok := docNum(id); ok && n < s.ranges[s.cur][0] {
		id = docID(s.ranges[s.cur][0])
	}
	s.started = true
	return s.settle(ctx)(s.Searcher.Advance(ctx, id))
}

// settle returns a function that takes a hit of the inner searcher and
// returns the first hit from it on that lies in the ranges and passes the
// filter, reading on as needed. A hit it does not pass on goes back to
// the pool; the end of the ranges or of the hits sets done.
func (s *facetSearcher) settle(ctx *search.SearchContext) func(*search.DocumentMatch, error) (*search.DocumentMatch, error) {
	return func(d *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
		for {
			if err != nil {
				return nil, err
			}
			if d == nil {
				s.done = true
				return nil, nil
			}
			n, _ := docNum(d.IndexInternalID)
			for s.cur < len(s.ranges) && s.ranges[s.cur][1] > 0 && n >= s.ranges[s.cur][1] {
				s.cur++
			}
			if s.cur == len(s.ranges) {
				s.done = true
				ctx.DocumentMatchPool.Put(d)
				return nil, nil
			}
			if lo := s.ranges[s.cur][0]; n < lo {
				ctx.DocumentMatchPool.Put(d)
				d, err = s.Searcher.Advance(ctx, docID(lo))
				continue
			}
			if s.only != nil {
				s.only.AdvanceIfNeeded(uint32(n))
				if !s.only.HasNext() {
					s.done = true
					ctx.DocumentMatchPool.Put(d)
					return nil, nil
				}
				if next := uint64(s.only.PeekNext()); next > n {
					ctx.DocumentMatchPool.Put(d)
					d, err = s.Searcher.Advance(ctx, docID(next))
					continue
				}
			}
			ok, kerr := s.keep(d)
			if ok || kerr != nil {
				return d, kerr
			}
			ctx.DocumentMatchPool.Put(d)
			d, err = s.Searcher.Next(ctx)
		}
	}
}

// keep says whether d passes the filter and counts its facet codes.
func (s *facetSearcher) keep(d *search.DocumentMatch) (bool, error) {
	if s.table == nil && s.dv == nil {
		return true, nil
	}
	codes, err := s.codes(d.IndexInternalID)
	if err != nil {
		return false, err
	}
	if s.filter != nil && !s.filter.pass(codes) {
		return false, nil
	}
	if s.q.count {
		for _, c := range codes {
			for c >= len(s.q.counts) {
				s.q.counts = append(s.q.counts, 0)
			}
			s.q.counts[c]++
		}
	}
	return true, nil
}

func (s *facetSearcher) codes(id index.IndexInternalID) ([]int, error) {
	s.buf = s.buf[:0]
	if s.table != nil {
		s.buf, _ = s.table.of(id, s.buf)
		return s.buf, nil
	}
	err := s.dv.VisitDocValues(id, func(_ string, term []byte) {
		if c, ok := parseCode(term); ok {
			s.buf = append(s.buf, c)
		}
	})
	return s.buf, err
}

// filter is the filters of a request as facet codes: a hit passes when,
// for every filter, one of its codes is one of the filter's values.
type filter struct {
	group []int8 // by code: the filter the code belongs to, or -1
	all   uint64 // one bit per filter
}

// add makes values of field one more filter.
func (f *filter) add(fd *facetDict, field string, values []string) {
	g := bits.OnesCount64(f.all)
	f.all |= 1 << uint(g)
	for _, v := range values {
		c, ok := fd.find(field, v)
		if !ok {
			continue // no model has it
		}
		for c >= len(f.group) {
			f.group = append(f.group, -1)
		}
		f.group[c] = int8(g)
	}
}

func (f *filter) pass(codes []int) bool {
	var m uint64
	for _, c := range codes {
		if c < len(f.group) && f.group[c] >= 0 {
			m |= 1 << uint(f.group[c])
		}
	}
	return m == f.all
}
