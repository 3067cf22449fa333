package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/web"
)

// BenchmarkServeQueries runs the bench queries through serve's handler on
// the index at $INNOKYLA_BENCH_SERVE_INDEX (a bench run's
// WORK/N/data/index), opened as serve opens it (index.OpenLive, facets
// loaded), without the HTTP client and network of scripts/bench, so that
// -cpuprofile shows where a search's time goes. It reports the p50 and
// p95 of single queries and, with -v, each query's mean time and hits.
//
//	INNOKYLA_BENCH_SERVE_INDEX=/work/bench/1m/1000000/data/index \
//	  go test -run '^$' -bench ServeQueries -benchtime 5x -cpuprofile cpu.out ./internal/benchrun
func BenchmarkServeQueries(b *testing.B) {
	path := os.Getenv("INNOKYLA_BENCH_SERVE_INDEX")
	if path == "" {
		b.Skip("set INNOKYLA_BENCH_SERVE_INDEX to an index built by scripts/bench --keep")
	}
	ix, err := index.OpenLive(path, index.Options{}, func(err error) { b.Fatal(err) })
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	h := web.NewHandler(ix, nil)
	get := func(params string) web.SearchResponse {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?"+params, nil))
		var body web.SearchResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != 200 {
			b.Fatalf("%s: status %d, %v", params, rec.Code, err)
		}
		return body
	}
	hits := make([]uint64, len(benchQueries))
	for k, q := range benchQueries { // warms caches, as the bench's first round
		hits[k] = get(q.params).Total
	}
	var lat []time.Duration
	per := make([]time.Duration, len(benchQueries))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, q := range benchQueries {
			start := time.Now()
			get(q.params)
			d := time.Since(start)
			lat = append(lat, d)
			per[k] += d
		}
	}
	b.StopTimer()
	if testing.Verbose() {
		for k, q := range benchQueries {
			b.Logf("%8.2f ms %8d hits  %s", ms(per[k])/float64(b.N), hits[k], q.params)
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
