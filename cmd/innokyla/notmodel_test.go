package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/region"
)

// TestCrawlMaintenanceKeepsCorpus: a site that answers every model page
// with a maintenance page (status 200) during a re-crawl leaves the real
// SQLite corpus as it was: no new version, every region kept, and the
// summary lists the pages as not model pages.
func TestCrawlMaintenanceKeepsCorpus(t *testing.T) {
	corpus, dir := writeSnapshotSite(t, "a")
	var down atomic.Bool
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down.Load() && strings.HasPrefix(r.URL.Path, "/sitemap") {
			// Without lastmod the crawl asks for every model page again.
			b, err := os.ReadFile(filepath.Join(dir, r.URL.Path))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/xml")
			w.Write(regexp.MustCompile(`<lastmod>[^<]*</lastmod>`).ReplaceAll(b, nil))
			return
		}
		if down.Load() && strings.HasPrefix(r.URL.Path, "/fi/toimintamalli/") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!DOCTYPE html><html><head><title>Huoltokatko</title></head><body>
<h1>Innokylä on huoltokatkolla</h1><p>Yritä myöhemmin uudelleen.</p></body></html>`))
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c := newCLI(t)
	if code, _, e := c.run("crawl", "--site", srv.URL, "--delay", "0", "--parallel", "4"); code != 0 {
		t.Fatal(e)
	}
	down.Store(true)
	code, _, stderr := c.run("crawl", "--site", srv.URL, "--delay", "0", "--parallel", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "not a model page: ") || !strings.Contains(stderr, srv.URL+"/fi/toimintamalli/") {
		t.Errorf("summary does not list the not-model pages:\n%s", stderr)
	}
	f := &Factory{DataDir: c.data}
	defer f.Close()
	s, err := f.Store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range corpus.Sources {
		vs, err := s.Versions(context.Background(), src.Slug)
		if err != nil || len(vs) != 1 {
			t.Errorf("%s: %d versions, %v", src.Slug, len(vs), err)
			continue
		}
		if want, _ := region.Normalize(src.RegionRaw, src.Place); vs[0].Region != want || vs[0].Title == "" {
			t.Errorf("%s: region %q, title %q; want region %q", src.Slug, vs[0].Region, vs[0].Title, want)
		}
	}
}

// writeSnapshotSite renders the bundled snapshot's sources in a markup
// variant into a temporary directory.
func writeSnapshotSite(t *testing.T, variant string) (*sitegen.Corpus, string) {
	t.Helper()
	corpus, err := sitegen.Load(filepath.Join("..", "..", "testdata", "sitesrc"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := sitegen.Write(corpus, dir, variant); err != nil {
		t.Fatal(err)
	}
	return corpus, dir
}
