package index

import (
	"github.com/RoaringBitmap/roaring/v2"
)

// DefaultRankBound is how many hits a search with the facets loaded scores
// at most (Options.RankBound): a query that finds more models ranks an
// evenly spread sample of this many. Scoring costs about a microsecond of
// CPU per hit; counting costs next to nothing (see hitSet).
const DefaultRankBound = 10000

// sampleStripes is how many runs of consecutive hits a sample takes; each
// run starts with a skip in every postings list of the query.
const sampleStripes = 32

// hitSet is every model q finds in the snapshot of table t, exactly, or
// nil when it cannot be had without scoring: no table, a table of another
// snapshot, ranking bound off (Options.RankBound < 0) or a query hitSet
// cannot read.
func (ix *Index) hitSet(t *facetTable, q *facetQuery) (*roaring.Bitmap, error) {
	if t == nil || t.bits == nil || ix.rankBound < 0 {
		return nil, nil
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if r != t.snap {
		return nil, nil // the index changed since LoadFacets
	}
	bm, ok, err := hitSet(r, ix.b.Mapping(), q.text)
	if err != nil || !ok {
		return nil, err
	}
	if q.filter != nil {
		bm.And(t.pass(q.filter))
	}
	return bm, nil
}

// searchPlan is the document ranges each part of a search reads.
type searchPlan struct {
	parts   [][][2]uint64
	sampled bool // the ranges hold a sample of the hits, not all
}

// plan splits a search into parts. When hits holds more models than the
// bound (and than the page needs), the parts read a sample of them;
// otherwise, with a table, one range of documents each; without one, all
// in one pass.
func (ix *Index) plan(t *facetTable, hits *roaring.Bitmap, req Request) searchPlan {
	need := req.Offset + req.Limit
	parts := 1
	if t != nil && need <= maxSplitHits {
		parts = max(t.parts, 1)
	}
	if hits != nil {
		n := uint64(max(ix.bound(), need))
		if hits.GetCardinality() > n {
			return searchPlan{parts: split(rankSample(hits, n), parts), sampled: true}
		}
	}
	if parts == 1 {
		return searchPlan{parts: [][][2]uint64{nil}}
	}
	return searchPlan{parts: split(t.ranges(), parts)}
}

func (ix *Index) bound() int {
	if ix.rankBound > 0 {
		return ix.rankBound
	}
	return DefaultRankBound
}

// rankSample chooses about n of hits to rank, in sampleStripes runs of
// consecutive hits spread evenly over all of them, and returns the
// document ranges [lo, hi) of the runs. Every hit gets the score it gets
// when all are ranked (idf and norms are the whole index's); the sample
// only decides which hits compete.
func rankSample(hits *roaring.Bitmap, n uint64) [][2]uint64 {
	total := hits.GetCardinality()
	s := min(uint64(sampleStripes), n)
	var out [][2]uint64
	for k := uint64(0); k < s; k++ {
		first, next := k*total/s, (k+1)*total/s
		c := min(n*(k+1)/s-n*k/s, next-first)
		if c == 0 {
			continue
		}
		lo, err1 := hits.Select(uint32(first))
		last, err2 := hits.Select(uint32(first + c - 1))
		if err1 != nil || err2 != nil {
			break // cannot be: both ranks are below the cardinality
		}
		out = append(out, [2]uint64{uint64(lo), uint64(last) + 1})
	}
	return out
}

// split deals ranges in order into at most parts parts, each a run of
// neighbouring ranges.
func split(ranges [][2]uint64, parts int) [][][2]uint64 {
	parts = max(min(parts, len(ranges)), 1)
	out := make([][][2]uint64, parts)
	for i := range out {
		out[i] = ranges[len(ranges)*i/parts : len(ranges)*(i+1)/parts]
	}
	return out
}
