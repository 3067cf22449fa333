package index

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/innokyla/innokyla/model"
)

// TestSparseTermSurvivesMerge guards against a bug of zapx v17.1.2: a merge
// wrote wrong chunk offsets for a postings list with an empty chunk between
// two full ones, so searching such a term failed ("memUvarintReader
// overflow") and later merges panicked. It showed at 100,000 synthetic
// models. Here one word is in the first and last 1,500 of 12,000 models:
// merged into one segment, its postings have three chunks, the middle one
// empty. It builds 12,000 models, so -short skips it; CI runs it.
func TestSparseTermSurvivesMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds 12,000 models")
	}
	ctx := context.Background()
	const n, edge = 12000, 1500
	ms := make([]*model.Model, n)
	for i := range ms {
		title := fmt.Sprintf("Malli %d", i)
		if i < edge || i >= n-edge {
			title += " harvinainen"
		}
		ms[i] = testModel(fmt.Sprintf("m%05d", i), title)
	}
	ix := buildIndex(t, ms)
	adv, err := ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		t.Fatalf("index is %T, not scorch", adv)
	}
	if err := sc.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		t.Fatalf("force merge: %v", err)
	}
	for _, q := range []string{"harvinainen", "malli"} {
		t.Run(q, func(t *testing.T) {
			res, err := ix.Search(ctx, Request{Query: q, Limit: 10, NoFacets: true})
			if err != nil {
				t.Fatalf("search %q after merge: %v", q, err)
			}
			want := uint64(n)
			if q == "harvinainen" {
				want = 2 * edge
			}
			if res.Total != want {
				t.Errorf("search %q after merge: %d hits, want %d", q, res.Total, want)
			}
		})
	}
}
