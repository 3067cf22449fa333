package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// volatile are the JSON values that change from run to run: times,
// durations, sizes, absolute paths and the embedded codebook's hash.
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`"(seconds|took_ns|size_bytes|started|finished|data_dir|coded_at)": [^,\n]+`), `"$1": "*"`},
	{regexp.MustCompile(`"site": "mirror:[^"]*"`), `"site": "mirror:*"`},
	{regexp.MustCompile(`\((embedded|[^,()]+\.yaml), [0-9a-f]{8}\)`), `($1, *)`},
}

// golden compares a command's JSON with testdata/json/NAME.golden (go test
// -update rewrites it), after checking it is one JSON object.
func golden(t *testing.T, name, got string) {
	t.Helper()
	var obj map[string]any
	dec := json.NewDecoder(bytes.NewReader([]byte(got)))
	if err := dec.Decode(&obj); err != nil {
		t.Fatalf("%s: not a JSON object: %v\n%s", name, err, got)
	}
	if dec.More() {
		t.Fatalf("%s: more than one JSON value on stdout:\n%s", name, got)
	}
	for _, v := range volatile {
		got = v.re.ReplaceAllString(got, v.with)
	}
	path := filepath.Join("testdata", "json", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", name, path, got)
	}
}

// TestJSONOutputs runs every command that prints a summary with --json:
// one JSON object on stdout, nothing else there, the same fields as the
// text.
func TestJSONOutputs(t *testing.T) {
	c := newCLI(t)
	var lines bytes.Buffer
	for _, m := range testModels() {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(append(b, '\n'))
	}
	file := writeFile(t, filepath.Join(t.TempDir(), "models.jsonl"), lines.String())
	site := filepath.Join("..", "..", "testdata", "site")
	for _, step := range []struct {
		name string
		args []string
	}{
		{"status-empty", []string{"status", "--json"}},
		{"import", []string{"import", "--json", file}},
		{"classify", []string{"classify", "--json"}},
		{"status-not-indexed", []string{"status", "--json"}},
		{"index", []string{"index", "--json"}},
		{"explain", []string{"explain", "--json", "mielenterveyden-chat"}},
		{"crawl", []string{"crawl", "--json", "--site", site, "--max", "2"}},
		{"status", []string{"status", "--json"}},
	} {
		t.Run(step.name, func(t *testing.T) {
			if step.name == "status-empty" {
				seedStore(t, c.data, nil) // an empty corpus
			}
			code, out, errOut := c.run(step.args...)
			if code != 0 {
				t.Fatalf("%v: exit %d\n%s", step.args, code, errOut)
			}
			golden(t, step.name, out)
		})
	}
}
