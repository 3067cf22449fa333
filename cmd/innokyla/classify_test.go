package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// testModels are three small models: one with a client survey and feedback,
// one with only a staff survey, one with experts by experience.
func testModels() []*model.Model {
	mk := func(id, title string, secs ...model.Section) *model.Model {
		return &model.Model{ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: title,
			Region: "Pirkanmaan hyvinvointialue", Created: "2022-03-01", Sections: secs}
	}
	return []*model.Model{
		mk("kotihoidon-iltakaynnit", "Kotihoidon iltakäynnit",
			model.Section{Page: model.PagePath, Heading: "Oivalla ja ymmärrä",
				Text: "Kotihoidon asiakkaille tehtiin kysely iltakäyntien tarpeesta.\n\nKyselyyn vastasi 64 asiakasta."},
			model.Section{Page: model.PagePath, Heading: "Arviointi",
				Text: "Kokeilun jälkeen asiakkailta kerättiin palautetta puhelimitse."}),
		mk("kirjaamisen-malli", "Kirjaamisen malli",
			model.Section{Page: model.PageMain, Heading: "Kehittämistyön vaiheet",
				Text: "Henkilöstökyselyn perusteella kirjaamista kevennettiin. Asiakkaita ei osallistettu."}),
		mk("mielenterveyden-chat", "Mielenterveyden chat",
			model.Section{Page: model.PageMain, Heading: "Kehittämistyön vaiheet",
				Text: "Kokemusasiantuntijat suunnittelivat chatin ohjeet yhdessä hanketyöntekijöiden kanssa."}),
	}
}

// seedStore puts models in the CLI's data directory.
func seedStore(t testing.TB, data string, ms []*model.Model) {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(data, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutAll(context.Background(), ms); err != nil {
		t.Fatal(err)
	}
}

func getModel(t *testing.T, data, ref string) *model.Model {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(data, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.Get(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestClassifyFlags(t *testing.T) {
	var got *ClassifyOptions
	cmd := NewCmdClassify(&Factory{}, func(_ context.Context, o *ClassifyOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--codebook", "cb.yaml", "--url", "a", "--url", "b", "--batch", "7"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.CodebookPath != "cb.yaml" || strings.Join(got.URLs, ",") != "a,b" || got.BatchSize != 7 {
		t.Errorf("%+v", got)
	}
}

func TestClassifyCodesAndStores(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	code, out, stderr := c.run("classify", "--batch", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Coded 3 models with codebook innokyla-codebook-", "Described client involvement: 2 (67 %); not described: 1",
		"Kysely (Survey)", "Kokemusasiantuntijat (Experts by experience)", "Ideointi (Ideation)"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	m := getModel(t, c.data, "kotihoidon-iltakaynnit")
	p := m.Participation
	if p == nil || !p.Described || len(p.Methods) != 2 || p.Methods[0].ID != "survey" || p.Methods[1].ID != "feedback" ||
		strings.Join(p.Phases, ",") != "ideation,piloting_evaluation" {
		t.Fatalf("stored coding %+v", p)
	}
	ev := p.Methods[0].Evidence[0]
	if ev.Section != "Oivalla ja ymmärrä" || m.Sections[0].Text[ev.Start:ev.End] != ev.Text {
		t.Errorf("evidence %+v", ev)
	}
	if p := getModel(t, c.data, "kirjaamisen-malli").Participation; p == nil || p.Described {
		t.Errorf("staff-only model coded %+v", p)
	}
}

// A second run with the same codebook codes nothing again: the stored
// codings are counted in the same summary; --recode codes every model.
func TestClassifySkipsCodedVersions(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	_, first, _ := c.run("classify")
	codedAt := func() string {
		t.Helper()
		s, err := store.Open(context.Background(), filepath.Join(c.data, "corpus.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var at string
		if err := s.DB().QueryRow(`SELECT group_concat(coded_at) FROM codings`).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return at
	}
	before := codedAt()
	code, again, stderr := c.run("classify")
	if code != 0 || !strings.Contains(again, "3 of them unchanged since this codebook coded them") {
		t.Fatalf("exit %d: %s\n%s", code, again, stderr)
	}
	if codedAt() != before {
		t.Error("the second run wrote codings again")
	}
	if strip := func(s string) string { return s[strings.Index(s, "Described"):] }; strip(again) != strip(first) {
		t.Errorf("the summary changed:\n%s\n%s", first, again)
	}
	if code, out, _ := c.run("classify", "--recode"); code != 0 || strings.Contains(out, "unchanged since") || codedAt() == before {
		t.Errorf("--recode: exit %d, codings rewritten %v:\n%s", code, codedAt() != before, out)
	}
}

func TestClassifyURLSelects(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	code, out, _ := c.run("classify", "--url", "https://innokyla.example/fi/toimintamalli/mielenterveyden-chat")
	if code != 0 || !strings.Contains(out, "Coded 1 model with") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if getModel(t, c.data, "kotihoidon-iltakaynnit").Participation != nil {
		t.Error("a model not selected was coded")
	}
	code, _, stderr := c.run("classify", "--url", "https://innokyla.example/fi/toimintamalli/ei-ole")
	if code != exitError || !strings.Contains(stderr, "no stored model https://innokyla.example/fi/toimintamalli/ei-ole") {
		t.Errorf("unknown url: exit %d, %s", code, stderr)
	}
}

func TestClassifyRefusesBadCodebook(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	bad := writeFile(t, filepath.Join(t.TempDir(), "bad.yaml"), "version: x\nclients:\n  max_suffix: 5\n  stems: [asiakas]\n  bogus: 1\n")
	code, _, stderr := c.run("classify", "--codebook", bad)
	if code != exitError || !strings.Contains(stderr, "bad.yaml:5") || !strings.Contains(stderr, `unknown field "bogus"`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	// A key no part of the codebook has, at the top: named with its line
	// and the keys allowed there, not as a Go type.
	top := writeFile(t, filepath.Join(t.TempDir(), "top.yaml"), "# my codebook\nversion: x\nmethod:\n  - id: survey\n")
	code, _, stderr = c.run("classify", "--codebook", top)
	if code != exitError || !strings.Contains(stderr, `top.yaml:3: unknown field "method" (known: version, `) ||
		!strings.Contains(stderr, "methods") || strings.Contains(stderr, "classify.Codebook") {
		t.Errorf("unknown top-level key: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := c.run("classify", "--batch", "0"); code != exitUsage {
		t.Errorf("--batch 0: exit %d", code)
	}
}

// BenchmarkClassifyStore codes 10,000 stored models end to end: read from
// SQLite, classify, store the codings in batches. Every run codes all of
// them again (--recode): without it the second run would only count the
// codings the first stored. MB/s is of the text classify reads.
func BenchmarkClassifyStore(b *testing.B) {
	data := filepath.Join(b.TempDir(), "data")
	var ms []*model.Model
	base := testModels()
	for i := 0; i < 10000; i++ {
		m := *base[i%len(base)]
		m.ID = fmt.Sprintf("%s-%05d", m.ID, i)
		m.URL = "https://innokyla.example/fi/toimintamalli/" + m.ID
		m.Summary = strings.Repeat("Malli tukee asukkaiden arkea ja ohjaa palveluihin. ", 20)
		m.Sections = append([]model.Section{{Page: model.PageMain, Heading: "Ratkaisun perusidea",
			Text: strings.Repeat("Asiakas saa yhteyshenkilön, joka sopii käynnit ja kokoaa palvelut yhteen. ", 20)}}, m.Sections...)
		ms = append(ms, &m)
	}
	seedStore(b, data, ms)
	var text int64
	for _, m := range ms {
		text += int64(len(m.Title) + len(m.Summary) + len(m.Place))
		for _, s := range m.Sections {
			text += int64(len(s.Heading) + len(s.Text))
		}
	}
	b.SetBytes(text)
	f := &Factory{DataDir: data, Out: &strings.Builder{}, Err: &strings.Builder{}}
	defer f.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := runClassify(context.Background(), &ClassifyOptions{F: f, BatchSize: store.BatchSize, Recode: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(ms))/b.Elapsed().Seconds(), "models/s")
}
