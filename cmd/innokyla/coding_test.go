package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCodebookIdentity: codings name their codebook by version, source and
// a hash of its content, so an edited codebook that kept its version is
// told apart in the store, the report, the export and explain.
func TestCodebookIdentity(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, e := c.run("classify"); code != 0 {
		t.Fatal(e)
	}
	embedded := getModel(t, c.data, "kotihoidon-iltakaynnit").Participation.Codebook
	if !regexp.MustCompile(`^innokyla-codebook-\S+ \(embedded, [0-9a-f]{8}\)$`).MatchString(embedded) {
		t.Fatalf("embedded codebook identity %q", embedded)
	}
	yml, err := os.ReadFile(filepath.Join("..", "..", "classify", "codebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The same version with one setting changed: a section weight.
	edited := strings.Replace(string(yml), "weight: low", "weight: normal", 1)
	if edited == string(yml) {
		t.Fatal("the edit changed nothing")
	}
	path := writeFile(t, filepath.Join(t.TempDir(), "codebook.yaml"), edited)
	if code, _, e := c.run("classify", "--codebook", path); code != 0 {
		t.Fatal(e)
	}
	got := getModel(t, c.data, "kotihoidon-iltakaynnit").Participation.Codebook
	if got == embedded || !strings.HasPrefix(got, strings.SplitN(embedded, " ", 2)[0]+" (codebook.yaml, ") {
		t.Errorf("the edited codebook codes as %q; the embedded one was %q", got, embedded)
	}
	if _, md, _ := c.run("report"); !strings.Contains(md, got) {
		t.Errorf("the report does not name %q:\n%s", got, md)
	}
	_, out, _ := c.run("export", "--format", "csv")
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	col := -1
	for i, h := range rows[0] {
		if h == "codebook" {
			col = i
		}
	}
	if col < 0 || rows[1][col] != got {
		t.Errorf("export codebook column %d: %q", col, rows[1])
	}
	if _, ex, _ := c.run("explain", "kotihoidon-iltakaynnit"); !strings.Contains(ex, "Koodikirja (codebook): "+got) {
		t.Errorf("explain does not name %q:\n%s", got, ex)
	}
}

// TestReportNotYetCoded: models never classified are counted apart, kept
// out of the shares and named on stderr, not reported as describing
// nothing.
func TestReportNotYetCoded(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, e := c.run("classify", "--url", "kotihoidon-iltakaynnit"); code != 0 {
		t.Fatal(e)
	}
	code, md, stderr := c.run("report", "--lang", "en")
	if code != 0 {
		t.Fatal(stderr)
	}
	if !strings.Contains(stderr, "2 models not yet coded") {
		t.Errorf("stderr does not say 2 models are not yet coded: %q", stderr)
	}
	// One coded model, described: 100 % described, none not described.
	var total string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| **Total") {
			total = line
			break
		}
	}
	cells := strings.Fields(strings.NewReplacer("|", " ", "*", "").Replace(total))
	if want := "Total 3 1 100.0 0 0.0 0 2"; strings.Join(cells, " ") != want {
		t.Errorf("coverage total %q; want %q\n%s", strings.Join(cells, " "), want, md)
	}
}
