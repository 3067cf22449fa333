package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/innokyla/innokyla/model"
)

type caseQuery struct {
	Name      string                    `yaml:"name"`
	Query     string                    `yaml:"query"`
	Regions   []string                  `yaml:"regions"`
	Methods   []string                  `yaml:"methods"`
	Phases    []string                  `yaml:"phases"`
	Stages    []string                  `yaml:"stages"`
	Described *bool                     `yaml:"described"`
	Want      []string                  `yaml:"want"`
	First     string                    `yaml:"first"`
	Marked    []string                  `yaml:"marked"`
	Facets    map[string]map[string]int `yaml:"facets"`
	Error     string                    `yaml:"error"` // the search fails with ErrBadQuery saying this
}

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

func each(ms []*model.Model) Each {
	return func(yield func(*model.Model) error) error {
		for _, m := range ms {
			if err := yield(m); err != nil {
				return err
			}
		}
		return nil
	}
}

// buildIndex writes ms into a fresh index on disk and returns it open.
func buildIndex(t testing.TB, ms []*model.Model) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Sync(context.Background(), each(ms)); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "queries.yaml"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, qf := range dirs {
		dir := filepath.Dir(qf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ix := buildIndex(t, readDocs(t, filepath.Join(dir, "docs.jsonl")))
			b, err := os.ReadFile(qf)
			if err != nil {
				t.Fatal(err)
			}
			var qs []caseQuery
			if err := yaml.Unmarshal(b, &qs); err != nil {
				t.Fatalf("%s: %v", qf, err)
			}
			for _, q := range qs {
				t.Run(q.Name, func(t *testing.T) { runCase(t, ix, q) })
			}
			// Again with the facets in memory and the search in two parts,
			// as serve runs it.
			loadFacets(t, ix, 2)
			for _, q := range qs {
				t.Run(q.Name+"/loaded", func(t *testing.T) { runCase(t, ix, q) })
			}
		})
	}
}

func runCase(t *testing.T, ix *Index, q caseQuery) {
	res, err := ix.Search(context.Background(), Request{Query: q.Query, Regions: q.Regions,
		Methods: q.Methods, Phases: q.Phases, Stages: q.Stages, Described: q.Described, Limit: 50})
	if q.Error != "" {
		if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), q.Error) {
			t.Fatalf("query %q: error %v, want a bad query saying %q", q.Query, err, q.Error)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	want := append([]string{}, q.Want...)
	sort.Strings(want)
	sorted := append([]string{}, got...)
	sort.Strings(sorted)
	if strings.Join(sorted, ",") != strings.Join(want, ",") {
		t.Errorf("query %q: hits %v, want %v", q.Query, got, q.Want)
	}
	if int(res.Total) != len(got) {
		t.Errorf("total %d, hits %d", res.Total, len(got))
	}
	if q.First != "" && (len(got) == 0 || got[0] != q.First) {
		t.Errorf("query %q: first hit of %v, want %s first", q.Query, got, q.First)
	}
	if len(q.Marked) > 0 && len(res.Hits) > 0 {
		var marked []string
		for _, p := range res.Hits[0].Snippet.Parts {
			if p.Mark {
				marked = append(marked, p.Text)
			}
		}
		for _, w := range q.Marked {
			if !contains(marked, w) {
				t.Errorf("query %q: snippet %q marks %q, want %q marked", q.Query, res.Hits[0].Snippet.Plain("[", "]"), marked, w)
			}
		}
	}
	for field, terms := range q.Facets {
		counts := map[string]int{}
		for _, f := range res.Facets {
			if f.Field == field {
				for _, ft := range f.Terms {
					counts[ft.Term] = ft.Count
				}
			}
		}
		for term, n := range terms {
			if counts[term] != n {
				t.Errorf("facet %s=%s: count %d, want %d (all: %v)", field, term, counts[term], n, counts)
			}
		}
		if len(counts) != len(terms) {
			t.Errorf("facet %s: terms %v, want exactly %v", field, counts, terms)
		}
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
