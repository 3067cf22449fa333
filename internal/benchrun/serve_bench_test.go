package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/web"
)

// BenchmarkServeQueries runs the bench queries through serve's handler on
// the index at $INNOKYLA_BENCH_SERVE_INDEX (a bench run's
// WORK/N/data/index), opened as serve opens it (index.OpenLive, facets
// loaded), without the HTTP client and network of scripts/bench, so that
// -cpuprofile shows where a search's time goes.
//
// Each query runs twice in turn, paired on the same machine load: as serve
// runs it (the rank bound, index.DefaultRankBound, or
// $INNOKYLA_BENCH_RANK_BOUND) and ranking every hit (RankBound -1, the
// search before the bound). It reports the p50 and p95 of single queries
// and the CPU time per query of both, the share of the first page's hits
// that the bound keeps, and with -v each query's figures.
// $INNOKYLA_BENCH_QUERY runs one of the queries (its parameters) alone,
// $INNOKYLA_BENCH_UNPAIRED=1 the bound alone (the first round still compares).
//
//	INNOKYLA_BENCH_SERVE_INDEX=/work/bench/1m/1000000/data/index \
//	  go test -run '^$' -bench ServeQueries -benchtime 5x -v ./internal/benchrun
func BenchmarkServeQueries(b *testing.B) {
	path := os.Getenv("INNOKYLA_BENCH_SERVE_INDEX")
	if path == "" {
		b.Skip("set INNOKYLA_BENCH_SERVE_INDEX to an index built by scripts/bench --keep")
	}
	bound := 0
	if s := os.Getenv("INNOKYLA_BENCH_RANK_BOUND"); s != "" {
		if err := json.Unmarshal([]byte(s), &bound); err != nil {
			b.Fatalf("INNOKYLA_BENCH_RANK_BOUND=%q: %v", s, err)
		}
	}
	queries := benchQueries
	if only := os.Getenv("INNOKYLA_BENCH_QUERY"); only != "" { // one query, to profile it
		queries = nil
		for _, q := range benchQueries {
			if q.params == only {
				queries = append(queries, q)
			}
		}
		if len(queries) == 0 {
			b.Fatalf("INNOKYLA_BENCH_QUERY=%q is none of the bench queries' parameters", only)
		}
	}
	modes := []struct {
		name string
		o    index.Options
	}{{"bound", index.Options{RankBound: bound}}, {"all", index.Options{RankBound: -1}}}
	if os.Getenv("INNOKYLA_BENCH_UNPAIRED") != "" { // the bound alone, to profile it
		modes = modes[:1]
	}
	hs := make([]http.Handler, len(modes))
	for i, m := range modes {
		ix, err := index.OpenLive(path, m.o, func(err error) { b.Fatal(err) })
		if err != nil {
			b.Fatal(err)
		}
		defer ix.Close()
		hs[i] = web.NewHandler(ix, nil)
	}
	get := func(h http.Handler, params string) web.SearchResponse {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?"+params, nil))
		var body web.SearchResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 200 {
			b.Fatalf("%s: status %d, %v", params, rec.Code, err)
		}
		return body
	}
	// The first round warms caches, as the bench's does, and compares.
	type stat struct {
		total, ranked uint64
		same, shown   int // first-page hits that ranking all shows too
		wall, cpu     [2]time.Duration
	}
	st := make([]stat, len(queries))
	for k, q := range queries {
		res, all := get(hs[0], q.params), get(hs[len(hs)-1], q.params)
		if res.Total != all.Total {
			b.Fatalf("%s: %d hits, ranking all %d", q.params, res.Total, all.Total)
		}
		st[k].total, st[k].ranked, st[k].shown = res.Total, res.Ranked, len(res.Hits)
		ids := map[string]bool{}
		for _, h := range all.Hits {
			ids[h.ID] = true
		}
		for _, h := range res.Hits {
			if ids[h.ID] {
				st[k].same++
			}
		}
	}
	lat := make([][]time.Duration, len(modes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, q := range queries {
			for m, h := range hs {
				start, cpu := time.Now(), cpuTime()
				get(h, q.params)
				d := time.Since(start)
				st[k].cpu[m] += cpuTime() - cpu
				st[k].wall[m] += d
				lat[m] = append(lat[m], d)
			}
		}
	}
	b.StopTimer()
	var same, shown int
	cpu := make([]time.Duration, len(modes))
	for k, q := range queries {
		same, shown = same+st[k].same, shown+st[k].shown
		for m := range modes {
			cpu[m] += st[k].cpu[m]
		}
		if testing.Verbose() {
			n := float64(b.N)
			b.Logf("%7d hits %7d ranked %2d/%2d kept | bound %6.2f ms %6.2f cpu-ms | all %6.2f ms %6.2f cpu-ms | %s",
				st[k].total, st[k].ranked, st[k].same, st[k].shown, ms(st[k].wall[0])/n, ms(st[k].cpu[0])/n,
				ms(st[k].wall[1])/n, ms(st[k].cpu[1])/n, q.params)
		}
	}
	for m, mode := range modes {
		l := lat[m]
		sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
		b.ReportMetric(ms(l[len(l)/2]), mode.name+"-p50-ms")
		b.ReportMetric(ms(l[len(l)*95/100]), mode.name+"-p95-ms")
		// CPU time does not grow with the load of other work on the machine.
		b.ReportMetric(ms(cpu[m])/float64(len(l)), mode.name+"-cpu-ms/query")
	}
	b.ReportMetric(float64(same)/float64(max(shown, 1)), "first-page-kept")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
