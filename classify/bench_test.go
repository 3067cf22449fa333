package classify

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

// benchCorpus is every gold passage and, when generated, every snapshot
// model: Finnish text written for this project. With snapshotOnly it is
// the snapshot's full-length models alone.
func benchCorpus(b *testing.B, snapshotOnly bool) ([]*model.Model, int64) {
	var ms []*model.Model
	files := []string{"tune.yaml", "test.yaml"}
	if snapshotOnly {
		files = nil
	}
	for _, file := range files {
		f, err := os.Open(filepath.Join("..", "testdata", "gold", file))
		if err != nil {
			b.Fatal(err)
		}
		ps, err := LoadPassages(f, file)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range ps {
			ms = append(ms, p.Model("https://gold.example"))
		}
	}
	if _, err := os.Stat(filepath.Join("..", "testdata", "snapshot-gold.csv")); err == nil {
		snap, _ := loadSnapshot(b)
		ms = append(ms, snap...)
	}
	if len(ms) == 0 {
		b.Skip("no snapshot models")
	}
	var n int64
	for _, m := range ms {
		n += int64(len(m.Summary))
		for _, s := range m.Sections {
			n += int64(len(s.Text))
		}
	}
	return ms, n
}

// cpuTime is the CPU time this process has used. On a shared machine
// wall-clock MB/s understates the speed; MB per CPU-second does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkClassify reports MB/s of Finnish text and models/s on one core,
// by the wall clock and per CPU-second, over full-length snapshot models.
func BenchmarkClassify(b *testing.B) { benchClassify(b, true) }

// BenchmarkClassifyPassages is the same over the short gold passages, where
// per-model overhead weighs more.
func BenchmarkClassifyPassages(b *testing.B) { benchClassify(b, false) }

func benchClassify(b *testing.B, snapshotOnly bool) {
	ms, n := benchCorpus(b, snapshotOnly)
	c := New(Default())
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, m := range ms {
			c.Classify(m)
		}
	}
	cpu := (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(b.N*len(ms))/b.Elapsed().Seconds(), "models/s")
	if cpu > 0 {
		b.ReportMetric(float64(int64(b.N)*n)/1e6/cpu, "MB/cpu-s")
		b.ReportMetric(float64(b.N*len(ms))/cpu, "models/cpu-s")
	}
}

// BenchmarkClassifyParallel is the same on every core.
func BenchmarkClassifyParallel(b *testing.B) {
	ms, n := benchCorpus(b, true)
	c := New(Default())
	b.SetBytes(n)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, m := range ms {
				c.Classify(m)
			}
		}
	})
}

// BenchmarkBaseline is the naive substring coder, for comparison.
func BenchmarkBaseline(b *testing.B) {
	ms, n := benchCorpus(b, true)
	c := New(Default())
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, m := range ms {
			c.Baseline(m)
		}
	}
}

func BenchmarkNew(b *testing.B) {
	cb := Default()
	for i := 0; i < b.N; i++ {
		New(cb)
	}
}
