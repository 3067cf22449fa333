package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

// sampleModels are the API models and 15 more that "perhetyö" finds: 21
// hits, 7 of them in Kainuu.
func sampleModels(t testing.TB) []*model.Model {
	ms := apiModels(t)
	for i := 1; i <= 15; i++ {
		ms = append(ms, &model.Model{ID: fmt.Sprintf("lisa-%02d", i), URL: "https://innokyla.example/fi/toimintamalli/lisa",
			Title: fmt.Sprintf("Perhetyön lisämalli %d", i), Summary: "Perhetyön kokeilu.", Region: "Kainuun hyvinvointialue",
			Regions: []string{"Kainuun hyvinvointialue"}, Version: 1})
	}
	return ms
}

// openBound builds an index of ms and opens it as serve does (read-only,
// facets loaded, in two parts) with the given rank bound.
func openBound(t testing.TB, ms []*model.Model, bound int) *index.Index {
	t.Helper()
	w := buildIndex(t, ms, 0)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(w.Path(), index.Options{ReadOnly: true, Parts: 2, RankBound: bound})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.LoadFacets(); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestAPIRankedSample: above the rank bound the API says how many models
// were ranked (fewer than found) and still counts every hit and facet
// exactly; at or below it, ranked is the total.
func TestAPIRankedSample(t *testing.T) {
	ms := sampleModels(t)
	full := openBound(t, ms, -1)
	sampled := openBound(t, ms, 5)
	for _, tc := range []struct {
		path    string
		total   uint64
		sampled bool
	}{
		{"/api/search?q=perhetyö", 21, true},
		{"/api/search?q=perhetyö&region=Lappi", 2, false},
		{"/api/search?q=perhetyö&size=8&page=2", 21, true}, // the page needs 16: the sample grows to it
	} {
		t.Run(tc.path, func(t *testing.T) {
			var got, want SearchResponse
			getJSON(t, serverOf(t, sampled, ms), tc.path, http.StatusOK, &got)
			getJSON(t, serverOf(t, full, ms), tc.path, http.StatusOK, &want)
			if got.Total != tc.total || want.Total != tc.total || want.Ranked != tc.total {
				t.Fatalf("total %d (full %d, ranked %d), want %d", got.Total, want.Total, want.Ranked, tc.total)
			}
			if !reflect.DeepEqual(got.Facets, want.Facets) || got.Pages != want.Pages {
				t.Errorf("facets or pages differ from the full search:\n got %d %+v\nwant %d %+v", got.Pages, got.Facets, want.Pages, want.Facets)
			}
			if sampled := got.Ranked < got.Total; sampled != tc.sampled {
				t.Errorf("ranked %d of %d; want a sample: %v", got.Ranked, got.Total, tc.sampled)
			}
			if len(got.Hits) != len(want.Hits) {
				t.Errorf("%d hits, want %d", len(got.Hits), len(want.Hits))
			}
		})
	}
}

func serverOf(t *testing.T, ix *index.Index, ms []*model.Model) *httptest.Server {
	srv := httptest.NewServer(NewHandler(ix, lookupIn(ms)))
	t.Cleanup(srv.Close)
	return srv
}

// TestPageRankedSample: the page says when the best hits were chosen from
// a sample, and not when every hit was ranked.
func TestPageRankedSample(t *testing.T) {
	ms := sampleModels(t)
	srv := serverOf(t, openBound(t, ms, 5), ms)
	ctx, log := browser(t)
	var status string
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v (browser events: %v)", step, err, log.All())
		}
	}
	run("a search above the bound",
		chromedp.Navigate(srv.URL+"/#haku?q=perhety%C3%B6"),
		waitFor(`document.querySelectorAll('#results .hit').length > 0`),
		get(chromedp.Text(chromedp.CSS("#status")), &status),
	)
	if !strings.HasPrefix(status, "Löytyi 21 toimintamallia. Osuvimmat on valittu ") ||
		!strings.Contains(status, "määrät koskevat kaikkia löytyneitä") {
		t.Errorf("status %q does not say the hits were chosen from a sample", status)
	}
	run("a narrower search",
		chromedp.Navigate(srv.URL+"/#haku?q=perhety%C3%B6&region=Lapin+hyvinvointialue"),
		waitFor(`document.querySelector('#status').textContent.startsWith('Löytyi 2 ')`),
		get(chromedp.Text(chromedp.CSS("#status")), &status),
	)
	if status != "Löytyi 2 toimintamallia." {
		t.Errorf("status %q, want the count alone", status)
	}
}
