package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// TestRunSnapshot is the README's main command on the bundled snapshot,
// then the checks a new user would make: the report, the Ojamo figures,
// search, explain and export.
func TestRunSnapshot(t *testing.T) {
	site := filepath.Join("..", "..", "testdata", "site")
	srcs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sitesrc", "models", "*.yaml"))
	if len(srcs) < 80 {
		t.Fatalf("the snapshot has %d model sources, want at least 80", len(srcs))
	}
	c := newCLI(t)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := c.run("run", "--site", site, "--out", out)
	if code != 0 {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	// stdout is the report's path, so scripts can use it; the steps'
	// summaries are progress on stderr.
	if got, want := stdout, filepath.Join(out, "report.md")+"\n"; got != want {
		t.Errorf("run printed %q on stdout, want only %q", got, want)
	}
	if !strings.Contains(stderr, "== classify") || !strings.Contains(stderr, "Index") {
		t.Errorf("the steps' progress is missing from stderr:\n%s", stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Hyvinvointialue", "| Pirkanmaan hyvinvointialue", "| Vantaan ja Keravan hyvinvointialue", "| Valtakunnallinen"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	for _, f := range []string{"report.html", "report.json", "report.csv"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}

	// Every model is stored once, with the fields of the export schema.
	_, jsonl, _ := c.run("export", "--format", "jsonl")
	lines := strings.Split(strings.TrimSpace(jsonl), "\n")
	if len(lines) != len(srcs) {
		t.Errorf("export has %d records, the snapshot %d models", len(lines), len(srcs))
	}
	regions := map[string]bool{}
	for _, line := range lines {
		var m model.Model
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m.Participation == nil || m.Participation.Codebook == "" || m.ContentSHA256 == "" || m.FetchedAt.IsZero() {
			t.Errorf("%s: incomplete record: coding %v, sha %q, fetched %v", m.ID, m.Participation, m.ContentSHA256, m.FetchedAt)
		}
		regions[m.Region] = true
	}
	if len(regions) < 11 {
		t.Errorf("%d regions, want at least 10 welfare regions plus national", len(regions))
	}

	// Ojamo's headline facts, through the real crawler and classifier.
	code, js, stderr := c.run("report", "--region", "Uusimaa", "--until", "2022-11-30", "--format", "json")
	if code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	var rep struct {
		Groups []struct {
			Name        string                    `json:"name"`
			AllPhases   bool                      `json:"all_phases"`
			MethodPhase map[string]map[string]int `json:"method_phase"`
		} `json:"groups"`
		Total struct {
			Models      int                       `json:"models"`
			Described   int                       `json:"described"`
			Phases      map[string]int            `json:"phases"`
			MethodPhase map[string]map[string]int `json:"method_phase"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	all := 0
	for _, g := range rep.Groups {
		if g.AllPhases {
			all++
		}
	}
	if len(rep.Groups) != 5 || rep.Total.Models != 32 || rep.Total.Models-rep.Total.Described != 10 || all != 1 {
		t.Errorf("Ojamo: %d groups, %d models, %d not described, %d groups with all phases; want 5, 32, 10, 1",
			len(rep.Groups), rep.Total.Models, rep.Total.Models-rep.Total.Described, all)
	}
	top := func(phase string) string {
		best, n, tie := "", -1, false
		for method, byPhase := range rep.Total.MethodPhase {
			switch v := byPhase[phase]; {
			case v > n:
				best, n, tie = method, v, false
			case v == n:
				tie = true
			}
		}
		if tie {
			return "a tie"
		}
		return best
	}
	if got := top(model.Ideation); got != "survey" {
		t.Errorf("top method in ideation = %s, want survey", got)
	}
	if got := top(model.PilotingEvaluation); got != "feedback" {
		t.Errorf("top method in piloting_evaluation = %s, want feedback", got)
	}
	ph := rep.Total.Phases
	for _, p := range []string{model.Planning, model.Development} {
		if ph[p] >= ph[model.Ideation] || ph[p] >= ph[model.PilotingEvaluation] {
			t.Errorf("clients should take part most at the start and the end: %v", ph)
		}
	}

	// Search and explain work on what run built.
	code, hits, stderr := c.run("search", "kysely", "--json")
	if code != 0 || !strings.Contains(hits, `"total"`) {
		t.Errorf("search after run: exit %d %s", code, stderr)
	}
	code, expl, stderr := c.run("explain", "aikuissosiaalityon-etavastaanotto")
	if code != 0 || !strings.Contains(expl, "Aikuissosiaalityön etävastaanotto") {
		t.Errorf("explain after run: exit %d %s\n%s", code, stderr, expl)
	}

	// A second run stores nothing twice.
	code, _, stderr = c.run("run", "--site", site, "--out", out)
	if code != 0 || !strings.Contains(stderr, "0 new, 0 changed") {
		t.Errorf("second run: exit %d\n%s", code, stderr)
	}
}

func TestRunMissingSite(t *testing.T) {
	c := newCLI(t)
	code, _, stderr := c.run("run", "--site", filepath.Join(t.TempDir(), "nowhere"))
	if code != exitError || !strings.Contains(stderr, "nowhere does not exist") || !strings.Contains(stderr, "Try:") {
		t.Errorf("missing site: exit %d, %q", code, stderr)
	}
	code, _, stderr = c.run("run")
	if code != exitUsage || !strings.Contains(stderr, "--site is required") {
		t.Errorf("no site: exit %d, %q", code, stderr)
	}
}
