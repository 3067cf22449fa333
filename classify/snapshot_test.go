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
		t.Skip("testdata/snapshot-gold.csv not generated yet")
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
// written by another coder (the snapshot's author) and not tuned on.
func TestSnapshotGold(t *testing.T) {
	models, gold := loadSnapshot(t)
	c := New(Default())
	items := make([]Item, len(models))
	for i, m := range models {
		items[i] = Item{Gold: gold[i], Got: c.Classify(m), Baseline: c.Baseline(m)}
	}
	r := Evaluate(items, c.Codebook().Version)
	if testing.Verbose() {
		logReport(t, r, c)
	}
	if r.Classifier.Described.Accuracy <= r.Baseline.Described.Accuracy {
		t.Errorf("described accuracy %.3f does not beat the baseline %.3f", r.Classifier.Described.Accuracy, r.Baseline.Described.Accuracy)
	}
}
