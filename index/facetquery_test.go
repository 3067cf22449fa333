package index

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// loadFacets loads the facet table of ix and makes searches run in parts
// ranges of documents, whatever the size of the index.
func loadFacets(t testing.TB, ix *Index, parts int) {
	t.Helper()
	if err := ix.LoadFacets(); err != nil {
		t.Fatal(err)
	}
	ix.table.Load().parts = parts
}

// TestSearchModesAgree checks that a search with the facets loaded, in one
// part or several, finds, ranks and counts what a plain one-pass search
// does: same total, same hits in the same order with the same scores, same
// facets. Searches run on synthetic models with filters, paging and
// models removed after the build (deleted documents inside the ranges).
func TestSearchModesAgree(t *testing.T) {
	ms := synthModels(400)
	ix := buildIndex(t, ms)
	// Remove every seventh model, so the document numbers have holes.
	var kept []*model.Model
	for i, m := range ms {
		if i%7 != 3 {
			kept = append(kept, m)
		}
	}
	st, err := ix.Sync(context.Background(), each(kept))
	if err != nil || st.Removed == 0 {
		t.Fatalf("sync: %+v %v", st, err)
	}
	reqs := append([]Request{}, benchQueries...)
	reqs = append(reqs,
		Request{Query: "palvelu", Limit: 7, Offset: 5},
		Request{Query: "kysely", Limit: 20, Offset: 190},
		Request{Query: "asiakas", Offset: 300},
		Request{Query: "työpaja", NoFacets: true},
		Request{Query: "", Methods: []string{"survey", "workshop"}, Phases: []string{model.Ideation}},
		Request{Query: "perhe", Regions: []string{"Ei olemassa oleva alue"}},
		Request{Query: "asiakas", Described: ptr(false), Limit: 30},
	)
	ctx := context.Background()
	want := make([]*Result, len(reqs))
	found := 0
	for i, r := range reqs {
		res, err := ix.Search(ctx, r)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		want[i] = res
		found += len(res.Hits)
	}
	if found == 0 {
		t.Fatal("no request found anything; the comparison would prove nothing")
	}
	for _, parts := range []int{1, 2, 3} {
		loadFacets(t, ix, parts)
		for i, r := range reqs {
			t.Run(fmt.Sprintf("parts=%d/%d", parts, i), func(t *testing.T) {
				got, err := ix.Search(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				compareResults(t, r, got, want[i])
			})
		}
	}
}

func compareResults(t *testing.T, r Request, got, want *Result) {
	t.Helper()
	if got.Total != want.Total {
		t.Errorf("%+v: total %d, want %d", r, got.Total, want.Total)
	}
	if len(got.Hits) != len(want.Hits) {
		t.Fatalf("%+v: %d hits, want %d", r, len(got.Hits), len(want.Hits))
	}
	for k := range got.Hits {
		g, w := got.Hits[k], want.Hits[k]
		if g.ID != w.ID || g.Score != w.Score || !reflect.DeepEqual(g.Snippet, w.Snippet) {
			t.Errorf("%+v: hit %d is %s (%g), want %s (%g)", r, k, g.ID, g.Score, w.ID, w.Score)
		}
	}
	if !reflect.DeepEqual(got.Facets, want.Facets) {
		t.Errorf("%+v: facets\n got %+v\nwant %+v", r, got.Facets, want.Facets)
	}
}

// TestFacetTableAfterChange: once the index changes, the loaded table is of
// an older snapshot and searches read the facet values per hit again.
func TestFacetTableAfterChange(t *testing.T) {
	ms := synthModels(60)
	ix := buildIndex(t, ms[:40])
	loadFacets(t, ix, 2)
	ctx := context.Background()
	if _, err := ix.Sync(ctx, each(ms)); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Search(ctx, Request{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != 60 || len(got.Hits) != 60 {
		t.Fatalf("after adding 20 models: total %d, %d hits, want 60", got.Total, len(got.Hits))
	}
	fresh, err := buildIndex(t, ms).Search(ctx, Request{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	// Both match every model with the same score; the order of equal
	// scores is the order of documents, which merging changes.
	if ids(got) != ids(fresh) || !reflect.DeepEqual(got.Facets, fresh.Facets) {
		t.Errorf("after a change:\n got %s %+v\nwant %s %+v", ids(got), got.Facets, ids(fresh), fresh.Facets)
	}
}

func ids(r *Result) string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestParseCode(t *testing.T) {
	for c, s := range map[int]string{0: "0", 9: "9", 10: "a", 35: "z", 36: "10", 1295: "zz", 65535: "1ekf"} {
		t.Run(s, func(t *testing.T) {
			got, ok := parseCode([]byte(s))
			if !ok || got != c {
				t.Errorf("parseCode(%q) = %d, %v; want %d", s, got, ok, c)
			}
		})
	}
	for _, bad := range []string{"", "A", "-1", "1234567"} {
		t.Run(fmt.Sprintf("bad %q", bad), func(t *testing.T) {
			if _, ok := parseCode([]byte(bad)); ok {
				t.Errorf("parseCode(%q) accepted", bad)
			}
		})
	}
}
