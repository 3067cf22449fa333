package index

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/synth"
	"github.com/innokyla/innokyla/model"
)

// benchModels is how many synthetic models the benchmarks index:
// $INNOKYLA_BENCH_MODELS, 100,000 by default.
func benchModels(b *testing.B) int {
	if s := os.Getenv("INNOKYLA_BENCH_MODELS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("INNOKYLA_BENCH_MODELS=%q: want a positive number", s)
		}
		return n
	}
	return 100000
}

// synthModels draws n models from the synthetic generator, coded with
// their true coding so the facets have values.
func synthModels(n int) []*model.Model {
	g := synth.New(1)
	out := make([]*model.Model, n)
	for i := range out {
		out[i] = synthModel(g)
	}
	return out
}

// synthModel draws the next model of g, coded with its true coding.
func synthModel(g *synth.Gen) *model.Model {
	m, t := g.Next()
	p := &model.Participation{Codebook: "synth", Described: t.Described, Phases: t.Phases}
	for _, mt := range t.Methods {
		p.Methods = append(p.Methods, model.Method{ID: mt.ID, Phases: mt.Phases})
	}
	m.Participation = p
	m.Version = 1
	return m
}

// synthEach yields the n models synthModels(n) holds, drawing each when it
// is asked for, so that memory is the index's and not the test's.
func synthEach(n int) Each {
	return func(yield func(*model.Model) error) error {
		g := synth.New(1)
		for i := 0; i < n; i++ {
			if err := yield(synthModel(g)); err != nil {
				return err
			}
		}
		return nil
	}
}

// procStatus returns a line of /proc/self/status in MB ("VmHWM", "RssAnon",
// ...), 0 where there is none.
func procStatus(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == key+":" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// peakAnon samples the process's anonymous resident memory (its heap and
// stacks, not the index files it maps) until stop is closed, and sends
// the most it saw.
func peakAnon(stop <-chan struct{}) <-chan float64 {
	out := make(chan float64, 1)
	go func() {
		most := 0.0
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			most = max(most, procStatus("RssAnon"))
			select {
			case <-stop:
				out <- most
				return
			case <-t.C:
			}
		}
	}()
	return out
}

func dirSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// build indexes ms into a new index at path and closes it.
func build(b *testing.B, path string, ms []*model.Model) { buildEach(b, path, each(ms)) }

// buildEach indexes what models yields into a new index at path and
// closes it.
func buildEach(b *testing.B, path string, models Each) {
	ix, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), models); err != nil {
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkIndexBuild builds an index of the synthetic models from nothing
// (open, sync, close) and reports models per second, CPU time per model,
// the size on disk and the peak resident memory of the process.
//
// Each model is drawn when Sync asks for it, as 'innokyla index' reads
// them from the store, so the memory is the index's at any number of
// models (held in a slice, the models would also count against the soft
// memory limit). The time includes drawing them; synth-cpu-ms/model is
// what drawing alone costs, measured on a sample before the clock starts.
func BenchmarkIndexBuild(b *testing.B) {
	n := benchModels(b)
	models := synthEach(n)
	// As 'innokyla index' does (cmd/innokyla/index.go).
	defer debug.SetGCPercent(debug.SetGCPercent(300))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(160 << 20))
	sample := min(n, 20000)
	cpu0 := cpuTime()
	if err := synthEach(sample)(func(*model.Model) error { return nil }); err != nil {
		b.Fatal(err)
	}
	synthCPU := float64((cpuTime() - cpu0).Microseconds()) / 1000 / float64(sample)
	b.Run(fmt.Sprintf("models=%d", n), func(b *testing.B) {
		var size int64
		stop := make(chan struct{})
		anon := peakAnon(stop)
		cpu0 := cpuTime()
		for i := 0; i < b.N; i++ {
			path := filepath.Join(b.TempDir(), "index")
			buildEach(b, path, models)
			b.StopTimer()
			size = dirSize(b, path)
			os.RemoveAll(path)
			b.StartTimer()
		}
		cpu := cpuTime() - cpu0
		close(stop)
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "models/s")
		// CPU time per model: the machine's other load does not change it.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n*b.N), "cpu-ms/model")
		b.ReportMetric(synthCPU, "synth-cpu-ms/model")
		b.ReportMetric(float64(size)/(1<<20), "MB")
		b.ReportMetric(float64(size)/float64(n), "bytes/model")
		// The peak resident memory counts the pages of the index files that
		// scorch maps and merges read (the kernel's to reclaim); the peak
		// of the anonymous part is the build's own memory.
		b.ReportMetric(procStatus("VmHWM"), "peak-RSS-MB")
		b.ReportMetric(<-anon, "peak-anon-MB")
	})
}

// benchQueries are the fixed searches of BenchmarkSearch: words, compounds,
// phrases, must/not, fields and filters. Every one finds models in the
// synthetic corpus (whose vocabulary lacks some common words, such as
// "osallisuus" and "mielenterveys" on their own).
var benchQueries = []Request{
	{Query: "kokemusasiantuntija"},
	{Query: "työpaja"},
	{Query: "kysely"},
	{Query: "raati"},
	{Query: "kokemusasiantuntija mielenterveys"},
	{Query: "asiakaspalaute"},
	{Query: `"asiakkaiden kanssa"`},
	{Query: "+perhe -nuoret"},
	{Query: "haastattelu", Regions: []string{"Pirkanmaan hyvinvointialue"}},
	{Query: "kotihoito", Methods: []string{"survey"}},
	{Query: "palvelu", Phases: []string{model.Planning}},
	{Query: "ikäihmiset yksinäisyys"},
	{Query: "title:kotihoito"},
	{Query: "lapsiperheet neuvola"},
	{Query: "method:workshop"},
	{Query: "", Regions: []string{"Lapin hyvinvointialue"}},
	{Query: "päihde*"},
	{Query: "yhteiskehittäminen", Described: ptr(true)},
	{Query: "digitaalinen palvelu", Stages: []string{"Valmis"}},
	{Query: "toimintamalli"},
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ptr[T any](v T) *T { return &v }

// BenchmarkSearch runs the 20 queries, each with all facets and snippets,
// against an index of the synthetic models and reports the p50 and p95
// latency of single queries.
func BenchmarkSearch(b *testing.B) {
	n := benchModels(b)
	path := filepath.Join(b.TempDir(), "index")
	// $INNOKYLA_BENCH_INDEX keeps the built index between runs.
	if keep := os.Getenv("INNOKYLA_BENCH_INDEX"); keep != "" {
		path = keep
	}
	if _, err := os.Stat(path); err != nil {
		build(b, path, synthModels(n))
	}
	ix, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if c, _ := ix.Count(); c != n {
		b.Fatalf("index at %s holds %d models, want %d", path, c, n)
	}
	// One pass per query as 'innokyla search' runs it, then with the facets
	// loaded and the search in parts on all cores, as 'innokyla serve' does.
	for _, mode := range []string{"one-pass", "loaded"} {
		if mode == "loaded" {
			start := time.Now()
			if err := ix.LoadFacets(); err != nil {
				b.Fatal(err)
			}
			b.Logf("facets of %d models loaded in %s", n, time.Since(start).Round(time.Millisecond))
		}
		b.Run(fmt.Sprintf("models=%d/queries=%d/%s", n, len(benchQueries), mode), func(b *testing.B) {
			benchSearch(b, ix)
		})
	}
}

func benchSearch(b *testing.B, ix *Index) {
	ctx := context.Background()
	var lat []time.Duration
	perQuery := make([]time.Duration, len(benchQueries))
	var hits uint64
	for i := 0; i < b.N; i++ {
		for k, q := range benchQueries {
			start := time.Now()
			res, err := ix.Search(ctx, q)
			if err != nil {
				b.Fatalf("%+v: %v", q, err)
			}
			d := time.Since(start)
			lat = append(lat, d)
			perQuery[k] += d
			hits += res.Total
		}
	}
	if hits == 0 {
		b.Fatal("no query found anything")
	}
	if testing.Verbose() {
		for k, q := range benchQueries {
			b.Logf("%8.2f ms  %+v", float64(perQuery[k].Microseconds())/1000/float64(b.N), q)
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(float64(hits)/float64(b.N*len(benchQueries)), "hits/query")
}
