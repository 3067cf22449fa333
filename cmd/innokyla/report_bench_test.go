package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// benchStore fills a store with n synthetic coded models (about 1.5 kB of
// text each, 25 regions, 5000 projects) and returns its data directory.
func benchStore(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	regions := []string{"Vantaan ja Keravan hyvinvointialue", "Pirkanmaan hyvinvointialue", "Helsingin kaupunki",
		"Lapin hyvinvointialue", "Kainuun hyvinvointialue", ""}
	text := strings.Repeat("Asiakkaille tehtiin kysely kehittämisen alussa ja palautetta kerättiin kokeilun jälkeen. ", 6)
	batch := make([]*model.Model, 0, 2000)
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("m%07d", i)
		m := &model.Model{ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: "Malli " + id,
			Region: regions[i%len(regions)], Project: "hanke-" + strconv.Itoa(i%5000),
			Created: fmt.Sprintf("20%02d-%02d-01", 15+i%11, 1+i%12), FetchedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
			Sections: []model.Section{{Page: model.PageMain, Heading: "Ratkaisun perusidea", Text: text},
				{Page: model.PagePath, Heading: "Arviointi", Text: text}}}
		p := &model.Participation{Codebook: "bench", Described: i%3 != 0}
		if p.Described {
			ph := model.PhaseIDs[i%4]
			p.Methods = []model.Method{{ID: model.MethodIDs[i%10], Phases: []string{ph},
				Evidence: []model.Evidence{{Page: model.PagePath, Section: "Arviointi", Text: text[:90], Phases: []string{ph}}}}}
			p.Phases = []string{ph}
		}
		m.Participation = p
		batch = append(batch, m)
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := s.PutAll(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return dir
}

// benchRunReport measures the whole report command over a stored corpus:
// streaming from SQLite, aggregating, rendering markdown. Peak heap is
// sampled while it runs.
func benchRunReport(b *testing.B, n int, format, groupBy string) {
	if testing.Short() {
		b.Skip("fills a large store")
	}
	dir := benchStore(b, n)
	runtime.GC()
	// Reset the resident-set high-water mark (Linux), so peak-rss-MB is
	// the report's and not the fill's; SQLite's memory is outside the Go heap.
	rssReset := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak {
				peak = ms.HeapInuse
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		f := &Factory{DataDir: dir, Out: io.Discard, Err: io.Discard, Now: time.Now, Version: "bench"}
		err := runReport(context.Background(), &ReportOptions{F: f, Format: format, GroupBy: groupBy, Lang: "fi"})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	cpu := cpuTime() - cpu0
	close(stop)
	<-done
	// CPU seconds per report: comparable when the machine is shared.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	if kb := vmHWM(); rssReset && kb > 0 {
		b.ReportMetric(float64(kb)/1024, "peak-rss-MB")
	}
	if st, err := os.Stat(filepath.Join(dir, "corpus.db")); err == nil {
		b.ReportMetric(float64(st.Size())/(1<<20), "db-MB")
	}
}

func BenchmarkReportStore100k(b *testing.B)        { benchRunReport(b, 100_000, "md", "region") }
func BenchmarkReportStore100kProject(b *testing.B) { benchRunReport(b, 100_000, "html", "project") }
func BenchmarkReportStore1M(b *testing.B)          { benchRunReport(b, 1_000_000, "md", "region") }

// vmHWM is the process's peak resident set in kB, 0 when unknown.
func vmHWM() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb
		}
	}
	return 0
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
