package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/innokyla/innokyla/model"
)

// withBuildBatch makes the builds of a test start segments of n models.
func withBuildBatch(t *testing.T, n int) {
	old := buildBatch
	buildBatch = n
	t.Cleanup(func() { buildBatch = old })
}

// onlineIndex builds ms through scorch's online path, batch by batch.
func onlineIndex(t *testing.T, ms []*model.Model) *Index {
	t.Helper()
	onlineOnly = true
	defer func() { onlineOnly = false }()
	return buildIndex(t, ms)
}

// buildRequests are the searches the two builds must answer alike.
func buildRequests() []Request {
	reqs := append([]Request{}, benchQueries...)
	return append(reqs,
		Request{Query: "palvelu", Limit: 7, Offset: 5},
		Request{Query: "asiakas", Offset: 300},
		Request{Query: "", Methods: []string{"survey", "workshop"}, Phases: []string{model.Ideation}},
		Request{Query: "asiakas", Described: ptr(false), Limit: 30},
		Request{Query: "raati"}, // a compound's tail
	)
}

// sameAnswers checks that a and b find the same models with the same
// scores, totals, facets and snippets. Hits of equal score may come in
// another order: their document numbers differ between the builds.
func sameAnswers(t *testing.T, a, b *Index) {
	t.Helper()
	ctx := context.Background()
	var found uint64
	for i, r := range buildRequests() {
		t.Run(fmt.Sprintf("%d-%s", i, r.Query), func(t *testing.T) {
			ga, err := a.Search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			gb, err := b.Search(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			found += ga.Total
			if ga.Total != gb.Total || !reflect.DeepEqual(ga.Facets, gb.Facets) {
				t.Errorf("total %d, facets %+v; online %d, %+v", ga.Total, ga.Facets, gb.Total, gb.Facets)
			}
			if sa, sb := allScores(t, a, r), allScores(t, b, r); !reflect.DeepEqual(sa, sb) {
				t.Errorf("scores differ: %d models against %d online", len(sa), len(sb))
			}
			snip := map[string]Snippet{}
			for _, h := range gb.Hits {
				snip[h.ID] = h.Snippet
			}
			for _, h := range ga.Hits {
				if w, ok := snip[h.ID]; ok && !reflect.DeepEqual(h.Snippet, w) {
					t.Errorf("%s: snippet %v, online %v", h.ID, h.Snippet, w)
				}
			}
		})
	}
	if found == 0 {
		t.Fatal("no request found anything; the comparison proves nothing")
	}
}

// An empty index is built in parallel segments under a root of its own
// (build.go, root.go); it must answer as one built batch by batch, take
// changes afterwards through scorch, and open again, read-only too.
func TestBuildMatchesOnline(t *testing.T) {
	// Segments of 3 models: over 180 segment files, so the root's keys
	// take scorch's two-byte form too (above 109). (Scorch's merger then
	// merges segments this small into one as soon as the index opens.)
	withBuildBatch(t, 3)
	ms := synthModels(500)
	built := buildIndex(t, ms)
	online := onlineIndex(t, ms)
	if st, err := os.Stat(filepath.Join(built.Path(), buildDir)); err == nil || !os.IsNotExist(err) {
		t.Fatalf("the build directory is left: %v %v", st, err)
	}
	if built.next() <= 109 {
		t.Fatalf("the build numbered its segments up to %d; the test needs more than 109", built.next()-1)
	}
	t.Run("built", func(t *testing.T) { sameAnswers(t, built, online) })

	// Changes go through scorch's batches: every seventh model removed,
	// every fifth retitled, 50 new ones.
	var next []*model.Model
	for i, m := range ms {
		switch {
		case i%7 == 3:
			continue
		case i%5 == 1:
			c := *m
			c.Title = "Asiakasraati " + m.Title
			c.ContentSHA256 = ""
			m = &c
		}
		next = append(next, m)
	}
	for _, m := range synthModels(550)[500:] {
		c := *m
		c.ID = "new-" + m.ID
		next = append(next, &c)
	}
	for _, ix := range []*Index{built, online} {
		st, err := ix.Sync(context.Background(), each(next))
		if err != nil || st.Removed == 0 || st.Updated == 0 || st.Added != 50 {
			t.Fatalf("sync changes: %+v, %v", st, err)
		}
	}
	t.Run("changed", func(t *testing.T) { sameAnswers(t, built, online) })

	// What the next Sync reads is on disk: unchanged, all of them.
	reopened := reopen(t, built)
	st, err := reopened.Sync(context.Background(), each(next))
	if err != nil || st.Unchanged != len(next) || st.Added+st.Updated+st.Removed != 0 {
		t.Fatalf("sync after reopening: %+v, %v; want %d unchanged", st, err, len(next))
	}
	t.Run("reopened", func(t *testing.T) { sameAnswers(t, reopened, online) })
	t.Run("read-only", func(t *testing.T) { sameAnswers(t, reopenReadOnly(t, reopened), online) })
}

// next is one more than the largest segment number of the index's files.
func (ix *Index) next() uint64 {
	files, _ := filepath.Glob(filepath.Join(storePath(ix.path), "*.zap"))
	var max uint64
	for _, f := range files {
		if n, err := strconv.ParseUint(strings.TrimSuffix(filepath.Base(f), ".zap"), 16, 64); err == nil && n > max {
			max = n
		}
	}
	return max + 1
}

// reopen closes the writer ix and opens its index again as a writer.
func reopen(t *testing.T, ix *Index) *Index {
	t.Helper()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ix.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// A build that was killed leaves its segments and the signatures of the
// models it had handed out; the next Sync of the (still empty) index
// starts over and indexes every model, those too.
func TestBuildAfterKilledBuild(t *testing.T) {
	withBuildBatch(t, 4)
	ms := synthModels(40)
	ix := buildIndex(t, nil)
	dir := filepath.Join(ix.Path(), buildDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, segName(1)), []byte("left by a killed build"), 0o600); err != nil {
		t.Fatal(err)
	}
	left := map[string]string{"gone-since": "1:x:none"} // a model not yielded again
	for _, m := range ms[:25] {
		left[m.ID] = signature(m)
	}
	if err := ix.sigs.apply(left, nil); err != nil {
		t.Fatal(err)
	}
	st, err := ix.Sync(context.Background(), each(ms))
	if err != nil || st.Added != len(ms) {
		t.Fatalf("sync: %+v, %v; want all %d added", st, err, len(ms))
	}
	if n, err := ix.b.DocCount(); err != nil || n != uint64(len(ms)) {
		t.Fatalf("%d documents (%v), want %d", n, err, len(ms))
	}
	sigs := 0
	if err := ix.sigs.ids(func(string) error { sigs++; return nil }); err != nil || sigs != len(ms) {
		t.Fatalf("%d signatures (%v), want the %d models'", sigs, err, len(ms))
	}
	if st, err := reopen(t, ix).Sync(context.Background(), each(ms)); err != nil || st.Unchanged != len(ms) {
		t.Fatalf("sync again: %+v, %v; want all %d unchanged", st, err, len(ms))
	}
}

// A cancelled build keeps the models it handed out, with their
// signatures, and the index stays marked incomplete.
func TestBuildCancelled(t *testing.T) {
	withBuildBatch(t, 4)
	ms := synthModels(40)
	ix := buildIndex(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	yielded := 0
	_, err := ix.Sync(ctx, func(yield func(*model.Model) error) error {
		for _, m := range ms {
			if yielded == 22 {
				cancel()
			}
			if err := yield(m); err != nil {
				return err
			}
			yielded++
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if !ix.Incomplete() {
		t.Error("a cancelled build left the index marked complete")
	}
	if n, err := ix.b.DocCount(); err != nil || n != 22 {
		t.Fatalf("%d documents (%v), want the 22 handed out", n, err)
	}
	st, err := ix.Sync(context.Background(), each(ms))
	if err != nil || st.Unchanged != 22 || st.Added != len(ms)-22 {
		t.Fatalf("sync after the cancel: %+v, %v; want 22 unchanged", st, err)
	}
}

// The root's keys are scorch's ordered numbers (bleve's scorch/int.go):
// one byte up to 109, then a length byte and big-endian bytes, so that
// keys sort as their numbers do.
func TestOrderedUvarint(t *testing.T) {
	for _, c := range []struct {
		v    uint64
		want []byte
	}{
		{0, []byte{0x88}},
		{1, []byte{0x89}},
		{109, []byte{0xf5}},
		{110, []byte{0xf6, 110}},
		{255, []byte{0xf6, 0xff}},
		{256, []byte{0xf7, 1, 0}},
		{0x123456, []byte{0xf8, 0x12, 0x34, 0x56}},
		{1 << 63, []byte{0xfd, 0x80, 0, 0, 0, 0, 0, 0, 0}},
	} {
		t.Run(strconv.FormatUint(c.v, 10), func(t *testing.T) {
			if got := orderedUvarint(c.v); !bytes.Equal(got, c.want) {
				t.Errorf("%x, want %x", got, c.want)
			}
		})
	}
	prev := orderedUvarint(0)
	for v := uint64(1); v < 70000; v++ {
		k := orderedUvarint(v)
		if bytes.Compare(prev, k) >= 0 {
			t.Fatalf("key of %d (%x) does not sort after that of %d (%x)", v, k, v-1, prev)
		}
		prev = k
	}
}

// writeRoot's root opens in scorch with the segments it names, whatever
// their numbers: scorch reads each segment's number from its key.
func TestWriteRoot(t *testing.T) {
	src := buildIndex(t, nil)
	adv, err := src.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	ms := synthModels(30)
	dst := buildIndex(t, nil)
	store := storePath(dst.Path())
	internal := map[string][]byte{}
	for _, k := range []string{string(util.MappingInternalKey), internalSchema} {
		if internal[k], err = src.b.GetInternal([]byte(k)); err != nil {
			t.Fatal(err)
		}
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(store); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(store, 0o700); err != nil {
		t.Fatal(err)
	}
	b := &builder{sc: adv.(*scorch.Scorch), plugin: &zap.ZapPlugin{}, dir: store}
	segs := []uint64{5, 300, 70000}
	for i, id := range segs {
		var docs []*bdoc.Document
		for _, m := range ms[i*10 : i*10+10] {
			d := bdoc.NewDocument(m.ID)
			if err := src.b.Mapping().MapDocument(d, document(m, src.pr, src.facets)); err != nil {
				t.Fatal(err)
			}
			docs = append(docs, d)
		}
		if err := b.write(docs, b.path(id)); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeRoot(store, store, b.plugin, segs, internal); err != nil {
		t.Fatal(err)
	}
	// Read-only: no merger renumbers the segments before they are read.
	ix, err := Open(dst.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	adv, err = ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	for _, s := range r.(*scorch.IndexSnapshot).Segments() {
		p := filepath.Base(s.Segment().(segment.PersistedSegment).Path())
		got = append(got, fmt.Sprintf("%d:%s:%d", s.Id(), p, s.Count()))
	}
	want := []string{"5:" + segName(5) + ":10", "300:" + segName(300) + ":10", "70000:" + segName(70000) + ":10"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("segments %v, want %v", got, want)
	}
	res, err := ix.Search(context.Background(), Request{Limit: 30})
	if err != nil || res.Total != 30 || len(res.Hits) != 30 {
		t.Fatalf("search everything: %+v, %v; want the 30 models", res, err)
	}
}

// An index whose models were all removed is empty and built again, with
// the facet codes it had: facets count as in an index built batch by batch.
func TestBuildAfterAllRemoved(t *testing.T) {
	withBuildBatch(t, 4)
	ms := synthModels(60)
	built := buildIndex(t, ms)
	if st, err := built.Sync(context.Background(), each(nil)); err != nil || st.Removed != len(ms) {
		t.Fatalf("remove all: %+v, %v", st, err)
	}
	if empty, err := built.empty(); err != nil || !empty {
		t.Fatalf("empty after removing all: %v, %v", empty, err)
	}
	// Added back in another order, so the facet values come in another
	// order than their codes were given.
	back := append([]*model.Model{}, ms[30:]...)
	back = append(back, ms[:30]...)
	if _, err := built.Sync(context.Background(), each(back)); err != nil {
		t.Fatal(err)
	}
	sameAnswers(t, built, onlineIndex(t, ms))
	sameAnswers(t, reopenReadOnly(t, built), onlineIndex(t, ms))
}
