package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out, gold := filepath.Join(dir, "site"), filepath.Join(dir, "gold.csv")
	var stderr bytes.Buffer
	src := filepath.Join("..", "..", "testdata", "src")
	if err := run([]string{"-src", src, "-out", out, "-gold", gold, "-variant", "b"}, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "3 models, 1 projects") {
		t.Errorf("summary: %q", stderr.String())
	}
	if b, err := os.ReadFile(gold); err != nil || !strings.HasPrefix(string(b), "url,described,methods,phases\n") {
		t.Errorf("gold file: %v %q", err, b)
	}
	if _, err := os.Stat(filepath.Join(out, "fi", "toimintamalli", "ruokakassi", "index.html")); err != nil {
		t.Error(err)
	}
	if err := run([]string{"-src", src, "-out", out, "-variant", "x"}, &stderr); err == nil {
		t.Error("unknown variant accepted")
	}
	if err := run([]string{"-src", filepath.Join("..", "..", "testdata", "load-errors", "bad-date"), "-out", t.TempDir()}, &stderr); err == nil ||
		!strings.Contains(err.Error(), "malli.yaml:4") {
		t.Errorf("bad source: got %v", err)
	}
}
