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
	"sync/atomic"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/synth"
)

// lightFrontier keeps only what a crawl needs from its frontier and counts
// commits, so the benchmark measures the crawler, not a store.
type lightFrontier struct {
	*memFrontier
	stored atomic.Int64
}

func (f *lightFrontier) Commit(_ context.Context, _ string, c Commit) (Outcome, error) {
	if c.Model != nil {
		f.stored.Add(1)
	}
	return OutcomeNew, nil
}

func (f *lightFrontier) SavePartial(context.Context, int64, string, string, Partial) error {
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
// --parallel 8, and reports pages/s and the peak in-use heap.
func BenchmarkCrawl(b *testing.B) {
	root := b.TempDir() // outlives the sub-benchmarks' repeated runs
	for _, n := range []int{1000, 5000} {
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
				front := &lightFrontier{memFrontier: newMemFrontier()}
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
