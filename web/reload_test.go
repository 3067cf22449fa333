package web

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

// writeIndex builds an index of ms at path and closes it, as `innokyla
// index` does.
func writeIndex(t *testing.T, path string, ms []*model.Model) {
	t.Helper()
	ix, err := index.Open(path, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ix.Sync(context.Background(), func(yield func(*model.Model) error) error {
		for _, m := range ms {
			if err := yield(m); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestPageLinksErrorsAndRebuild, in Chromium: a link with the search in
// its query string (/?q=) works like #haku?q=; errors are in Finnish; and
// after a rebuilt index is swapped in (as `index --rebuild` does), the
// same server finds what only the new index holds.
func TestPageLinksErrorsAndRebuild(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index")
	ms := apiModels(t)
	writeIndex(t, path, ms)
	live, err := index.OpenLive(path, index.Options{}, func(err error) { t.Errorf("facets: %v", err) })
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	reloads := make(chan error, 4)
	go live.Watch(ctx, 20*time.Millisecond, func(ok bool, err error) { reloads <- err })

	fresh := &model.Model{ID: "uutuus", URL: "https://innokyla.example/fi/toimintamalli/uutuus", Title: "Uutuusmalli kotihoitoon",
		Summary: "Uutuusmalli tuli vasta uuteen hakemistoon.", Region: "Kainuun hyvinvointialue",
		Regions: []string{"Kainuun hyvinvointialue"}, Stage: "Valmis", Version: 1}
	srv := httptest.NewServer(NewHandler(live, lookupIn(append(ms, fresh))))
	defer srv.Close()
	bctx, log := browser(t)
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			t.Fatalf("%s: %v (browser events: %v)", step, err, log.All())
		}
	}
	status := `document.querySelector('#status').textContent`

	var hash, q string
	run("a pasted link with ?q=",
		chromedp.Navigate(srv.URL+"/?q=perhety%C3%B6&region=Lapin+hyvinvointialue"),
		waitFor(status+` === 'Löytyi 2 toimintamallia.'`),
		get(chromedp.Evaluate[string](`location.hash`), &hash),
		get(chromedp.Evaluate[string](`document.querySelector('#q').value`), &q),
	)
	if !strings.HasPrefix(hash, "#haku?") || !strings.Contains(hash, "region=Lapin") || q != "perhetyö" {
		t.Errorf("after /?q=: hash %q, search box %q", hash, q)
	}

	for _, tc := range []struct{ name, url, want string }{
		{"stop words only", "#haku?q=kanssa", "Haussa on vain niin yleisiä sanoja"},
		{"a bad filter value", "#haku?q=perhety%C3%B6&stage=bogus", "Rajaus kehitysvaihe = ”bogus” ei kelpaa: sallitut arvot ovat Kehitteillä, Valmis, Arvioitu."},
		{"a bad field value", "#haku?q=" + "method%3Anonexistent", "Hakukentän arvo method:”nonexistent” ei kelpaa: sallitut arvot ovat survey"},
	} {
		// On the same page: a new hash is a new search.
		var got, set string
		run(tc.name,
			get(chromedp.Evaluate[string](`document.querySelector('#status').textContent = ''; location.hash = '`+tc.url+`'`), &set),
			waitFor(status+` !== '' && `+status+` !== 'Haetaan…'`),
			get(chromedp.Evaluate[string](status), &got),
		)
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s: the page says %q, want %q", tc.name, got, tc.want)
		}
	}

	run("the new model is not there yet",
		get(chromedp.Evaluate[string](`location.hash = '#haku?q=uutuusmalli'`), &hash),
		waitFor(status+`.startsWith('Ei hakutuloksia')`),
	)
	// index --rebuild: build beside, swap in whole.
	writeIndex(t, path+".rebuild", append(ms, fresh))
	before := live.Current()
	if err := index.Swap(path, path+".rebuild"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-reloads:
		if err != nil {
			t.Fatalf("reload: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the swapped index was not opened within 30 s")
	}
	if live.Current() == before {
		t.Fatal("reload reported but the index is the old one")
	}
	run("after the rebuild, without a restart: the same page searches again",
		get(chromedp.Evaluate[string](`location.hash = '#haku?q=uutuusmalli&size=10'`), &hash),
		waitFor(status+` === 'Löytyi 1 toimintamallia.'`),
	)
	if ev := log.All(); len(ev) > 0 {
		t.Errorf("the page raised dialogs or exceptions: %v", ev)
	}
}
