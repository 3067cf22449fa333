package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/sitegen"
)

// TestCrawlChildProcess is the crawl that TestCrawlSurvivesKill9 starts in
// a child process and kills; on its own it does nothing.
func TestCrawlChildProcess(t *testing.T) {
	site, data := os.Getenv("INNOKYLA_CHILD_SITE"), os.Getenv("INNOKYLA_CHILD_DATA")
	if site == "" {
		t.Skip("helper process of TestCrawlSurvivesKill9")
	}
	code := Main(context.Background(), []string{"--data", data, "crawl", "--site", site, "--delay", "0", "--parallel", "2"},
		strings.NewReader(""), io.Discard, io.Discard)
	os.Exit(code)
}

// TestCrawlSurvivesKill9 kills a crawling process with SIGKILL half-way
// and runs the same crawl again: the corpus is intact, every model is
// stored once with one version, and only the pages in flight at the kill
// are fetched a second time.
func TestCrawlSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	corpus, dir := writeSnapshotSite(t, "a")
	var mu sync.Mutex
	gets := map[string]int{}
	modelPages := 0
	half := make(chan struct{})
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		gets[r.URL.Path]++
		if strings.HasPrefix(r.URL.Path, "/fi/toimintamalli/") {
			modelPages++
			if modelPages == len(corpus.Sources) {
				close(half)
			}
		}
		mu.Unlock()
		time.Sleep(2 * time.Millisecond)
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	data := filepath.Join(t.TempDir(), "data")
	child := exec.Command(os.Args[0], "-test.run=^TestCrawlChildProcess$")
	child.Env = append(os.Environ(), "INNOKYLA_CHILD_SITE="+srv.URL, "INNOKYLA_CHILD_DATA="+data)
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-half:
		child.Process.Kill() // SIGKILL: no cleanup runs
	case <-time.After(60 * time.Second):
		child.Process.Kill()
		t.Fatal("the child crawl did not get half-way")
	}
	child.Wait()

	c := &cli{t: t, data: data}
	code, _, stderr := c.run("crawl", "--site", srv.URL, "--delay", "0", "--parallel", "2")
	if code != 0 || !strings.Contains(stderr, "(resumed)") {
		t.Fatalf("crawl after kill: exit %d, %s", code, stderr)
	}
	f := &Factory{DataDir: data}
	defer f.Close()
	s, err := f.Store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := s.DB().QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: %q, %v", check, err)
	}
	if n, _ := s.Count(context.Background()); n != len(corpus.Sources) {
		t.Errorf("stored %d models; want %d", n, len(corpus.Sources))
	}
	again := 0
	for _, src := range corpus.Sources {
		if vs, err := s.Versions(context.Background(), src.Slug); err != nil || len(vs) != 1 {
			t.Errorf("%s: %d versions, %v", src.Slug, len(vs), err)
		}
		for _, p := range []string{sitegen.ModelPath(src.Slug), sitegen.PathPagePath(src.Slug)} {
			if gets[p] > 1 {
				again++
			}
		}
	}
	if again > 4 { // at most the pages in flight (--parallel 2) at the kill
		t.Errorf("%d model pages fetched again after the kill", again)
	}
	t.Logf("%d model pages fetched again after SIGKILL", again)
}
