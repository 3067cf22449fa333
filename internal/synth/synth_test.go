package synth

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/model"
)

func TestDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	if err := WriteJSONL(&a, 300, 5); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSONL(&b, 300, 5); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSONL(&c, 300, 6); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed gave different JSONL")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds gave the same JSONL")
	}
	if n := bytes.Count(a.Bytes(), []byte("\n")); n != 300 {
		t.Errorf("%d lines, want 300", n)
	}
	var t1, t2 bytes.Buffer
	WriteTruthCSV(&t1, 300, 5)
	WriteTruthCSV(&t2, 300, 5)
	if !bytes.Equal(t1.Bytes(), t2.Bytes()) || !strings.HasPrefix(t1.String(), "url,described,methods,phases\n") {
		t.Error("truth CSV not deterministic or lacks its header")
	}
}

func TestJSONLIsExportSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, 50, 1); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	for i := 0; dec.More(); i++ {
		var m model.Model
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if m.ID == "" || m.URL != sitegen.CanonicalURL(m.ID) || m.Title == "" || len(m.Sections) == 0 ||
			len(m.Created) != 10 || m.ContentSHA256 != m.Hash() || m.Participation != nil {
			t.Errorf("line %d: incomplete record %+v", i+1, m)
		}
		if m.RegionRaw != "" && m.Region == "" {
			t.Errorf("line %d: region %q not normalised", i+1, m.RegionRaw)
		}
	}
}

func TestUniqueText(t *testing.T) {
	g := New(42)
	texts := map[string]string{}
	ids := map[string]bool{}
	for i := 0; i < 1000; i++ {
		m, _ := g.Next()
		if prev, ok := texts[m.Text()]; ok {
			t.Fatalf("models %s and %s have the same text", prev, m.ID)
		}
		texts[m.Text()] = m.ID
		if ids[m.ID] {
			t.Fatalf("duplicate id %s", m.ID)
		}
		ids[m.ID] = true
	}
}

// expectedPhaseShare is the chance that a method's statements include
// phase p, given how drawPhases draws a first and maybe a second phase.
func expectedPhaseShare(cfg Config, method, p string) float64 {
	w := cfg.MethodPhases[method]
	sum := 0.0
	for _, k := range phaseKeys {
		sum += w[k]
	}
	share := w[p] / sum
	for _, q := range model.PhaseIDs {
		if q == p || w[q] == 0 {
			continue
		}
		rest := 0.0
		for _, k := range model.PhaseIDs {
			if k != q {
				rest += w[k]
			}
		}
		share += w[q] / sum * cfg.SecondPhase * w[p] / rest
	}
	return share
}

func TestSharesFollowConfig(t *testing.T) {
	const n = 6000
	cfg := DefaultConfig()
	g := New(9)
	described := 0
	methods := map[string]int{}
	phases := map[string]map[string]int{}
	for i := 0; i < n; i++ {
		_, tr := g.Next()
		if tr.Described {
			described++
		} else if len(tr.Methods) > 0 || len(tr.Phases) > 0 {
			t.Fatalf("model %d: undescribed with codes %+v", i, tr)
		}
		for _, m := range tr.Methods {
			methods[m.ID]++
			if phases[m.ID] == nil {
				phases[m.ID] = map[string]int{}
			}
			for _, p := range m.Phases {
				phases[m.ID][p]++
			}
		}
	}
	near := func(what string, got, want, tol float64) {
		if math.Abs(got-want) > tol {
			t.Errorf("%s: share %.3f, configured %.3f", what, got, want)
		}
	}
	near("described", float64(described)/n, cfg.Described, 0.02)
	for _, id := range model.MethodIDs {
		near(id, float64(methods[id])/n, cfg.Described*cfg.Methods[id], 0.02)
		for _, p := range model.PhaseIDs {
			if methods[id] < 150 {
				continue
			}
			near(id+"/"+p, float64(phases[id][p])/float64(methods[id]), expectedPhaseShare(cfg, id, p), 0.07)
		}
	}
}

func TestTrapsNeverNegateTruth(t *testing.T) {
	g := New(3)
	kinds := map[string]int{}
	for i := 0; i < 2000; i++ {
		s, tr := g.NextSource()
		text := s.Record().Title
		for _, sec := range s.Sections {
			text += "\n" + sec.Text
		}
		for _, k := range tr.Traps {
			kinds[k]++
		}
		negations := map[string]string{"survey": "Asiakaskyselyä ei", "experts_by_experience": "Kokemusasiantuntijoita ei ehditty",
			"feedback": "Asiakaspalautetta ei ole", "workshop": "ei järjestetty rajoitusten"}
		for _, m := range tr.Methods {
			if neg := negations[m.ID]; neg != "" && strings.Contains(text, neg) {
				t.Fatalf("%s: negates %s, which it uses", s.Slug, m.ID)
			}
		}
		if tr.Described && strings.Contains(text, "ei osallistettu") {
			t.Fatalf("%s: described model says clients were not involved", s.Slug)
		}
	}
	for _, k := range []string{"staff", "negated", "service"} {
		if kinds[k] < 50 {
			t.Errorf("only %d %s traps in 2000 models", kinds[k], k)
		}
	}
}

func TestWriteSite(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := WriteSite(a, 45, 11); err != nil {
		t.Fatal(err)
	}
	if err := WriteSite(b, 45, 11); err != nil {
		t.Fatal(err)
	}
	files := 0
	filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	g := New(11)
	for i := 0; i < 45; i++ {
		s, _ := g.NextSource()
		page, err := os.ReadFile(filepath.Join(a, "fi", "toimintamalli", s.Slug, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), `<link rel="canonical" href="`+sitegen.CanonicalURL(s.Slug)+`">`) {
			t.Errorf("%s: no canonical link", s.Slug)
		}
	}
	// 45 models: 90 model pages, 3 listing pages, sitemaps, robots, front page.
	if files < 90+3+3+1+1 {
		t.Errorf("only %d files", files)
	}
}

func TestStreamingMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 30,000 models")
	}
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	g := New(1)
	for i := 0; i < 2000; i++ {
		g.Next()
	}
	before := heap()
	for i := 0; i < 28000; i++ {
		g.Next()
	}
	if after := heap(); after > before+1<<20 {
		t.Errorf("heap grew from %d to %d bytes over 28,000 models", before, after)
	}
}

func BenchmarkNext(b *testing.B) {
	g := New(1)
	for b.Loop() {
		g.Next()
	}
}

func BenchmarkWriteJSONL(b *testing.B) {
	var n int64
	for b.Loop() {
		cw := &countWriter{}
		if err := WriteJSONL(cw, 1000, 1); err != nil {
			b.Fatal(err)
		}
		n = cw.n
	}
	b.SetBytes(n)
	b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N*1000)*1e6, "µs/model")
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

func TestSourcesFollowSitegenRules(t *testing.T) {
	g := New(4)
	for i := 0; i < 500; i++ {
		s, tr := g.NextSource()
		seen := map[string]bool{}
		for _, sec := range s.Sections {
			if !sitegen.Headings[sec.Page][sec.Heading] || seen[sec.Page+sec.Heading] {
				t.Errorf("%s: bad or repeated heading %q on page %q", s.Slug, sec.Heading, sec.Page)
			}
			seen[sec.Page+sec.Heading] = true
		}
		for _, id := range s.Gold.Methods {
			if !model.IsMethod(id) {
				t.Errorf("%s: method %q", s.Slug, id)
			}
		}
		if s.Gold.Described != tr.Described || len(s.Gold.Phases) != len(tr.Phases) {
			t.Errorf("%s: gold block differs from truth", s.Slug)
		}
	}
}

// BenchmarkWriteSite renders 1,000 models (2,000 model pages) per op.
func BenchmarkWriteSite(b *testing.B) {
	for b.Loop() {
		if err := WriteSite(b.TempDir(), 1000, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "pages/s")
}
