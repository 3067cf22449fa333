package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenReadOnlyChangesNothing: a reader finds the models, cannot write
// and leaves the corpus file as it was; in a directory it may not write
// (a read-only share) it creates no file at all.
func TestOpenReadOnlyChangesNothing(t *testing.T) {
	for _, writable := range []bool{true, false} {
		t.Run(map[bool]string{true: "writable directory", false: "read-only directory"}[writable], func(t *testing.T) {
			old := dirWritable
			dirWritable = func(string) bool { return writable }
			defer func() { dirWritable = old }()
			testOpenReadOnly(t, writable)
		})
	}
}

func testOpenReadOnly(t *testing.T, writable bool) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "corpus.db")
	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Put(ctx, sample("a", "Lapin hyvinvointialue", "2024-01-01")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	before := snapshot(t, dir)
	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := r.Count(ctx); err != nil || n != 1 {
		t.Errorf("count %d, %v", n, err)
	}
	if _, err := r.Put(ctx, sample("b", "Lapin hyvinvointialue", "2024-01-01")); err == nil {
		t.Error("a read-only store wrote a model")
	}
	r.Close()
	after := snapshot(t, dir)
	if writable {
		// SQLite may keep its -wal and -shm files beside the corpus.
		delete(after, "corpus.db-wal")
		delete(after, "corpus.db-shm")
	}
	if !equalSnap(before, after) {
		t.Errorf("reading changed the directory:\nbefore %v\nafter  %v", before, after)
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(dir, "nope", "corpus.db")); !errors.Is(err, ErrNoCorpus) {
		t.Errorf("missing corpus: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "nope")); err == nil {
		t.Error("OpenReadOnly created a directory")
	}
}

func snapshot(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		info, _ := e.Info()
		out[e.Name()] = info.ModTime()
	}
	return out
}

func equalSnap(a, b map[string]time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !w.Equal(v) {
			return false
		}
	}
	return true
}
