package index

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// facetTable holds the facet codes of every model of one index snapshot by
// bleve document number, so a search counts facets and applies filters with
// a slice lookup per hit instead of decoding doc values. serve loads it once
// (LoadFacets); it holds about two bytes per facet value of each model.
type facetTable struct {
	snap  index.IndexReader // the snapshot the document numbers belong to
	start []uint32          // codes of doc n: codes[start[n]:start[n+1]]
	codes []uint16
	parts int   // searches run in this many ranges of document numbers at once
	freq  []int // documents per code
	// bits holds the documents of each code, so that Search counts the
	// facets of a whole hit set by an intersection per code (see hitSet).
	bits []*roaring.Bitmap
	// segStart holds the first document number of each segment of the
	// snapshot and, last, the number after the last one (see rankSample).
	segStart []uint64
	byCode   uint64 // see count
}

// maxTableCode bounds the codes a table can hold; an index with more
// distinct facet values is searched without a table.
const maxTableCode = 1<<16 - 1

// docNum is the document number of a scorch internal id.
func docNum(id index.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// docID is the scorch internal id of document number n.
func docID(n uint64) index.IndexInternalID {
	id := make([]byte, 8)
	binary.BigEndian.PutUint64(id, n)
	return id
}

// buildFacetTable reads the facet codes of every live document of r.
func buildFacetTable(r index.IndexReader) (*facetTable, error) {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer ids.Close()
	dv, err := r.DocValueReader([]string{FieldFacets})
	if err != nil {
		return nil, err
	}
	t := &facetTable{snap: r, start: []uint32{0}, parts: 1, segStart: segmentStarts(r), byCode: countByCode}
	var bad error
	visit := func(field string, term []byte) {
		c, ok := parseCode(term)
		if !ok || c > maxTableCode {
			bad = fmt.Errorf("facet code %q out of range", term)
			return
		}
		t.codes = append(t.codes, uint16(c))
		for c >= len(t.freq) {
			t.freq = append(t.freq, 0)
		}
		t.freq[c]++
	}
	for {
		id, err := ids.Next()
		if err != nil {
			return nil, err
		}
		if id == nil {
			t.bits = codeBits(t)
			return t, nil
		}
		n, ok := docNum(id)
		if !ok {
			return nil, fmt.Errorf("unexpected document id %x", id)
		}
		// Deleted documents in between have no codes.
		for uint64(len(t.start)) <= n {
			t.start = append(t.start, uint32(len(t.codes)))
		}
		if err := dv.VisitDocValues(id, visit); err != nil {
			return nil, err
		}
		if bad != nil {
			return nil, bad
		}
		t.start = append(t.start, uint32(len(t.codes)))
	}
}

// ranges splits the document numbers into t.parts ranges [lo, hi); the
// last one is open (hi 0).
func (t *facetTable) ranges() [][2]uint64 {
	n := uint64(len(t.start) - 1)
	parts := uint64(max(t.parts, 1))
	out := make([][2]uint64, parts)
	for i := range out {
		out[i] = [2]uint64{n * uint64(i) / parts, n * uint64(i+1) / parts}
	}
	out[parts-1][1] = 0
	return out
}

// docs is the number of document numbers, live or deleted.
func (t *facetTable) docs() int { return len(t.start) - 1 }

// share estimates the part of the documents that pass f: that of its
// narrowest filter.
func (t *facetTable) share(f *filter) float64 {
	n := make([]int, bits.OnesCount64(f.all))
	for c, g := range f.group {
		if g >= 0 && c < len(t.freq) {
			n[g] += t.freq[c]
		}
	}
	least := t.docs()
	for _, k := range n {
		least = min(least, k)
	}
	return float64(least) / float64(max(t.docs(), 1))
}

// of appends the codes of the document with internal id to buf.
func (t *facetTable) of(id index.IndexInternalID, buf []int) ([]int, bool) {
	n, ok := docNum(id)
	if !ok || n+1 >= uint64(len(t.start)) {
		return buf, false
	}
	for _, c := range t.codes[t.start[n]:t.start[n+1]] {
		buf = append(buf, int(c))
	}
	return buf, true
}

// parseCode reads a base-36 facet code (see facetDict) without allocating.
func parseCode(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 6 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'z':
			d = int(c-'a') + 10
		default:
			return 0, false
		}
		n = n*36 + d
	}
	return n, true
}

// codeBits turns the codes by document into the documents by code.
func codeBits(t *facetTable) []*roaring.Bitmap {
	docs := make([][]uint32, len(t.freq))
	for n := 0; n < t.docs(); n++ {
		for _, c := range t.codes[t.start[n]:t.start[n+1]] {
			docs[c] = append(docs[c], uint32(n))
		}
	}
	out := make([]*roaring.Bitmap, len(docs))
	for c, d := range docs {
		out[c] = roaring.BitmapOf(d...)
		out[c].RunOptimize()
	}
	return out
}

// count counts the documents of hits per code: a lookup per hit for a
// few hits, an intersection per code for many (each costs about the same
// at countByCode hits).
func (t *facetTable) count(hits *roaring.Bitmap) []int {
	out := make([]int, len(t.bits))
	if hits.GetCardinality() >= t.byCode {
		for c, b := range t.bits {
			out[c] = int(hits.AndCardinality(b))
		}
		return out
	}
	it := hits.ManyIterator()
	buf := make([]uint32, 256)
	for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
		for _, d := range buf[:n] {
			if int(d)+1 >= len(t.start) {
				continue
			}
			for _, c := range t.codes[t.start[d]:t.start[d+1]] {
				out[c]++
			}
		}
	}
	return out
}

// countByCode is the number of hits from which count intersects
// (facetTable.byCode; tests lower it).
const countByCode = 200000

// pass is the documents that pass f: for every filter, one of its codes.
func (t *facetTable) pass(f *filter) *roaring.Bitmap {
	groups := make([]*roaring.Bitmap, bits.OnesCount64(f.all))
	for i := range groups {
		groups[i] = roaring.New()
	}
	for c, g := range f.group {
		if g >= 0 && c < len(t.bits) {
			groups[g].Or(t.bits[c])
		}
	}
	return roaring.FastAnd(groups...)
}

// segmentStarts is the first document number of every segment of r, and
// the number after the last document.
func segmentStarts(r index.IndexReader) []uint64 {
	out := []uint64{0}
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		for _, s := range snap.Segments() {
			out = append(out, out[len(out)-1]+s.Segment().Count())
		}
	}
	return out
}
