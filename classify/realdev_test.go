package classify

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// loadRealdev reads testdata/realdev: 115 models rewritten from real
// Innokylä pages and coded by two coders (its README tells how).
func loadRealdev(t testing.TB) ([]*model.Model, []GoldRow) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "realdev")
	f, err := os.Open(filepath.Join(dir, "records.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byURL := map[string]*model.Model{}
	dec := json.NewDecoder(f)
	for dec.More() {
		m := new(model.Model)
		if err := dec.Decode(m); err != nil {
			t.Fatalf("records.jsonl: %v", err)
		}
		byURL[m.URL] = m
	}
	g, err := os.Open(filepath.Join(dir, "gold.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, err := ReadGold(g, "gold.csv")
	if err != nil {
		t.Fatal(err)
	}
	models := make([]*model.Model, len(rows))
	for i, r := range rows {
		if models[i] = byURL[r.URL]; models[i] == nil {
			t.Fatalf("gold line %d: no record for %s", r.Line, r.URL)
		}
	}
	return models, rows
}

// realdevReport classifies the realdev models and scores them.
func realdevReport(t testing.TB, c *Classifier) *Report {
	models, gold := loadRealdev(t)
	items := make([]Item, len(models))
	for i, m := range models {
		items[i] = Item{Gold: gold[i], Got: c.Classify(m), Baseline: c.Baseline(m)}
	}
	return Evaluate(items, c.Codebook().Version)
}

// TestRealdev holds the classifier to the level of a careful second human
// coder on real page patterns: the agreement the two coders of the set
// reached with each other before adjudication.
func TestRealdev(t *testing.T) {
	c := New(Default())
	r := realdevReport(t, c)
	if testing.Verbose() {
		logReport(t, r, c)
	}
	if r.N != 115 {
		t.Fatalf("realdev has %d gold rows, want 115", r.N)
	}
	f := r.Classifier
	for _, bar := range []struct {
		name      string
		got, want float64
	}{
		{"described accuracy", f.Described.Accuracy, 0.95},
		{"described kappa", f.Described.Kappa, 0.75},
		{"methods micro-F1", f.Methods.Micro.F1, 0.78},
		{"phases micro-F1", f.Phases.Micro.F1, 0.70},
	} {
		t.Run(bar.name, func(t *testing.T) {
			if bar.got < bar.want {
				t.Errorf("%s %.3f, want at least %.2f", bar.name, bar.got, bar.want)
			}
		})
	}
	t.Run("false methods on hard negatives", func(t *testing.T) {
		var hard, falseCodes int
		for _, cat := range r.Categories {
			if cat.Name != "positive" && cat.Name != "plain_negative" {
				hard += cat.Models
				falseCodes += cat.FalseMethods
			}
		}
		if hard == 0 {
			t.Fatal("no hard negatives in the gold categories")
		}
		if float64(falseCodes) > float64(hard)/20 {
			t.Errorf("%d false method codes on %d hard-negative models, want at most one per 20", falseCodes, hard)
		}
	})
}
