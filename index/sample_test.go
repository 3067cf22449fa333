package index

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// TestRankSample searches a real index of synthetic models with the facets
// loaded and the rank bound forced low, against the same searches scoring
// every hit, and checks what Search promises:
//   - Total and every facet count are exact, sampled or not;
//   - a query that finds more models than the bound ranks a sample of
//     about the bound (Ranked), and each hit it returns has the score the
//     full search gives that model, best first;
//   - a query that finds no more than the bound, and a query the hit set
//     cannot read (a phrase, fuzzy or wildcard term), ranks every hit and
//     returns exactly the full search's hits.
func TestRankSample(t *testing.T) {
	const bound = 25
	ms := synthModels(600)
	ix := buildIndex(t, ms[:250]) // three syncs: several segments
	if _, err := ix.Sync(context.Background(), each(ms[:450])); err != nil {
		t.Fatal(err)
	}
	var kept []*model.Model // holes in the document numbers
	for i, m := range ms {
		if i%11 != 5 {
			kept = append(kept, m)
		}
	}
	if st, err := ix.Sync(context.Background(), each(kept)); err != nil || st.Removed == 0 {
		t.Fatalf("sync: %+v %v", st, err)
	}
	// As serve opens it: read-only, one snapshot for good.
	ix = reopenReadOnly(t, ix)
	loadFacets(t, ix, 2)
	if segs := ix.table.Load().segStart; len(segs) < 3 {
		t.Fatalf("segments start at %v; the sample should come from several", segs)
	}
	cases := []struct {
		req     Request
		sampled bool // finds more than bound models and the hit set reads it
	}{
		{Request{Query: "palvelu"}, true},
		{Request{Query: "kysely", Limit: 20, Offset: 10}, true},
		{Request{Query: "+perhe -nuoret"}, true},
		{Request{Query: "-nuoret"}, true},
		{Request{Query: "perhe nuoret"}, true},
		{Request{Query: "+perhe +nuoret"}, false},
		{Request{Query: "kysely +ja"}, false}, // bleve finds nothing: a must of a stop word matches none
		{Request{Query: `"asiakkaiden kanssa"`}, false},
		{Request{Query: "asiakaskysely"}, false},
		{Request{Query: "method:workshop"}, true},
		{Request{Query: "title:kotihoito"}, true},
		{Request{}, true},
		{Request{Methods: []string{"survey", "workshop"}, Phases: []string{model.Ideation}}, true},
		{Request{Query: "palvelu", Regions: []string{"Pirkanmaan hyvinvointialue"}}, true},
		{Request{Query: "asiakas", Described: ptr(true), Limit: 30}, false},
		{Request{Query: "palvelu", Described: ptr(true), Limit: 30}, true},
		{Request{Query: "palvelu", NoFacets: true}, true},
		{Request{Query: "perhe", Regions: []string{"Ei olemassa oleva alue"}}, false},
		{Request{Query: `"kotihoidon asiakkaat"`}, false}, // a phrase: scored in full
		{Request{Query: "kysely~1"}, false},
		{Request{Query: "palv*"}, false},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%+v", tc.req), func(t *testing.T) {
			ix.rankBound = -1
			want, err := ix.Search(ctx, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			scores := allScores(t, ix, tc.req)
			ix.rankBound = bound
			got, err := ix.Search(ctx, tc.req)
			if err != nil {
				t.Fatal(err)
			}
			ix.table.Load().byCode = 0 // facets counted by intersection, not per hit
			byCode, err := ix.Search(ctx, tc.req)
			ix.table.Load().byCode = countByCode
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) || !reflect.DeepEqual(byCode.Facets, want.Facets) {
				t.Errorf("total %d, facets %+v (by code %+v)\nwant %d, %+v", got.Total, got.Facets, byCode.Facets, want.Total, want.Facets)
			}
			if sampled := got.Ranked < got.Total; sampled != tc.sampled {
				t.Fatalf("ranked %d of %d; want a sample: %v", got.Ranked, got.Total, tc.sampled)
			}
			if !tc.sampled {
				compareResults(t, tc.req, got, want)
				return
			}
			if want := uint64(max(bound, tc.req.Offset+max(tc.req.Limit, DefaultLimit))); got.Ranked != want {
				t.Errorf("ranked %d; want %d", got.Ranked, want)
			}
			if len(got.Hits) != min(tc.req.Limit, len(want.Hits)) && len(got.Hits) != len(want.Hits) {
				t.Errorf("%d hits, want %d", len(got.Hits), len(want.Hits))
			}
			for k, h := range got.Hits {
				if s, ok := scores[h.ID]; !ok || s != h.Score {
					t.Errorf("hit %d %s scored %g; the full search gives it %g (found: %v)", k, h.ID, h.Score, s, ok)
				}
				if k > 0 && h.Score > got.Hits[k-1].Score {
					t.Errorf("hit %d (%g) ranks below a worse one (%g)", k, h.Score, got.Hits[k-1].Score)
				}
			}
		})
	}
}

// TestHitSetCounts: the hit set counts what scoring every hit counts, for
// query shapes whose meaning depends on bleve's rules (stop words in a
// must, must-not alone, unknown words, field values, boosts).
func TestHitSetCounts(t *testing.T) {
	ix := reopenReadOnly(t, buildIndex(t, synthModels(500)))
	loadFacets(t, ix, 2)
	ctx := context.Background()
	found := 0
	for _, q := range []string{"-nuoret -perhe", "kysely -kysely", "kysely ja", "+kysely +ja", "+ja kysely",
		"xyzzy", "kysely xyzzy", "+kysely +xyzzy", "method:workshop -nuoret", "alue:Pirkanmaa kysely",
		"kysely^2 palvelu", "title:kysely", "kuvattu:true +perhe", "asiakas* kysely", `"asiakkaiden kanssa" -kysely`,
		"raati raadit raadissa", "+perhe nuoret -ikäihmiset"} {
		t.Run(q, func(t *testing.T) {
			ix.rankBound = -1
			want, err := ix.Search(ctx, Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			ix.rankBound = 0
			got, err := ix.Search(ctx, Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("total %d, facets %+v\nwant %d, %+v", got.Total, got.Facets, want.Total, want.Facets)
			}
			found += int(want.Total)
			// The counts above came from the hit set, except for a wildcard.
			fq, err := buildQuery(Request{Query: q}, ix.words(), ix.facets)
			if err != nil {
				t.Fatal(err)
			}
			hs, err := ix.hitSet(ix.table.Load(), fq)
			if err != nil {
				t.Fatal(err)
			}
			if read := hs != nil; read != !strings.Contains(q, "*") {
				t.Errorf("hit set read: %v", read)
			}
		})
	}
	if found == 0 {
		t.Error("no query found anything; the comparison proves nothing")
	}
}

// allScores is the score of every model req finds, every hit scored.
func allScores(t *testing.T, ix *Index, req Request) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	req.Limit, req.NoFacets = MaxLimit, true
	for req.Offset = 0; ; req.Offset += MaxLimit {
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			out[h.ID] = h.Score
		}
		if len(res.Hits) < MaxLimit {
			return out
		}
	}
}

// reopenReadOnly closes the writer ix and opens its index as serve does:
// read-only, one snapshot for good.
func reopenReadOnly(t *testing.T, ix *Index) *Index {
	t.Helper()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ix.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}
