package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/datalock"
)

// TestSecondWriterFailsAtOnce: while another process writes the data
// directory, every command that writes exits 1 at once naming it (pid,
// command, since); readers go on.
func TestSecondWriterFailsAtOnce(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	since := time.Date(2026, 12, 4, 9, 30, 0, 0, time.Local)
	held, err := datalock.Acquire(c.data, "innokyla crawl --site https://innokyla.fi", since)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	jsonl := writeFile(t, filepath.Join(t.TempDir(), "m.jsonl"), `{"id":"uusi","title":"Uusi"}`+"\n")
	for _, args := range [][]string{
		{"import", jsonl}, {"classify"}, {"index"}, {"crawl", "--site", filepath.Join("..", "..", "testdata", "site")},
		{"run", "--site", filepath.Join("..", "..", "testdata", "site"), "--out", t.TempDir()},
	} {
		t.Run(args[0], func(t *testing.T) {
			start := time.Now()
			code, _, stderr := c.run(args...)
			for _, want := range []string{fmt.Sprintf("pid %d", os.Getpid()), "innokyla crawl --site https://innokyla.fi", "since 2026-12-04 09:30:00", "Try: wait"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q lacks %q", stderr, want)
				}
			}
			if code != exitError || time.Since(start) > 5*time.Second {
				t.Errorf("exit %d after %s; want 1 at once", code, time.Since(start))
			}
		})
	}
	if m := getModel(t, c.data, "kotihoidon-iltakaynnit"); m.Participation != nil {
		t.Error("classify wrote while another process held the lock")
	}
	for _, args := range [][]string{{"report"}, {"export"}, {"explain", "kotihoidon-iltakaynnit"}} {
		if code, _, stderr := c.run(args...); code != 0 {
			t.Errorf("%v while a writer runs: exit %d, %s", args, code, stderr)
		}
	}
	held.Release()
	if code, _, stderr := c.run("import", jsonl); code != 0 {
		t.Errorf("import after the writer finished: exit %d, %s", code, stderr)
	}
}

// TestNoCorpus: a mistyped --data is an error for every command but those
// that add models, and creates nothing.
func TestNoCorpus(t *testing.T) {
	gold := writeFile(t, filepath.Join(t.TempDir(), "gold.csv"), "url,described,methods,phases\n")
	for _, args := range [][]string{
		{"report"}, {"export"}, {"explain", "x"}, {"evaluate", "--gold", gold}, {"serve", "--addr", "127.0.0.1:0"},
		{"classify"}, {"index"},
	} {
		t.Run(args[0], func(t *testing.T) {
			c := newCLI(t)
			code, out, stderr := c.run(args...)
			if code != exitError || !strings.Contains(stderr, "no corpus at "+c.data) || !strings.Contains(stderr, "Try: --data DIR") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
			}
			if _, err := os.Stat(c.data); !os.IsNotExist(err) {
				t.Errorf("%s created the data directory", args[0])
			}
		})
	}
	t.Run("import creates it", func(t *testing.T) {
		c := newCLI(t)
		jsonl := writeFile(t, filepath.Join(t.TempDir(), "m.jsonl"), `{"id":"uusi","title":"Uusi"}`+"\n")
		if code, _, stderr := c.run("import", jsonl); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if _, err := os.Stat(filepath.Join(c.data, "corpus.db")); err != nil {
			t.Error(err)
		}
	})
}

// TestReadersWriteNothing: report, export and explain leave the data
// directory as it was: no lock file, no probe, the corpus unchanged.
func TestReadersWriteNothing(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	corpus := filepath.Join(c.data, "corpus.db")
	before, _ := os.Stat(corpus)
	for _, args := range [][]string{{"report"}, {"export", "--format", "csv"}, {"explain", "kotihoidon-iltakaynnit"}} {
		if code, _, stderr := c.run(args...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
	}
	after, _ := os.Stat(corpus)
	if !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
		t.Error("a reader changed corpus.db")
	}
	ents, _ := os.ReadDir(c.data)
	for _, e := range ents {
		if n := e.Name(); n != "corpus.db" && n != "corpus.db-wal" && n != "corpus.db-shm" {
			t.Errorf("a reader left %s in the data directory", n)
		}
	}
}
