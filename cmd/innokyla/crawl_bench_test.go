package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/synth"
)

// BenchmarkCrawlIntoStore crawls a 1000-model synthetic loopback site
// (2000 model pages) into a real SQLite corpus with --delay 0
// --parallel 8: the crawler benchmark plus the store's writes.
func BenchmarkCrawlIntoStore(b *testing.B) {
	const models = 1000
	defer tuneMemory("crawl", os.Getenv)() // as the command runs
	dir := b.TempDir()
	if err := synth.WriteSite(dir, models, 1); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	pages := 0
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		f := &Factory{DataDir: filepath.Join(b.TempDir(), "data"), Out: io.Discard, Err: io.Discard,
			Now: time.Now, Version: "bench"}
		opts := &CrawlOptions{F: f, Site: srv.URL, Delay: 0, Parallel: 8, JSON: true}
		if err := runCrawl(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
		s, _ := f.Store(context.Background())
		if n, _ := s.Count(context.Background()); n != models {
			b.Fatalf("stored %d of %d", n, models)
		}
		f.Close()
		pages += 2 * models
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "model-pages/s")
}
