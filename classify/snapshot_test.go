package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
	"gopkg.in/yaml.v3"
)

// snapshotModel is the part of a testdata/sitesrc model file the
// classifier reads.
type snapshotModel struct {
	Slug     string          `yaml:"slug"`
	Title    string          `yaml:"title"`
	Summary  string          `yaml:"summary"`
	Sections []model.Section `yaml:"sections"`
}

// loadSnapshot reads the snapshot's model sources and its gold CSV. It
// skips the test when the snapshot is not generated yet.
func loadSnapshot(t testing.TB) ([]*model.Model, []GoldRow) {
	t.Helper()
	root := filepath.Join("..", "testdata")
	f, err := os.Open(filepath.Join(root, "snapshot-gold.csv"))
	if os.IsNotExist(err) {
		t.Fatal("testdata/snapshot-gold.csv is missing: go run ./internal/sitegen/cmd/sitegen -gold testdata/snapshot-gold.csv")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := ReadGold(f, "snapshot-gold.csv")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "sitesrc", "models", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	bySlug := map[string]*model.Model{}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var sm snapshotModel
		if err := yaml.Unmarshal(b, &sm); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		m := &model.Model{ID: sm.Slug, URL: "https://innokyla.example/fi/toimintamalli/" + sm.Slug,
			Title: sm.Title, Summary: sm.Summary}
		for _, s := range sm.Sections {
			s.Text = strings.TrimRight(s.Text, "\n")
			m.Sections = append(m.Sections, s)
		}
		bySlug[sm.Slug] = m
	}
	var models []*model.Model
	var gold []GoldRow
	for _, g := range rows {
		m := bySlug[g.URL[strings.LastIndex(g.URL, "/")+1:]]
		if m == nil {
			t.Fatalf("gold line %d: no model source for %s", g.Line, g.URL)
		}
		models = append(models, m)
		gold = append(gold, g)
	}
	return models, gold
}

// TestSnapshotGold measures agreement with the snapshot's gold coding,
// written by another coder (the snapshot's author): on all of it, and on
// the models added after the lexicon was last adjusted (listed in
// testdata/gold/snapshot-unseen-urls.txt), which it was never tuned on.
func TestSnapshotGold(t *testing.T) {
	models, gold := loadSnapshot(t)
	b, err := os.ReadFile(filepath.Join("..", "testdata", "gold", "snapshot-unseen-urls.txt"))
	if err != nil {
		t.Fatal(err)
	}
	unseen := map[string]bool{}
	for _, u := range strings.Fields(string(b)) {
		unseen[u] = true
	}
	c := New(Default())
	var all, fresh []Item
	for i, m := range models {
		it := Item{Gold: gold[i], Got: c.Classify(m), Baseline: c.Baseline(m)}
		all = append(all, it)
		if unseen[gold[i].URL] {
			fresh = append(fresh, it)
		}
	}
	for _, part := range []struct {
		name  string
		items []Item
	}{{"all", all}, {"unseen", fresh}} {
		r := Evaluate(part.items, c.Codebook().Version)
		if testing.Verbose() {
			t.Logf("snapshot gold, %s models:", part.name)
			logReport(t, r, c)
		}
		if r.Classifier.Described.Accuracy <= r.Baseline.Described.Accuracy {
			t.Errorf("%s: described accuracy %.3f does not beat the baseline %.3f", part.name,
				r.Classifier.Described.Accuracy, r.Baseline.Described.Accuracy)
		}
	}
}
