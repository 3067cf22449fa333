package reports

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

var benchRegions = []string{
	"Itä-Uudenmaan hyvinvointialue", "Keski-Uudenmaan hyvinvointialue", "Länsi-Uudenmaan hyvinvointialue",
	"Vantaan ja Keravan hyvinvointialue", "Varsinais-Suomen hyvinvointialue", "Satakunnan hyvinvointialue",
	"Kanta-Hämeen hyvinvointialue", "Pirkanmaan hyvinvointialue", "Päijät-Hämeen hyvinvointialue",
	"Kymenlaakson hyvinvointialue", "Etelä-Karjalan hyvinvointialue", "Etelä-Savon hyvinvointialue",
	"Pohjois-Savon hyvinvointialue", "Pohjois-Karjalan hyvinvointialue", "Keski-Suomen hyvinvointialue",
	"Etelä-Pohjanmaan hyvinvointialue", "Pohjanmaan hyvinvointialue", "Keski-Pohjanmaan hyvinvointialue",
	"Pohjois-Pohjanmaan hyvinvointialue", "Kainuun hyvinvointialue", "Lapin hyvinvointialue",
	"Helsingin kaupunki", "Ahvenanmaa", "Valtakunnallinen", "",
}

var benchText = strings.Repeat("Asiakkaille tehtiin kysely kehittämisen alussa ja palautetta kerättiin kokeilun jälkeen. ", 8)

// synthModel builds model i afresh, the way decoding a stored record gives
// a new value each time: a few sections of text and a coding with 0-4
// methods, each with evidence. 30 % describe no participation.
func synthModel(rng *rand.Rand, i int) *model.Model {
	m := &model.Model{
		ID: fmt.Sprintf("synth-%07d", i), URL: fmt.Sprintf("https://innokyla.example/fi/toimintamalli/synth-%07d", i),
		Title: fmt.Sprintf("Synteettinen malli %d", i), Summary: benchText[:120],
		Region: benchRegions[rng.IntN(len(benchRegions))], Project: fmt.Sprintf("hanke-%d", rng.IntN(5000)),
		Created:   fmt.Sprintf("20%02d-%02d-%02d", 15+rng.IntN(11), 1+rng.IntN(12), 1+rng.IntN(28)),
		FetchedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Sections: []model.Section{
			{Page: model.PageMain, Heading: "Ratkaisun perusidea", Text: benchText},
			{Page: model.PagePath, Heading: "Oivalla ja ymmärrä", Text: benchText},
			{Page: model.PagePath, Heading: "Arviointi", Text: benchText},
		},
	}
	p := &model.Participation{Codebook: "bench"}
	m.Participation = p
	if rng.IntN(10) < 3 {
		return m
	}
	p.Described = true
	seen := map[string]bool{}
	for k := rng.IntN(4) + 1; k > 0; k-- {
		var phases []string
		for _, ph := range model.PhaseIDs {
			if rng.IntN(3) == 0 {
				phases = append(phases, ph)
				if !seen[ph] {
					seen[ph] = true
					p.Phases = append(p.Phases, ph)
				}
			}
		}
		p.Methods = append(p.Methods, model.Method{ID: model.MethodIDs[rng.IntN(len(model.MethodIDs))], Phases: phases,
			Evidence: []model.Evidence{{Page: model.PagePath, Section: "Oivalla ja ymmärrä", Text: benchText[:90], Start: 0, End: 90, Phases: phases}}})
	}
	return m
}

// peakHeap samples the live heap while models stream.
type peakHeap struct{ max uint64 }

func (p *peakHeap) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > p.max {
		p.max = ms.HeapInuse
	}
}

// benchReport streams n synthetic models through an Aggregator (by
// region and by project at once) and renders every format, reporting the
// peak heap in use.
func benchReport(b *testing.B, n int) {
	b.ReportAllocs()
	var peak peakHeap
	for b.Loop() {
		runtime.GC()
		rng := rand.New(rand.NewPCG(1, 2))
		byRegion, _ := NewAggregator(GroupByRegion)
		byProject, _ := NewAggregator(GroupByProject)
		audit, _ := NewAudit([]string{benchRegions[3]}, GroupByProject)
		for i := 0; i < n; i++ {
			m := synthModel(rng, i)
			byRegion.Add(m)
			byProject.Add(m)
			audit.Add(m)
			if i%50000 == 0 {
				peak.sample()
			}
		}
		for _, a := range []*Aggregator{byRegion, byProject} {
			r := &Report{Result: a.Result(), Lang: LangFI}
			for _, w := range []func(io.Writer, *Report) error{WriteMarkdown, WriteJSON, WriteCSV, WriteHTML} {
				if err := w(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		}
		if err := WriteAudit(io.Discard, audit.Result(), AuditMeta{}, LangFI); err != nil {
			b.Fatal(err)
		}
		peak.sample()
	}
	b.ReportMetric(float64(peak.max)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(n), "models")
}

func BenchmarkReport100k(b *testing.B) { benchReport(b, 100_000) }
func BenchmarkReport1M(b *testing.B)   { benchReport(b, 1_000_000) }

// BenchmarkAdd is the aggregation alone, per model.
func BenchmarkAdd(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	ms := make([]*model.Model, 1024)
	for i := range ms {
		ms[i] = synthModel(rng, i)
	}
	a, _ := NewAggregator(GroupByRegion)
	i := 0
	for b.Loop() {
		a.Add(ms[i%len(ms)])
		i++
	}
}
