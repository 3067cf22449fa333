package crawler

import (
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// notModelPages are pages a site answers with 200 at a model URL that are
// not model pages.
var notModelPages = map[string]string{
	"maintenance": `<!DOCTYPE html><html><head><title>Huoltokatko</title></head><body>
<h1>Innokylä on huoltokatkolla</h1><p>Palvelu on tilapäisesti poissa käytöstä. Yritä myöhemmin uudelleen.</p></body></html>`,
	"not-found": `<!DOCTYPE html><html><head><title>Sivua ei löytynyt | Innokylä</title></head><body>
<header><nav><a href="/">Etusivu</a> <a href="/fi/toimintamallit/">Toimintamallit</a></nav></header>
<main><h1>Sivua ei löytynyt</h1><p>Hakemaasi sivua ei löytynyt. Se on voitu poistaa tai siirtää.</p>
<h2>Ratkaisun perusidea</h2><p>Tämä otsikko ei tee sivusta toimintamallia.</p></main></body></html>`,
	"listing": `<html><head><title>Index of /fi/toimintamalli/</title></head><body><h1>Index of /fi/toimintamalli/</h1>
<pre><a href="../">../</a>
<a href="a/">a/</a>                                                 04-Dec-2026 10:00       -
<a href="b/">b/</a>                                                 04-Dec-2026 10:00       -
</pre></body></html>`,
	"login": `<!DOCTYPE html><html><head><title>Kirjaudu sisään</title></head><body>
<h1>Kirjaudu sisään</h1><form method="post"><label>Sähköposti <input name="name"></label>
<label>Salasana <input type="password" name="pass"></label><button>Kirjaudu</button></form></body></html>`,
}

// TestNotModelPagesNeverStored: pages answered 200 at model URLs that are
// not model pages are counted and listed, are never stored, and do not
// replace the versions stored before; the next crawl reads the models again.
func TestNotModelPagesNeverStored(t *testing.T) {
	slugs := []string{"a", "b", "c", "d"}
	f := newFaultServer(t)
	f.site("", append(slugs, "uusi")...)
	var down atomic.Bool
	kinds := []string{"maintenance", "not-found", "listing", "login"}
	for i, slug := range slugs {
		good := static(fixtureModel(slug, "Malli "+slug, "Lappi", "Teksti mallista "+slug+"."))
		bad := static(notModelPages[kinds[i]])
		f.handle("/fi/toimintamalli/"+slug+"/", func(w http.ResponseWriter, r *http.Request) {
			if down.Load() {
				bad(w, r)
				return
			}
			good(w, r)
		})
	}
	// A target that never was a model page.
	f.handle("/fi/toimintamalli/uusi/", static(notModelPages["maintenance"]))

	front := newMemFrontier()
	sum := crawlFixture(t, f, front, nil)
	if sum.New != 4 || sum.NotModel != 1 || len(front.latest()) != 4 {
		t.Fatalf("first crawl: %d new, %d not model pages, %d stored", sum.New, sum.NotModel, len(front.latest()))
	}
	down.Store(true)
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			if _, err := Extract([]byte(notModelPages[kind]), nil, f.URL+"/fi/toimintamalli/x/"); err == nil {
				t.Errorf("a %s page is read as a model", kind)
			}
		})
	}
	sum = crawlFixture(t, f, front, nil)
	if sum.NotModel != 5 || sum.New+sum.Changed+sum.Unchanged != 0 || sum.FailedTotal() != 0 {
		t.Errorf("second crawl: %d not model pages, %d new, %d changed, %d unchanged, failed %v",
			sum.NotModel, sum.New, sum.Changed, sum.Unchanged, sum.Failed)
	}
	for _, slug := range append(slugs, "uusi") {
		if u := f.URL + "/fi/toimintamalli/" + slug + "/"; !slices.Contains(sum.NotModelPages, u) {
			t.Errorf("%s not listed as a not-model page: %q", u, sum.NotModelPages)
		}
	}
	for _, slug := range slugs {
		vs := front.models[slug]
		if len(vs) != 1 || vs[0].Title != "Malli "+slug || vs[0].Region == "" {
			t.Errorf("%s: stored versions %d, latest %+v", slug, len(vs), vs[len(vs)-1])
		}
	}
	if front.models["uusi"] != nil {
		t.Error("a maintenance page was stored as a model")
	}
	down.Store(false)
	sum = crawlFixture(t, f, front, nil)
	if sum.Unchanged != 4 || sum.NotModel != 1 {
		t.Errorf("third crawl: %d unchanged, %d not model pages", sum.Unchanged, sum.NotModel)
	}
}

// TestShrunkModelWarned: a re-crawl that loses most of a model's sections
// stores the new version and names the model in the summary; one that
// loses less does not.
func TestShrunkModelWarned(t *testing.T) {
	full := func(slug string) string {
		return fixtureModel(slug, "Malli "+slug, "Lappi", "Perusidea.") // one main section
	}
	f := newFaultServer(t)
	f.site("", "iso", "pieni")
	var shrink atomic.Bool
	for _, slug := range []string{"iso", "pieni"} {
		f.handle("/fi/toimintamalli/"+slug+"/", func(w http.ResponseWriter, r *http.Request) {
			page := full(slug)
			if !shrink.Load() || slug == "pieni" {
				page = strings.Replace(page, "</body>", `<h2>Toimintaympäristö</h2><p>Ympäristö.</p>
<h2>Resurssit</h2><p>Resurssit.</p><h2>Vaikutukset</h2><p>Vaikutukset.</p></body>`, 1)
			}
			if shrink.Load() && slug == "pieni" {
				page = strings.Replace(page, "<p>Vaikutukset.</p>", "<p>Täydentyy</p>", 1) // one of four gone
			}
			static(page)(w, r)
		})
	}
	front := newMemFrontier()
	if sum := crawlFixture(t, f, front, nil); sum.New != 2 || sum.Shrunk != 0 {
		t.Fatalf("first crawl %+v", sum)
	}
	shrink.Store(true)
	sum := crawlFixture(t, f, front, nil)
	if sum.Changed != 2 || sum.Shrunk != 1 || len(sum.ShrunkModels) != 1 {
		t.Fatalf("second crawl: %d changed, %d shrunk %+v", sum.Changed, sum.Shrunk, sum.ShrunkModels)
	}
	if got := sum.ShrunkModels[0]; got.URL != f.URL+"/fi/toimintamalli/iso/" || got.Before != 4 || got.After != 1 {
		t.Errorf("shrunk %+v", got)
	}
	if vs := front.models["iso"]; len(vs) != 2 || vs[1].FilledSections() != 1 {
		t.Errorf("the shrunk model is not kept as a new version beside the old one: %d versions", len(vs))
	}
}
