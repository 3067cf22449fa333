package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// reportCorpus stores five coded models in two regions and one uncoded
// model, the way classify leaves them.
func reportCorpus(t *testing.T, c *cli) {
	t.Helper()
	ctx := context.Background()
	if err := os.MkdirAll(c.data, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, filepath.Join(c.data, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vk, pir := "Vantaan ja Keravan hyvinvointialue", "Pirkanmaan hyvinvointialue"
	mk := func(id, title, region, created string, p *model.Participation) *model.Model {
		return &model.Model{ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: title,
			Region: region, Regions: []string{region}, Project: "Hanke " + region[:4], Created: created,
			FetchedAt: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC), Participation: p}
	}
	method := func(id, text string, phases ...string) model.Method {
		return model.Method{ID: id, Phases: phases, Evidence: []model.Evidence{{Page: "main", Section: "Arviointi", Text: text, Phases: phases}}}
	}
	ms := []*model.Model{
		mk("vk-a", "Kysely | palaute\n<script>x</script>", vk, "2021-02-01", &model.Participation{Codebook: "cb-1", Described: true,
			Methods: []model.Method{method("survey", "Asiakkaille tehtiin kysely alussa.", "ideation"),
				method("feedback", "Palautetta kerättiin kokeilun jälkeen.", "piloting_evaluation")},
			Phases: []string{"ideation", "piloting_evaluation"}}),
		mk("vk-b", "Ilman asiakkaita", vk, "2022-06-01", &model.Participation{Codebook: "cb-1"}),
		mk("vk-c", "Myöhäinen malli", vk, "2024-01-10", &model.Participation{Codebook: "cb-1", Described: true,
			Methods: []model.Method{method("workshop", "Työpaja asukkaiden kanssa.", "planning")}, Phases: []string{"planning"}}),
		mk("pir-a", "Pirkanmaan malli", pir, "2022-03-03", &model.Participation{Codebook: "cb-1", Described: true,
			Methods: []model.Method{method("interview", "Haastattelimme potilaita.")}}),
		mk("pir-b", "Luokittelematon", pir, "2022-04-04", nil),
	}
	for _, m := range ms {
		if _, err := s.Put(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReportFlags(t *testing.T) {
	f := &Factory{}
	var got *ReportOptions
	cmd := NewCmdReport(f, func(_ context.Context, o *ReportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--region", "Vantaa", "--region", "Pirkanmaa", "--since", "2021-01-01", "--until", "2022-11-30",
		"--group-by", "project", "--format", "json", "--lang", "en", "--out", "x.json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || len(got.Regions) != 2 || got.Regions[1] != "Pirkanmaa" || got.Since != "2021-01-01" || got.Until != "2022-11-30" ||
		got.GroupBy != "project" || got.Format != "json" || got.Lang != "en" || got.Out != "x.json" || got.Audit {
		t.Fatalf("options %+v", got)
	}
}

func TestReportUsageErrors(t *testing.T) {
	c := newCLI(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"report", "--format", "pdf"}, `--format "pdf"`},
		{[]string{"report", "--lang", "sv"}, `language "sv"`},
		{[]string{"report", "--group-by", "funder"}, `--group-by "funder"`},
		{[]string{"report", "--since", "30.11.2022"}, `--since "30.11.2022" is not a date`},
		{[]string{"report", "--since", "2023-01-01", "--until", "2022-01-01"}, "is after --until"},
		{[]string{"report", "--audit"}, "--audit needs --region"},
		{[]string{"report", "--audit", "--region", "Vantaa", "--format", "json"}, "--audit writes md or html, not --format json"},
		{[]string{"report", "--region", "Atlantis"}, `unknown region "Atlantis"`},
		{[]string{"report", "extra"}, "unknown command"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := c.run(tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit 2 with %q", tc.args, code, stderr, tc.want)
			}
		})
	}
	if _, err := os.Stat(c.data); !os.IsNotExist(err) {
		t.Errorf("usage errors touched the data directory: %v", err)
	}
}

func TestReportMarkdownSelection(t *testing.T) {
	c := newCLI(t)
	reportCorpus(t, c)
	code, out, stderr := c.run("report", "--region", "Vantaa", "--until", "2022-11-30")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// vk-a and vk-b (vk-c is too late, Pirkanmaa not selected).
	if !strings.Contains(out, "| Vantaan ja Keravan hyvinvointialue |       2 |       1 |      50,0 |") {
		t.Errorf("coverage row missing:\n%s", out)
	}
	if strings.Contains(out, "Pirkanmaan") || !strings.Contains(stderr, "2 models in 1 group,") {
		t.Errorf("selection leaked or status wrong: %s\n%s", stderr, out)
	}
}

func TestReportJSONAndEmpty(t *testing.T) {
	c := newCLI(t)
	reportCorpus(t, c)
	code, out, _ := c.run("report", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Codebook string `json:"codebook"`
		Groups   []struct {
			Name   string `json:"name"`
			Models int    `json:"models"`
		} `json:"groups"`
		Total struct {
			Models, Described int
			MethodPhase       map[string]map[string]int `json:"method_phase"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Codebook != "cb-1" || len(doc.Groups) != 2 || doc.Total.Models != 5 || doc.Total.Described != 3 ||
		doc.Total.MethodPhase["interview"]["none"] != 1 {
		t.Errorf("json %+v", doc)
	}
	code, out, stderr := c.run("report", "--region", "Lappi")
	if code != 0 || !strings.Contains(out, "Valintaan ei osunut yhtään toimintamallia.") || !strings.Contains(stderr, "no models matched") {
		t.Errorf("empty selection: exit %d\n%s\n%s", code, out, stderr)
	}
}

func TestReportFilesAndDirectory(t *testing.T) {
	c := newCLI(t)
	reportCorpus(t, c)
	dir := filepath.Join(t.TempDir(), "tables") + string(os.PathSeparator)
	if code, _, stderr := c.run("report", "--format", "csv", "--out", dir); code != 0 {
		t.Fatalf("csv dir: %s", stderr)
	}
	for _, name := range []string{"coverage", "phases", "method_phase", "methods"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if lines := strings.Count(string(b), "\n"); (name == "method_phase" && lines != 11) || (name != "method_phase" && lines != 4) {
			t.Errorf("%s.csv has %d lines:\n%s", name, lines, b)
		}
	}
	html := filepath.Join(t.TempDir(), "r.html")
	if code, _, stderr := c.run("report", "--format", "html", "--out", html); code != 0 {
		t.Fatalf("html: %s", stderr)
	}
	b, _ := os.ReadFile(html)
	if !bytes.Contains(b, []byte("<svg ")) || bytes.Contains(b, []byte("<script>")) {
		t.Errorf("html report lacks charts or carries a script")
	}
}

func TestReportAudit(t *testing.T) {
	c := newCLI(t)
	reportCorpus(t, c)
	out := t.TempDir()
	code, _, stderr := c.run("report", "--audit", "--region", "Vantaa", "--lang", "en", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "audit-vantaan-ja-keravan-hyvinvointialue.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, want := range []string{
		"# Audit report: Vantaan ja Keravan hyvinvointialue",
		"- Data fetched: 2026-05-01 – 2026-05-01",
		"- Command: innokyla --data ",
		"--audit --region Vantaa --lang en --out",
		"| **Whole corpus**",
		"- [Ilman asiakkaita](https://innokyla.example/fi/toimintamalli/vk-b)",
		`Kysely \| palaute<br>&lt;script&gt;x&lt;/script&gt;`,
		"## 8. Recommendations",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("audit lacks %q:\n%s", want, doc)
		}
	}
}

// TestRunReportFromCode is how the run command calls the report: a filled
// options struct, zero values for what it does not care about.
func TestRunReportFromCode(t *testing.T) {
	c := newCLI(t)
	reportCorpus(t, c)
	var out, errw bytes.Buffer
	f := &Factory{DataDir: c.data, Out: &out, Err: &errw, Now: time.Now, Version: "test"}
	defer f.Close()
	dir := t.TempDir()
	if err := runReport(context.Background(), &ReportOptions{F: f, Out: dir}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil || !bytes.Contains(b, []byte("| **Yhteensä**")) {
		t.Fatalf("report.md: %v\n%s", err, b)
	}
	if !strings.Contains(errw.String(), "wrote "+filepath.Join(dir, "report.md")) {
		t.Errorf("status %q", errw.String())
	}
}

// TestReportAuditHTML: --audit --format html is the audit as one
// self-contained, printable page; text from the pages stays text.
func TestReportAuditHTML(t *testing.T) {
	c := newCLI(t)
	reportCorpus(t, c)
	out := t.TempDir()
	code, _, stderr := c.run("report", "--audit", "--region", "Vantaa", "--lang", "en", "--format", "html", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "audit-vantaan-ja-keravan-hyvinvointialue.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="en">`, "<h1>Audit report: Vantaan ja Keravan hyvinvointialue</h1>",
		"<table>", "@media print", "table { break-inside: avoid;", "thead { display: table-header-group; }",
		`<a href="https://innokyla.example/fi/toimintamalli/vk-b">Ilman asiakkaita</a>`,
		"Kysely | palaute<br>&lt;script&gt;x&lt;/script&gt;",
		"<h2>8. Recommendations</h2>",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("audit html lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "src=", "raw HTML omitted", "@import"} {
		if strings.Contains(doc, bad) {
			t.Errorf("audit html holds %q: not self-contained or text became markup", bad)
		}
	}
}
