package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealdevPipeline runs what a researcher runs on the realdev set:
// import the records, classify, evaluate against the two coders' gold (a
// gold file with evidence, category and note columns), and report with and
// without --min-confidence.
func TestRealdevPipeline(t *testing.T) {
	c := newCLI(t)
	dir := filepath.Join("..", "..", "testdata", "realdev")
	if code, _, stderr := c.run("import", filepath.Join(dir, "records.jsonl")); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatalf("classify: exit %d: %s", code, stderr)
	}
	code, out, stderr := c.run("evaluate", "--gold", filepath.Join(dir, "gold.csv"), "--json")
	if code != 0 {
		t.Fatalf("evaluate: exit %d: %s", code, stderr)
	}
	var r struct {
		N          int `json:"n"`
		Missing    int `json:"missing"`
		Classifier struct {
			Methods struct {
				Micro struct{ F1 float64 } `json:"micro"`
			} `json:"methods"`
			Described struct{ Kappa float64 } `json:"described"`
		} `json:"classifier"`
		Categories []struct {
			Name         string `json:"category"`
			FalseMethods int    `json:"false_methods"`
		} `json:"categories"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.N != 115 || r.Missing != 0 || len(r.Categories) != 8 {
		t.Errorf("evaluate read %d rows, %d missing, %d categories", r.N, r.Missing, len(r.Categories))
	}
	if r.Classifier.Methods.Micro.F1 < 0.78 || r.Classifier.Described.Kappa < 0.75 {
		t.Errorf("through the CLI: methods F1 %.3f, kappa %.3f", r.Classifier.Methods.Micro.F1, r.Classifier.Described.Kappa)
	}

	described := func(args ...string) int {
		t.Helper()
		code, out, stderr := c.run(append([]string{"report", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("report %v: exit %d: %s", args, code, stderr)
		}
		var doc struct {
			Total struct{ Described int } `json:"total"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Total.Described
	}
	all, medium, high := described(), described("--min-confidence", "medium"), described("--min-confidence", "high")
	if !(all >= medium && medium >= high) || all == 0 || all == high {
		t.Errorf("described: all %d, medium %d, high %d", all, medium, high)
	}
	if code, _, stderr := c.run("report", "--min-confidence", "sure"); code != 2 || !strings.Contains(stderr, "low, medium, high") {
		t.Errorf("bad level: exit %d: %s", code, stderr)
	}
	if code, out, _ := c.run("explain", "palveluohjauksen-mallin-kehittaminen-yhdessa-paljon-tukea-tarvitsevien-kanssa"); code != 0 ||
		!strings.Contains(out, "varmuus (confidence): high") {
		t.Errorf("explain shows no confidence: exit %d\n%s", code, out)
	}
}
