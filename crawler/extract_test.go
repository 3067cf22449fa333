package crawler

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the want.json golden files")

// TestExtractCases reads each testdata/extract/<case>/main.html (and
// path.html when present) and compares the record with want.json.
func TestExtractCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "extract", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			mainHTML, err := os.ReadFile(filepath.Join(dir, "main.html"))
			if err != nil {
				t.Fatal(err)
			}
			pathHTML, err := os.ReadFile(filepath.Join(dir, "path.html"))
			if err != nil {
				pathHTML = nil
			}
			m, err := Extract(mainHTML, pathHTML, "https://innokyla.example/fi/toimintamalli/"+filepath.Base(dir)+"/")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(m, "", "  ")
			golden := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(append(got, '\n')) != string(want) {
				t.Errorf("record differs from %s:\n%s", golden, got)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	if _, err := Extract([]byte("<html><body><p>ei mitään</p></body></html>"), nil, "https://innokyla.example/fi/"); err == nil {
		t.Error("a page without a model gives no error")
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"10.02.2020": "2020-02-10", "1.9.2021": "2021-09-01", " 7.3.2022 ": "2022-03-07",
		"2023-11-15": "2023-11-15", "Täydentyy": "", "": "", "joskus": "",
	} {
		t.Run(in, func(t *testing.T) {
			if got := parseDate(in); got != want {
				t.Errorf("parseDate(%q) = %q; want %q", in, got, want)
			}
		})
	}
}

func TestPerustiedotEndsSection(t *testing.T) {
	page := `<html><head><link rel="canonical" href="https://innokyla.example/fi/toimintamalli/x"></head><body>
<h1>Malli</h1><h2>Resurssit</h2><p>Kaksi hoitajaa.</p>
<div class="accordion"><button><svg><title>icon/chevron-down</title></svg> Perustiedot</button></div>
<p>Tämä kappale ei kuulu osioon.</p></body></html>`
	m, err := Extract([]byte(page), nil, "https://innokyla.example/fi/toimintamalli/x")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sections) != 1 || m.Sections[0].Text != "Kaksi hoitajaa." {
		t.Errorf("sections %q", m.Sections)
	}
}

// TestLabelsFitMayBeLabel: every label and known heading is short enough
// for the length test that spares folding long text.
func TestLabelsFitMayBeLabel(t *testing.T) {
	keys := []string{basicInfo}
	for k := range labels {
		keys = append(keys, k)
	}
	for k := range knownHeadings {
		keys = append(keys, k)
	}
	for _, k := range keys {
		if !mayBeLabel(k) || foldLabel(k) != k {
			t.Errorf("%q does not fold to itself", k)
		}
	}
	for in, want := range map[string]string{
		strings.Repeat("Toimintamallin nimi ", 5): "",
		"  Toimintamallin \u00a0 NIMI *: ":        "toimintamallin nimi",
		"icon/launch Created with Sketch. Luotu:": "luotu",
		"Luotu" + strings.Repeat(":", 600):        "luotu",
		"KEHITTÄMISEN\nVAIHE":                     "kehittämisen vaihe",
		"Ei otsikko":                              "",
	} {
		t.Run(in, func(t *testing.T) {
			if got := foldLabel(in); got != want {
				t.Errorf("foldLabel(%q) = %q; want %q", in, got, want)
			}
		})
	}
}

func TestDeclaresUTF8(t *testing.T) {
	for ct, want := range map[string]bool{
		"text/html; charset=utf-8": true, `text/html; charset="UTF-8"`: true, "text/html;charset=utf8; x=y": true,
		"text/html": false, "text/html; charset=iso-8859-1": false, "": false,
	} {
		t.Run(ct, func(t *testing.T) {
			if got := declaresUTF8(ct); got != want {
				t.Errorf("declaresUTF8(%q) = %v", ct, got)
			}
		})
	}
	// Invalid UTF-8 under a UTF-8 header is still decoded (to U+FFFD).
	doc, err := parseHTML([]byte("<p>a\xffb</p>"), "text/html; charset=utf-8")
	if err != nil || doc.Find("p").Text() != "a\uFFFDb" {
		t.Errorf("invalid UTF-8: %q, %v", doc.Find("p").Text(), err)
	}
}
