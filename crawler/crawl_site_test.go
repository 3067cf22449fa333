package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/sitegen"
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

// TestCrawlVariantsOverHTTP renders both markup variants, serves each over
// loopback HTTP and checks every stored record against the sources.
func TestCrawlVariantsOverHTTP(t *testing.T) {
	corpus := loadCorpus(t)
	for _, variant := range []string{"a", "b"} {
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

// TestCrawlBundledSnapshot crawls testdata/site as shipped: every model
// directory in it gives one stored model and nothing fails.
func TestCrawlBundledSnapshot(t *testing.T) {
	site := filepath.Join("..", "testdata", "site")
	dirs, err := os.ReadDir(filepath.Join(site, "fi", "toimintamalli"))
	if err != nil {
		t.Skip("no bundled snapshot yet:", err)
	}
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
	if sum.New != len(dirs) || sum.FailedTotal() != 0 {
		t.Errorf("summary %+v; want %d new and no failures", sum, len(dirs))
	}
	for _, d := range dirs {
		m, ok := f.latest()[d.Name()]
		if !ok {
			t.Errorf("%s not stored", d.Name())
			continue
		}
		if m.URL != sitegen.CanonicalURL(d.Name()) || m.Title == "" || len(m.Sections) == 0 {
			t.Errorf("%s: url %q, title %q, %d sections", d.Name(), m.URL, m.Title, len(m.Sections))
		}
	}
}
