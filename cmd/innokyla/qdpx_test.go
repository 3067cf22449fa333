package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/internal/qdatest"
)

// methodCounts is the total methods row of report --format json.
func methodCounts(t *testing.T, c *cli, coding string) (models, reviewed int, methods map[string]int) {
	t.Helper()
	code, out, stderr := c.run("report", "--format", "json", "--coding", coding)
	if code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	var rep struct {
		Total struct {
			Models, Reviewed int
			Methods          map[string]int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.Total.Models, rep.Total.Reviewed, rep.Total.Methods
}

// TestQDPXRoundTrip exports the realdev set as a REFI-QDA project, checks
// it against the schema, removes one method's codings of one model as a
// person in a QDA tool would, and imports the project as that person's
// coding.
func TestQDPXRoundTrip(t *testing.T) {
	c := newCLI(t)
	if code, _, stderr := c.run("import", filepath.Join("..", "..", "testdata", "realdev", "records.jsonl")); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	path := filepath.Join(t.TempDir(), "project.qdpx")
	code, _, stderr := c.run("export", "--format", "qdpx", "--out", path)
	if code != 0 || !strings.Contains(stderr, "exported 115 models") {
		t.Fatalf("export: exit %d %s", code, stderr)
	}
	qdpx, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	qdatest.ValidateQDPX(t, qdpx)
	qde := string(qdatest.File(t, qdpx, "project.qde"))

	// The method codes by GUID, from the code tree (Description is the ID).
	codes := map[string]string{}
	for _, m := range regexp.MustCompile(`<Code guid="([^"]+)" name="[^"]*" isCodable="true">\s*<Description>([a-z_]+)</Description>`).FindAllStringSubmatch(qde, -1) {
		codes[m[1]] = m[2]
	}
	// The first coded source: drop every selection of its first method.
	src := regexp.MustCompile(`(?s)<TextSource .*?</TextSource>`)
	sel := regexp.MustCompile(`(?s)<PlainTextSelection .*?</PlainTextSelection>\s*`)
	ref := regexp.MustCompile(`<CodeRef targetGUID="([^"]+)"`)
	method, done := "", false
	edited := src.ReplaceAllStringFunc(qde, func(s string) string {
		if done || !strings.Contains(s, "<PlainTextSelection") {
			return s
		}
		done = true
		method = codes[ref.FindStringSubmatch(sel.FindString(s))[1]]
		return sel.ReplaceAllStringFunc(s, func(one string) string {
			if codes[ref.FindStringSubmatch(one)[1]] == method {
				return ""
			}
			return one
		})
	})
	if method == "" {
		t.Fatal("no coded source in the project")
	}
	changed := qdatest.Rezip(t, qdpx, edited)
	qdatest.ValidateQDPX(t, changed)
	if err := os.WriteFile(path, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = c.run("import", path, "--coder", "Aino")
	if code != 0 || !strings.Contains(stderr, "115 models coded by Aino") || !strings.Contains(stderr, "0 sources skipped") {
		t.Fatalf("import: exit %d %s", code, stderr)
	}
	_, _, machine := methodCounts(t, c, "machine")
	models, reviewed, aino := methodCounts(t, c, "reviewed")
	if models != 115 || reviewed != 115 {
		t.Fatalf("reviewed report: %d models, %d reviewed", models, reviewed)
	}
	for id, n := range machine {
		want := n
		if id == method {
			want--
		}
		if aino[id] != want {
			t.Errorf("%s: Aino %d, machine %d; want Aino's to be %d", id, aino[id], n, want)
		}
	}
	if code, _, stderr := c.run("import", path); code != exitUsage || !strings.Contains(stderr, "--coder") {
		t.Errorf("import without --coder: exit %d %s", code, stderr)
	}
	if code, _, stderr := c.run("export", "--format", "qdpx"); code != exitUsage || !strings.Contains(stderr, "--out FILE.qdpx") {
		t.Errorf("export qdpx to stdout: exit %d %s", code, stderr)
	}
}
