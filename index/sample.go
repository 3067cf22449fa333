package index

import (
	"github.com/RoaringBitmap/roaring/v2"
)

// DefaultRankBound is how many hits a search with the facets loaded scores
// at most (Options.RankBound): a query that finds more models ranks a
// sample of this many spread over the whole index (see rankSample). Scoring costs about a microsecond of
// CPU per hit; counting costs next to nothing (see hitSet).
const DefaultRankBound = 10000

// hitSet is every model q finds in the snapshot of table t, exactly, or
// nil when it cannot be had without scoring: no table, a table of another
// snapshot, ranking bound off (Options.RankBound < 0) or a query hitSet
// cannot read.
func (ix *Index) hitSet(t *facetTable, q *facetQuery) (*roaring.Bitmap, error) {
	if t == nil || t.bits == nil || ix.rankBound < 0 {
		return nil, nil
	}
	r, err := ix.reader()
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
			return searchPlan{parts: split(rankSample(hits, n, t.segStart), parts), sampled: true}
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

// rankSample chooses about n of hits to rank and returns the document
// ranges [lo, hi) that hold them: in every segment (segStart holds their
// first document numbers and the end), a share of n as large as the
// segment's share of the hits, the first hits of the segment. A search
// reaches the start of a segment at once but reads its way through a
// segment's postings to a later hit, so runs at segment starts cost only
// the hits they rank. Every hit gets the score it gets when all are ranked
// (idf and norms are the whole index's); the sample only decides which
// hits compete.
func rankSample(hits *roaring.Bitmap, n uint64, segStart []uint64) [][2]uint64 {
	total := hits.GetCardinality()
	var out [][2]uint64
	var before, taken uint64 // hits in the segments before; of those, taken
	for i := 0; i+1 < len(segStart); i++ {
		end := segStart[i+1]
		upTo := total // hits before end
		if end == 0 {
			upTo = 0
		} else if end <= uint64(^uint32(0)) {
			upTo = hits.Rank(uint32(end - 1))
		}
		in := upTo - before
		// The quota that keeps the taken share of the hits so far at n/total.
		c := min(n*upTo/total-taken, in)
		if c > 0 {
			lo, err1 := hits.Select(uint32(before))
			last, err2 := hits.Select(uint32(before + c - 1))
			if err1 != nil || err2 != nil {
				break // cannot be: both ranks are below the cardinality
			}
			out = append(out, [2]uint64{uint64(lo), uint64(last) + 1})
			taken += c
		}
		before = upTo
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
