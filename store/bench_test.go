package store

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// fill stores n small synthetic models in batches of 1000.
func fill(b *testing.B, s *Store, n int) {
	ctx := context.Background()
	batch := make([]*model.Model, 0, 1000)
	for i := 0; i < n; i++ {
		m := sample(fmt.Sprintf("m%07d", i), "Pirkanmaan hyvinvointialue", "2021-01-01")
		m.Sections[0].Text = fmt.Sprintf("Asiakkaat vastasivat kyselyyn %d. Palautetta kerättiin kokeilun jälkeen.", i)
		m.Participation = &model.Participation{Codebook: "bench", Described: true,
			Methods: []model.Method{{ID: "survey", Phases: []string{model.Ideation}}}, Phases: []string{model.Ideation}}
		batch = append(batch, m)
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := s.PutAll(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
}

func BenchmarkPutAll(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "corpus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	fill(b, s, b.N)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "models/s")
}

// BenchmarkEach streams 100,000 stored models and reports the heap in use
// at the end, to show that reading does not hold the corpus.
func BenchmarkEach100k(b *testing.B) { benchEach(b, Query{}) }

// BenchmarkEach100kNoSections is the read the reports make.
func BenchmarkEach100kNoSections(b *testing.B) { benchEach(b, Query{NoSections: true}) }

func benchEach(b *testing.B, q Query) {
	const n = 100_000
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "corpus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fill(b, s, n)
	runtime.GC()
	b.ResetTimer()
	var peak uint64
	for i := 0; i < b.N; i++ {
		count := 0
		err := s.Each(context.Background(), q, func(m *model.Model) error {
			count++
			if count%10000 == 0 {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
			return nil
		})
		if err != nil || count != n {
			b.Fatalf("each: %d models, %v", count, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "models/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
