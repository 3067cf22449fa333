package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/region"
)

// loadCorpus loads the snapshot sources.
func loadCorpus(t testing.TB) *sitegen.Corpus {
	t.Helper()
	c, err := sitegen.Load(filepath.Join("..", "testdata", "sitesrc"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fastOptions are options for loopback tests: no delay, quick retries.
func fastOptions(site string) Options {
	return Options{Site: site, Delay: 0, Parallel: 4, Timeout: 2 * time.Second,
		Backoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond, UserAgent: "innokyla-test/1.0"}
}

// checkCorpus asserts that the frontier holds exactly the corpus records.
func checkCorpus(t *testing.T, f *memFrontier, corpus *sitegen.Corpus) {
	t.Helper()
	got := f.latest()
	if len(got) != len(corpus.Sources) {
		t.Errorf("stored %d models; want %d", len(got), len(corpus.Sources))
	}
	for _, s := range corpus.Sources {
		m, ok := got[s.Slug]
		if !ok {
			t.Errorf("%s not stored", s.Slug)
			continue
		}
		c := *m
		c.FetchedAt, c.Version = time.Time{}, 0
		if want := wantRecord(s); !reflect.DeepEqual(&c, want) {
			t.Errorf("%s:\n%s", s.Slug, diffModels(&c, want))
		}
	}
}

// TestCrawlVariantsOverHTTP renders the three markup variants, serves each
// over loopback HTTP and checks every stored record against the sources.
func TestCrawlVariantsOverHTTP(t *testing.T) {
	corpus := loadCorpus(t)
	for _, variant := range []string{"a", "b", "c"} {
		t.Run(variant, func(t *testing.T) {
			dir := t.TempDir()
			if err := sitegen.Write(corpus, dir, variant); err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
			defer srv.Close()
			f := newMemFrontier()
			c, err := New(fastOptions(srv.URL), f)
			if err != nil {
				t.Fatal(err)
			}
			sum, err := c.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if sum.New != len(corpus.Sources) || sum.FailedTotal() != 0 {
				t.Errorf("summary %+v; want %d new, no failures", sum, len(corpus.Sources))
			}
			checkCorpus(t, f, corpus)
		})
	}
}

// TestCrawlMirror crawls a rendered mirror directory through the mirror
// transport, the code path of --site DIR.
func TestCrawlMirror(t *testing.T) {
	corpus := loadCorpus(t)
	dir := t.TempDir()
	if err := sitegen.Write(corpus, dir, "a"); err != nil {
		t.Fatal(err)
	}
	tr, err := NewMirrorTransport(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := fastOptions(MirrorRoot)
	opts.Transport = tr
	f := newMemFrontier()
	c, err := New(opts, f)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != len(corpus.Sources) {
		t.Errorf("summary %+v", sum)
	}
	checkCorpus(t, f, corpus)
}

// TestCrawlBundledSnapshot crawls testdata/site as shipped, through the
// mirror transport: every model of the sources is stored with the record
// its source gives, and the gold CSV names exactly the stored URLs.
func TestCrawlBundledSnapshot(t *testing.T) {
	site := filepath.Join("..", "testdata", "site")
	if _, err := os.Stat(filepath.Join(site, "sitemap.xml")); err != nil {
		t.Fatal("the bundled snapshot is missing:", err)
	}
	corpus := loadCorpus(t)
	tr, err := NewMirrorTransport(site, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := fastOptions(MirrorRoot)
	opts.Transport = tr
	f := newMemFrontier()
	c, err := New(opts, f)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.FailedTotal() != 0 || sum.Blocked != 0 {
		t.Errorf("summary %+v", sum)
	}
	checkCorpus(t, f, corpus)
	gold, err := os.ReadFile(filepath.Join("..", "testdata", "snapshot-gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	urls := map[string]bool{}
	for _, m := range f.latest() {
		urls[m.URL] = true
	}
	lines := strings.Split(strings.TrimSpace(string(gold)), "\n")[1:]
	for _, l := range lines {
		u, _, _ := strings.Cut(l, ",")
		if !urls[u] {
			t.Errorf("gold url %s not crawled", u)
		}
	}
	if len(lines) != len(urls) {
		t.Errorf("gold has %d rows, the crawl %d models", len(lines), len(urls))
	}
}

// TestCrawlFilters: --region, --since and --max store exactly the models
// they select; the path pages of models filtered out are not fetched.
func TestCrawlFilters(t *testing.T) {
	corpus := loadCorpus(t)
	srv := newCountingServer(t, renderSite(t, corpus, "a"))
	uusimaa, err := region.Resolve("Uusimaa")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, r := range uusimaa {
		in[r] = true
	}
	const since = "2022-06-01"
	want := map[string]bool{}
	for _, s := range corpus.Sources {
		m := wantRecord(s)
		ok := false
		for _, r := range m.Regions {
			ok = ok || in[r]
		}
		if ok && modifiedOf(m) >= since {
			want[s.Slug] = true
		}
	}
	if len(want) == 0 || len(want) == len(corpus.Sources) {
		t.Fatalf("the filter selects %d of %d models; the test needs some of them", len(want), len(corpus.Sources))
	}
	front := newMemFrontier()
	opts := fastOptions(srv.URL)
	opts.Regions, opts.Since = uusimaa, since
	c, _ := New(opts, front)
	sum, err := c.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got := front.latest()
	if len(got) != len(want) || sum.New != len(want) || sum.Skipped != len(corpus.Sources)-len(want) {
		t.Errorf("stored %d, summary %+v; want %d", len(got), sum, len(want))
	}
	for id := range got {
		if !want[id] {
			t.Errorf("%s stored but filtered out", id)
		}
	}
	_, perPage := srv.modelGets()
	for _, s := range corpus.Sources {
		if !want[s.Slug] && perPage[sitegen.PathPagePath(s.Slug)] != 0 {
			t.Errorf("path page of filtered-out %s fetched", s.Slug)
		}
	}
	// The same filter again: filtered-out models are skipped by their
	// stored region and lastmod, without a request.
	srv.reset()
	c, _ = New(opts, front)
	if sum, err = c.Run(t.Context()); err != nil || sum.Unchanged+sum.Skipped != len(corpus.Sources) {
		t.Errorf("second run %+v, %v", sum, err)
	}
	if total, _ := srv.modelGets(); total != 0 {
		t.Errorf("second run fetched %d model pages", total)
	}
	// --max.
	front = newMemFrontier()
	c, _ = New(Options{Site: srv.URL, Max: 3, Delay: 0, Parallel: 4}, front)
	if sum, err = c.Run(t.Context()); err != nil || sum.New != 3 || len(front.latest()) != 3 {
		t.Errorf("--max 3: %+v, %v", sum, err)
	}
	// --max counts the models read, not those found unchanged by lastmod.
	c, _ = New(Options{Site: srv.URL, Delay: 0, Parallel: 4}, front)
	if _, err = c.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv.reset()
	c, _ = New(Options{Site: srv.URL, Max: 1, Delay: 0, Parallel: 4}, front)
	if sum, err = c.Run(t.Context()); err != nil || sum.Unchanged != len(corpus.Sources) || sum.Skipped != 0 {
		t.Errorf("--max 1 over an unchanged corpus: %+v, %v; want every model unchanged", sum, err)
	}
}

// TestRegionFilterOnNotModified: without sitemap lastmod a re-crawl gets
// 304s, and --region still decides from the stored region.
func TestRegionFilterOnNotModified(t *testing.T) {
	corpus := loadCorpus(t)
	dir := renderSite(t, corpus, "a")
	smFile := filepath.Join(dir, "sitemap-toimintamallit.xml")
	sm, _ := os.ReadFile(smFile)
	os.WriteFile(smFile, regexp.MustCompile(`<lastmod>[^<]*</lastmod>`).ReplaceAll(sm, nil), 0o644)
	srv := newCountingServer(t, dir)
	front := newMemFrontier()
	c, _ := New(fastOptions(srv.URL), front)
	if _, err := c.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	lapland := 0
	for _, m := range front.latest() {
		if m.Region == "Lapin hyvinvointialue" {
			lapland++
		}
	}
	opts := fastOptions(srv.URL)
	opts.Regions = []string{"Lapin hyvinvointialue"}
	c, _ = New(opts, front)
	sum, err := c.Run(t.Context())
	if err != nil || lapland == 0 || sum.Unchanged != lapland || sum.Skipped != len(corpus.Sources)-lapland || sum.NotModified != len(corpus.Sources)+lapland {
		t.Errorf("summary %+v, %v; want %d unchanged", sum, err, lapland)
	}
}
