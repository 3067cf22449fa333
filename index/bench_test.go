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
		m, t := g.Next()
		p := &model.Participation{Codebook: "synth", Described: t.Described, Phases: t.Phases}
		for _, mt := range t.Methods {
			p.Methods = append(p.Methods, model.Method{ID: mt.ID, Phases: mt.Phases})
		}
		m.Participation = p
		m.Version = 1
		out[i] = m
	}
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
func build(b *testing.B, path string, ms []*model.Model) {
	ix, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), each(ms)); err != nil {
		b.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkIndexBuild builds an index of the synthetic models from nothing
// (open, sync, close) and reports models per second and the size on disk.
func BenchmarkIndexBuild(b *testing.B) {
	ms := synthModels(benchModels(b))
	// As 'innokyla index' does (cmd/innokyla/index.go).
	defer debug.SetGCPercent(debug.SetGCPercent(300))
	b.Run(fmt.Sprintf("models=%d", len(ms)), func(b *testing.B) {
		var size int64
		cpu0 := cpuTime()
		for i := 0; i < b.N; i++ {
			path := filepath.Join(b.TempDir(), "index")
			build(b, path, ms)
			b.StopTimer()
			size = dirSize(b, path)
			os.RemoveAll(path)
			b.StartTimer()
		}
		cpu := cpuTime() - cpu0
		b.ReportMetric(float64(len(ms)*b.N)/b.Elapsed().Seconds(), "models/s")
		// CPU time per model: the machine's other load does not change it.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(ms)*b.N), "cpu-ms/model")
		b.ReportMetric(float64(size)/(1<<20), "MB")
		b.ReportMetric(float64(size)/float64(len(ms)), "bytes/model")
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
