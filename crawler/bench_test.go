package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/synth"
	"github.com/innokyla/innokyla/model"
)

// lightFrontier keeps only what a crawl needs from its frontier (each
// target's URL and lastmod, about 100 bytes a model) and counts commits,
// so the benchmark measures the crawler, not a store.
type lightFrontier struct {
	mu      sync.Mutex
	lastmod map[string]string
	urls    []string // sorted, once discovery is done
	stored  atomic.Int64
}

func newLightFrontier() *lightFrontier {
	return &lightFrontier{lastmod: map[string]string{}}
}

func (f *lightFrontier) BeginCrawl(context.Context, string, time.Time) (model.CrawlRun, error) {
	return model.CrawlRun{ID: 1}, nil
}

func (f *lightFrontier) EndCrawl(context.Context, int64, time.Time, string) error { return nil }

func (f *lightFrontier) MarkCrawlDiscovered(context.Context, int64) error { return nil }

func (f *lightFrontier) AddCrawlTargets(_ context.Context, _ int64, _ string, ts []model.CrawlTarget) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range ts {
		if f.lastmod[t.URL] == "" {
			f.lastmod[t.URL] = t.Lastmod
		}
	}
	f.urls = nil
	return nil
}

func (f *lightFrontier) CountCrawlTargets(context.Context, int64, string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.lastmod), nil
}

func (f *lightFrontier) CrawlTargets(_ context.Context, _ int64, _, after string, limit int) ([]model.CrawlTarget, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.urls == nil {
		for u := range f.lastmod {
			f.urls = append(f.urls, u)
		}
		sort.Strings(f.urls)
	}
	i := sort.SearchStrings(f.urls, after)
	if i < len(f.urls) && f.urls[i] == after {
		i++
	}
	var out []model.CrawlTarget
	for ; i < len(f.urls) && len(out) < limit; i++ {
		out = append(out, model.CrawlTarget{URL: f.urls[i], Lastmod: f.lastmod[f.urls[i]]})
	}
	return out, nil
}

func (f *lightFrontier) CommitCrawls(_ context.Context, _ string, cs []model.CrawlCommit) ([]model.CrawlOutcome, error) {
	outs := make([]model.CrawlOutcome, len(cs))
	for i, c := range cs {
		if c.Model != nil {
			f.stored.Add(1)
		}
		outs[i] = model.CrawlNew
	}
	return outs, nil
}

func (f *lightFrontier) SaveCrawlPartial(context.Context, int64, string, string, model.CrawlPartial) error {
	return nil
}

func (f *lightFrontier) FailCrawl(context.Context, int64, string, string, string, string, time.Time) error {
	return nil
}

// peakHeap samples the in-use heap (objects plus unused heap spans, as
// MemStats.HeapInuse) every few milliseconds until stop.
func peakHeap(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		// runtime/metrics does not stop the world as ReadMemStats does.
		samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(samples)
			peak = max(peak, samples[0].Value.Uint64()+samples[1].Value.Uint64())
			select {
			case <-stop:
				out <- peak
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// BenchmarkCrawl crawls a synthetic loopback site of 2 pages per model
// (the 5000-model site is the 10,000-page fixture) with --delay 0
// --parallel 8, and reports pages/s, CPU time per page and the peak in-use
// heap, which should not grow with the site beyond the test frontier's
// own ~100 bytes a model.
func BenchmarkCrawl(b *testing.B) {
	root := b.TempDir() // outlives the sub-benchmarks' repeated runs
	for _, n := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
			dir := filepath.Join(root, fmt.Sprint(n))
			if _, err := os.Stat(dir); err != nil {
				if err := synth.WriteSite(dir, n, 1); err != nil {
					b.Fatal(err)
				}
			}
			srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
			defer srv.Close()
			var pages int
			var peak uint64
			b.ResetTimer()
			start, cpu0 := time.Now(), cpuTime()
			for range b.N {
				runtime.GC()
				stop := make(chan struct{})
				heap := peakHeap(stop)
				front := newLightFrontier()
				opts := Options{Site: srv.URL, Delay: 0, Parallel: 8, UserAgent: "innokyla-bench"}
				c, err := New(opts, front)
				if err != nil {
					b.Fatal(err)
				}
				sum, err := c.Run(context.Background())
				close(stop)
				peak = max(peak, <-heap)
				if err != nil || int(front.stored.Load()) != n {
					b.Fatalf("stored %d of %d: %v", front.stored.Load(), n, err)
				}
				pages += sum.Fetched
			}
			secs := time.Since(start).Seconds()
			b.ReportMetric(float64(pages)/secs, "pages/s")
			// CPU time per page (crawler and the loopback server) does not
			// depend on what else runs on the machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(pages), "cpu-µs/page")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}
