package index

import (
	"context"
	"testing"
)

// TestCompact: an index synced in many small batches ends in fewer
// segments after Compact, and finds and counts the same.
func TestCompact(t *testing.T) {
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
