package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

const goodRecord = `{"id":"perhekeskus-x","url":"https://innokyla.example/fi/toimintamalli/perhekeskus-x","title":"Perhekeskus X","summary":"Lyhyt kuvaus.","place":"Kuopio","region_raw":"Kuopio","region":"Pohjois-Savon hyvinvointialue","funder":"","project":"","author":"","created":"2021-05-04","modified":"2022-01-02","stage":"Valmis","sections":[{"page":"main","heading":"Ratkaisun perusidea","text":"Perheet vastasivat kyselyyn."}],"fetched_at":"2024-01-01T00:00:00Z","content_sha256":"","participation":{"codebook":"gold","described":true,"methods":[{"id":"survey","phases":["ideation"],"evidence":[]}],"phases":["ideation"]}}`

func TestImportExportRoundTrip(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	second := strings.Replace(strings.Replace(goodRecord, "perhekeskus-x", "perhekeskus-y", 2), "Perhekeskus X", "Perhekeskus Y", 1)
	in := writeFile(t, filepath.Join(dir, "in.jsonl"), goodRecord+"\n\n"+second+"\n")
	if code, _, stderr := c.run("import", in); code != 0 || !strings.Contains(stderr, "2 new") {
		t.Fatalf("import: exit %d, %s", code, stderr)
	}
	code, out, _ := c.run("export", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("export gave %d lines, want 2:\n%s", len(lines), out)
	}
	var m model.Model
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	if m.ID != "perhekeskus-x" || m.Participation == nil || m.Participation.Methods[0].ID != "survey" ||
		m.Sections[0].Text != "Perheet vastasivat kyselyyn." || m.Version != 1 || m.ContentSHA256 == "" {
		t.Errorf("round trip lost data: %+v", m)
	}
	for _, field := range []string{`"id"`, `"url"`, `"title"`, `"summary"`, `"place"`, `"region_raw"`, `"region"`, `"funder"`,
		`"project"`, `"author"`, `"created"`, `"modified"`, `"stage"`, `"sections"`, `"fetched_at"`, `"content_sha256"`, `"participation"`} {
		if !strings.Contains(lines[0], field+":") {
			t.Errorf("export lacks field %s", field)
		}
	}
	// Importing the same file again changes nothing; a changed title adds a version.
	if code, _, stderr := c.run("import", in); code != 0 || !strings.Contains(stderr, "2 unchanged") {
		t.Fatalf("re-import: exit %d, %s", code, stderr)
	}
	changed := writeFile(t, filepath.Join(dir, "changed.jsonl"), strings.Replace(goodRecord, "Perhekeskus X", "Perhekeskus X2", 1))
	if code, _, stderr := c.run("import", changed); code != 0 || !strings.Contains(stderr, "1 changed") {
		t.Fatalf("changed import: exit %d, %s", code, stderr)
	}
	code, out, _ = c.run("export", "--format", "csv")
	if code != 0 || !strings.Contains(out, "Perhekeskus X2") || !strings.Contains(out, "survey:ideation") {
		t.Fatalf("csv export: exit %d\n%s", code, out)
	}
}

func TestImportBadLineKeepsStore(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.jsonl"), goodRecord+"\n")
	if code, _, _ := c.run("import", good); code != 0 {
		t.Fatal("first import failed")
	}
	cases := []struct{ content, want string }{
		{goodRecord + "\n{\"id\": \"x\", \n", "bad.jsonl:2: not valid JSON"},
		{strings.Replace(goodRecord, `"2021-05-04"`, `"4.5.2021"`, 1) + "\n", `bad.jsonl:1: created "4.5.2021"`},
		{`{"title":"no id"}` + "\n", `bad.jsonl:1: record has neither "id" nor "url"`},
		{strings.Replace(goodRecord, `"phases":["ideation"]}`, `"phases":["alku"]}`, 1) + "\n", `unknown phase "alku"`},
		{strings.Replace(goodRecord, `"page":"main"`, `"page":"etusivu"`, 1) + "\n", `sections[0].page "etusivu"`},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			changed := strings.Replace(tc.content, "Perhekeskus X", "Perhekeskus muuttunut", 1)
			bad := writeFile(t, filepath.Join(dir, "bad.jsonl"), changed)
			code, _, stderr := c.run("import", bad)
			if code != exitError || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr, tc.want)
			}
		})
	}
	_, out, _ := c.run("export")
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"title":"Perhekeskus X"`) || !strings.Contains(out, `"version":1`) {
		t.Errorf("a bad import changed the store:\n%s", out)
	}
}

func TestImportNormalisesRegion(t *testing.T) {
	c := newCLI(t)
	rec := strings.Replace(goodRecord, `"region":"Pohjois-Savon hyvinvointialue"`, `"region":""`, 1)
	rec = strings.Replace(rec, `"region_raw":"Kuopio"`, `"region_raw":"Pirha"`, 1)
	in := writeFile(t, filepath.Join(t.TempDir(), "in.jsonl"), rec+"\n")
	if code, _, stderr := c.run("import", in); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	_, out, _ := c.run("export")
	if !strings.Contains(out, `"region":"Pirkanmaan hyvinvointialue"`) {
		t.Errorf("region not normalised from region_raw:\n%s", out)
	}
}

func TestImportSavedHTML(t *testing.T) {
	site := filepath.Join("..", "..", "testdata", "site")
	dirs, err := os.ReadDir(filepath.Join(site, "fi", "toimintamalli"))
	if err != nil {
		t.Fatal(err)
	}
	// The sources say which models have a kehittämisen polku with text.
	srcs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sitesrc", "models", "*.yaml"))
	withPath := 0
	for _, src := range srcs {
		if b, _ := os.ReadFile(src); strings.Contains(string(b), "page: kehittamisen-polku") {
			withPath++
		}
	}
	c := newCLI(t)
	code, _, stderr := c.run("import", site)
	if code != 0 || !strings.Contains(stderr, fmt.Sprintf("%d new", len(dirs))) || !strings.Contains(stderr, "were skipped") {
		t.Fatalf("import of the mirror: exit %d, %s (want %d new models)", code, stderr, len(dirs))
	}
	_, out, _ := c.run("export")
	gotPath := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m model.Model
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m.Title == "" || m.Region == "" && m.RegionRaw != "" && m.RegionRaw != "Täydentyy" {
			t.Errorf("%s: title %q region %q from %q", m.ID, m.Title, m.Region, m.RegionRaw)
		}
		for _, s := range m.Sections {
			if s.Page == model.PagePath {
				gotPath++
				break
			}
		}
	}
	if gotPath != withPath {
		t.Errorf("%d models have kehittämisen polku sections, want %d", gotPath, withPath)
	}
}
