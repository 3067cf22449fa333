package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/innokyla/innokyla/crawler"
	"github.com/innokyla/innokyla/internal/sitegen"
)

func TestCrawlFlags(t *testing.T) {
	f := &Factory{DataDir: t.TempDir()}
	var got *CrawlOptions
	cmd := NewCmdCrawl(f, func(_ context.Context, o *CrawlOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--site", "https://innokyla.example", "--region", "Pirkanmaa", "--region", "vantaa",
		"--since", "2024-01-01", "--max", "5", "--delay", "250ms", "--parallel", "3", "--user-agent", "UA/1", "--json",
		"https://innokyla.example/fi/toimintamalli/x"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := &CrawlOptions{F: f, Site: "https://innokyla.example", URLs: []string{"https://innokyla.example/fi/toimintamalli/x"},
		Regions: []string{"Pirkanmaa", "vantaa"}, Since: "2024-01-01", Max: 5, Delay: 250 * time.Millisecond,
		Parallel: 3, UserAgent: "UA/1", JSON: true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("options\n got %+v\nwant %+v", got, want)
	}
	cmd = NewCmdCrawl(f, func(_ context.Context, o *CrawlOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--site", "https://innokyla.example"})
	cmd.Execute()
	if got.Delay != time.Second || got.Parallel != 1 || got.UserAgent != "" {
		t.Errorf("defaults %+v", got)
	}
	cmd = NewCmdCrawl(f, func(_ context.Context, o *CrawlOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--site", "testdata/site"})
	cmd.Execute()
	if got.Delay != 0 {
		t.Errorf("a mirror directory is crawled with delay %s; want none", got.Delay)
	}
}

func TestCrawlUsageErrors(t *testing.T) {
	c := newCLI(t)
	site := filepath.Join("..", "..", "testdata", "site")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"crawl"}, exitUsage, "give --site"},
		{[]string{"crawl", "--site", filepath.Join(t.TempDir(), "nope")}, exitError, "does not exist"},
		{[]string{"crawl", "--site", site, "--region", "Pirkanmma"}, exitUsage, `did you mean "Pirkanmaa"`},
		{[]string{"crawl", "--site", site, "--since", "1.1.2024"}, exitUsage, "not a date"},
		{[]string{"crawl", "--site", site, "--parallel", "0"}, exitUsage, "--parallel"},
		{[]string{"crawl", "--site", site, "--delay", "-1s"}, exitUsage, "--delay"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := c.run(tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
			}
		})
	}
}

// TestCrawlBundledSnapshot crawls testdata/site into a real store, then
// again: the second crawl finds every model unchanged without fetching it.
func TestCrawlBundledSnapshot(t *testing.T) {
	site := filepath.Join("..", "..", "testdata", "site")
	dirs, err := os.ReadDir(filepath.Join(site, "fi", "toimintamalli"))
	if err != nil {
		t.Fatal("the bundled snapshot is missing:", err)
	}
	c := newCLI(t)
	code, stdout, stderr := c.run("crawl", "--site", site, "--delay", "0", "--parallel", "4")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "models:") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = c.run("crawl", "--site", site, "--delay", "0", "--json")
	var sum crawler.Summary
	if code != 0 || json.Unmarshal([]byte(stdout), &sum) != nil {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if sum.Unchanged != len(dirs) || sum.New != 0 || sum.FailedTotal() != 0 {
		t.Errorf("second crawl %+v; want %d unchanged", sum, len(dirs))
	}
	// One model by its published URL, from the mirror.
	slug := dirs[0].Name()
	code, stdout, stderr = c.run("crawl", "--site", site, "--json", sitegen.CanonicalURL(slug))
	if code != 0 || json.Unmarshal([]byte(stdout), &sum) != nil || sum.Targets != 1 || sum.Unchanged != 1 {
		t.Errorf("one model by url: exit %d, %s %s", code, stdout, stderr)
	}
	code, stdout, _ = c.run("export", "--format", "jsonl")
	if code != 0 || strings.Count(stdout, "\n") != len(dirs) {
		t.Errorf("export: exit %d, %d lines; want %d", code, strings.Count(stdout, "\n"), len(dirs))
	}
	if !strings.Contains(stdout, `"url":"https://innokyla.example/fi/toimintamalli/`) {
		t.Errorf("records do not carry the canonical url")
	}
}

// TestCrawlResumesAfterInterrupt interrupts a crawl into a real store
// part-way (as Ctrl-C does) and runs the same command again: every model
// is stored once, with one version, and no model page is fetched twice.
func TestCrawlResumesAfterInterrupt(t *testing.T) {
	corpus, dir := writeSnapshotSite(t, "b")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	gets := map[string]int{}
	modelPages := 0
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gets[r.URL.Path]++
		if strings.HasPrefix(r.URL.Path, "/fi/toimintamalli/") {
			modelPages++
			if modelPages == len(corpus.Sources)/2 {
				cancel() // Ctrl-C half-way
			}
		}
		mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	f := &Factory{DataDir: t.TempDir(), Out: &strings.Builder{}, Err: &strings.Builder{}, Now: time.Now, Version: "test"}
	defer f.Close()
	opts := &CrawlOptions{F: f, Site: srv.URL, Delay: 0, Parallel: 3}
	if err := runCrawl(ctx, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted crawl: %v", err)
	}
	s, _ := f.Store(context.Background())
	first, _ := s.Count(context.Background())
	if first == 0 || first == len(corpus.Sources) {
		t.Fatalf("first run stored %d of %d", first, len(corpus.Sources))
	}
	if err := runCrawl(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f.Err.(*strings.Builder).String(), "(resumed)") {
		t.Errorf("second run not reported as resumed: %s", f.Err)
	}
	if n, _ := s.Count(context.Background()); n != len(corpus.Sources) {
		t.Errorf("stored %d models; want %d", n, len(corpus.Sources))
	}
	for _, src := range corpus.Sources {
		for _, p := range []string{sitegen.ModelPath(src.Slug), sitegen.PathPagePath(src.Slug)} {
			if gets[p] != 1 {
				t.Errorf("%s fetched %d times", p, gets[p])
			}
		}
		vs, err := s.Versions(context.Background(), src.Slug)
		if err != nil || len(vs) != 1 {
			t.Errorf("%s: %d versions, %v", src.Slug, len(vs), err)
		}
	}
}
