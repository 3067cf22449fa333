package crawler

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/model"
)

// countingServer serves a directory and counts GETs per path, also the
// conditional ones.
type countingServer struct {
	*httptest.Server
	mu          sync.Mutex
	gets        map[string]int
	conditional int
}

func newCountingServer(t *testing.T, dir string) *countingServer {
	s := &countingServer{gets: map[string]int{}}
	files := http.FileServer(http.Dir(dir))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.gets[r.URL.Path]++
		if r.Header.Get("If-Modified-Since") != "" || r.Header.Get("If-None-Match") != "" {
			s.conditional++
		}
		s.mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// modelGets counts requests of model and path pages.
func (s *countingServer) modelGets() (total int, perPage map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	perPage = map[string]int{}
	for p, n := range s.gets {
		if strings.HasPrefix(p, "/fi/toimintamalli/") {
			perPage[p] = n
			total += n
		}
	}
	return total, perPage
}

func (s *countingServer) reset() {
	s.mu.Lock()
	s.gets, s.conditional = map[string]int{}, 0
	s.mu.Unlock()
}

// cancellingFrontier cancels the crawl after a number of commits, as a
// Ctrl-C in the middle of a crawl would.
type cancellingFrontier struct {
	*memFrontier
	mu      sync.Mutex
	commits int
	after   int
	cancel  context.CancelFunc
}

func (f *cancellingFrontier) CommitCrawls(ctx context.Context, site string, cs []model.CrawlCommit) ([]model.CrawlOutcome, error) {
	outs, err := f.memFrontier.CommitCrawls(ctx, site, cs)
	f.mu.Lock()
	if f.commits < f.after && f.commits+len(cs) >= f.after {
		f.cancel()
	}
	f.commits += len(cs)
	f.mu.Unlock()
	return outs, err
}

func renderSite(t *testing.T, corpus *sitegen.Corpus, variant string) string {
	t.Helper()
	dir := t.TempDir()
	if err := sitegen.Write(corpus, dir, variant); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestResumeAfterCancel cancels a crawl mid-way and starts it again: every
// model is stored exactly once and no model page is fetched twice.
func TestResumeAfterCancel(t *testing.T) {
	corpus := loadCorpus(t)
	srv := newCountingServer(t, renderSite(t, corpus, "a"))
	mem := newMemFrontier()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	front := &cancellingFrontier{memFrontier: mem, after: len(corpus.Sources) / 3, cancel: cancel}
	opts := fastOptions(srv.URL)
	c, err := New(opts, front)
	if err != nil {
		t.Fatal(err)
	}
	sum1, err := c.Run(ctx)
	if err == nil || ctx.Err() == nil {
		t.Fatalf("cancelled crawl returned %v", err)
	}
	stored1 := len(mem.latest())
	if stored1 == 0 || stored1 >= len(corpus.Sources) {
		t.Fatalf("first run stored %d of %d models; want part of them", stored1, len(corpus.Sources))
	}
	c2, _ := New(opts, mem)
	sum2, err := c2.Run(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !sum2.Resumed || sum2.Done < stored1 || sum2.New+sum1.New != len(corpus.Sources) {
		t.Errorf("resume: first %+v, second %+v", sum1, sum2)
	}
	_, perPage := srv.modelGets()
	for _, s := range corpus.Sources {
		for _, p := range []string{sitegen.ModelPath(s.Slug), sitegen.PathPagePath(s.Slug)} {
			if perPage[p] != 1 {
				t.Errorf("%s fetched %d times over both runs; want 1", p, perPage[p])
			}
		}
		if mem.puts[s.Slug] != 1 || len(mem.models[s.Slug]) != 1 {
			t.Errorf("%s stored %d times (%d versions); want once", s.Slug, mem.puts[s.Slug], len(mem.models[s.Slug]))
		}
	}
	checkCorpus(t, mem, corpus)
	// The run is finished: the same command now starts a new run.
	c3, _ := New(opts, mem)
	if sum3, err := c3.Run(t.Context()); err != nil || sum3.Resumed || sum3.Unchanged != len(corpus.Sources) {
		t.Errorf("third run: %+v, %v", sum3, err)
	}
}

// TestIncrementalRecrawl: sitemap lastmod skips unchanged models without a
// request, a changed model gets a new version, and without lastmod the
// crawl asks conditionally and gets 304s.
func TestIncrementalRecrawl(t *testing.T) {
	corpus := loadCorpus(t)
	dir := renderSite(t, corpus, "a")
	srv := newCountingServer(t, dir)
	mem := newMemFrontier()
	n := len(corpus.Sources)
	run := func() *Summary {
		t.Helper()
		c, err := New(fastOptions(srv.URL), mem)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := c.Run(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := run(); sum.New != n {
		t.Fatalf("first crawl %+v", sum)
	}
	srv.reset()
	if sum := run(); sum.Unchanged != n || sum.New+sum.Changed != 0 {
		t.Errorf("second crawl %+v", sum)
	}
	if total, _ := srv.modelGets(); total != 0 {
		t.Errorf("unchanged sitemap lastmod, yet %d model pages fetched", total)
	}

	// Change one model and its lastmod.
	s := corpus.Sources[0]
	mainFile := filepath.Join(dir, sitegen.ModelPath(s.Slug), "index.html")
	b, err := os.ReadFile(mainFile)
	if err != nil {
		t.Fatal(err)
	}
	first := s.Record().Sections[0].Text
	firstPara := strings.SplitN(first, "\n", 2)[0]
	changed := strings.Replace(string(b), firstPara, firstPara+" Lisätty lause.", 1)
	if changed == string(b) {
		t.Fatalf("could not change %s", mainFile)
	}
	os.WriteFile(mainFile, []byte(changed), 0o644)
	smFile := filepath.Join(dir, "sitemap-toimintamallit.xml")
	sm, _ := os.ReadFile(smFile)
	re := regexp.MustCompile(`(<loc>` + regexp.QuoteMeta(sitegen.ModelPath(s.Slug)) + `</loc><lastmod>)[^<]*`)
	os.WriteFile(smFile, re.ReplaceAll(sm, []byte("${1}2099-01-01")), 0o644)
	srv.reset()
	if sum := run(); sum.Changed != 1 || sum.Unchanged != n-1 {
		t.Errorf("third crawl %+v", sum)
	}
	if total, _ := srv.modelGets(); total != 2 {
		t.Errorf("one model changed, yet %d model pages fetched", total)
	}
	if vs := mem.models[s.Slug]; len(vs) != 2 || !strings.Contains(vs[1].Sections[0].Text, "Lisätty lause.") || strings.Contains(vs[0].Sections[0].Text, "Lisätty") {
		t.Errorf("versions of %s: %d", s.Slug, len(vs))
	}

	// Without lastmod the crawl asks with If-Modified-Since.
	sm, _ = os.ReadFile(smFile)
	os.WriteFile(smFile, regexp.MustCompile(`<lastmod>[^<]*</lastmod>`).ReplaceAll(sm, nil), 0o644)
	srv.reset()
	sum := run()
	if sum.Unchanged != n || sum.NotModified != 2*n {
		t.Errorf("conditional crawl %+v; want %d unchanged from %d 304s", sum, n, 2*n)
	}
	if srv.conditional < 2*n {
		t.Errorf("%d conditional requests; want %d", srv.conditional, 2*n)
	}
}
