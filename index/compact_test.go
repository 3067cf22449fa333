package index

import (
	"context"
	"testing"
)

// TestCompact: an index synced in many small batches ends in fewer
// segments after Compact, and finds and counts the same.
func TestCompact(t *testing.T) {
	// scorch's merger leaves the segments alone until Compact (its plan
	// merges no segment over half of MaxSegmentSize; Compact has its own
	// plan): otherwise it may have merged them all first, as fast as it
	// gets to them, and Compact had nothing left to show.
	mergePlan = map[string]interface{}{"MaxSegmentSize": 1}
	t.Cleanup(func() { mergePlan = nil })
	ms := synthModels(100)
	ix := buildIndex(t, ms[:10])
	ctx := context.Background()
	for n := 20; n <= len(ms); n += 10 {
		if _, err := ix.Sync(ctx, each(ms[:n])); err != nil {
			t.Fatal(err)
		}
	}
	before, err := ix.segments()
	if err != nil {
		t.Fatal(err)
	}
	if before < 5 {
		t.Fatalf("%d segments before Compact: ten Syncs should leave about ten", before)
	}
	want, err := ix.Search(ctx, Request{Query: "palvelu", Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := ix.segments()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d segments before Compact, %d after", before, after)
	if after >= before || after > 10 {
		t.Errorf("%d segments after Compact, %d before; want fewer, at most 10", after, before)
	}
	got, err := ix.Search(ctx, Request{Query: "palvelu", Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != want.Total || ids(got) != ids(want) {
		t.Errorf("after Compact: %d hits %s; before %d %s", got.Total, ids(got), want.Total, ids(want))
	}
}
