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
	var stdout, stderr bytes.Buffer
	file := filepath.Join(dir, "m.jsonl")
	if err := run([]string{"-n", "4", "-seed", "2", "-out", file}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); bytes.Count(b, []byte("\n")) != 4 {
		t.Errorf("jsonl file has %d lines", bytes.Count(b, []byte("\n")))
	}
	if err := run([]string{"-n", "4", "-seed", "2", "-format", "truth"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(stdout.String(), "\n"); lines != 5 {
		t.Errorf("truth CSV has %d lines, want header + 4", lines)
	}
	site := filepath.Join(dir, "site")
	if err := run([]string{"-n", "3", "-format", "site", "-out", site}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(site, "robots.txt")); err != nil {
		t.Error(err)
	}
	for _, args := range [][]string{{"-format", "site"}, {"-format", "xml"}, {"-n", "-1"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if err := run(args, &stdout, &stderr); err == nil {
				t.Errorf("%v accepted", args)
			}
		})
	}
}
