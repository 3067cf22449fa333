package web

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

// readDocs reads a JSONL file of models with the import's decoder;
// errors name the file and line.
func readDocs(t testing.TB, path string) []*model.Model {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*model.Model
	err = model.ReadRecords(f, path, func(_ int, m *model.Model) error {
		m.Version = 1
		out = append(out, m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// buildIndex writes ms into a fresh index on disk and returns it open.
// With parts > 0 it loads the facets as serve does and searches in that
// many parts, whatever the size of the index.
func buildIndex(t testing.TB, ms []*model.Model, parts int) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{Parts: parts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	all := func(yield func(*model.Model) error) error {
		for _, m := range ms {
			if err := yield(m); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := ix.Sync(context.Background(), all); err != nil {
		t.Fatal(err)
	}
	if parts > 0 {
		if err := ix.LoadFacets(); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}
