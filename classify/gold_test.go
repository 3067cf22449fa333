package classify

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// evalPassages classifies the gold passages of file and evaluates them.
func evalPassages(t *testing.T, c *Classifier, file string) *Report {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "gold", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := LoadPassages(f, file)
	if err != nil {
		t.Fatal(err)
	}
	base := "https://gold.example/" + file
	items := make([]Item, len(ps))
	for i, p := range ps {
		m := p.Model(base)
		items[i] = Item{Gold: p.Gold(base), Got: c.Classify(m), Baseline: c.Baseline(m)}
	}
	return Evaluate(items, c.Codebook().Version)
}

func logReport(t *testing.T, r *Report, c *Classifier) {
	var buf bytes.Buffer
	if err := r.WriteText(&buf, c.Codebook()); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
}

func TestGoldTuning(t *testing.T) {
	c := New(Default())
	r := evalPassages(t, c, "tune.yaml")
	if testing.Verbose() {
		logReport(t, r, c)
	}
	if r.N < 90 {
		t.Fatalf("tuning part has %d passages", r.N)
	}
	// The bars of the issue, on the part the lexicon is tuned on.
	if f := r.Classifier.Methods.Micro.F1; f < 0.90 {
		t.Errorf("tuning methods micro-F1 %.3f < 0.90", f)
	}
	if f := r.Classifier.Phases.Micro.F1; f < 0.80 {
		t.Errorf("tuning phases micro-F1 %.3f < 0.80", f)
	}
	if a := r.Classifier.Described.Accuracy; a < 0.95 {
		t.Errorf("tuning described accuracy %.3f < 0.95", a)
	}
}

// TestGoldHeldAside measures the part written before tuning and never tuned
// on. It reports the figures; it only requires the classifier to beat the
// naive baseline, since its figures are what they are.
func TestGoldHeldAside(t *testing.T) {
	c := New(Default())
	r := evalPassages(t, c, "test.yaml")
	if testing.Verbose() {
		logReport(t, r, c)
	}
	if r.N < 60 {
		t.Fatalf("held-aside part has %d passages", r.N)
	}
	cl, bl := r.Classifier, r.Baseline
	if cl.Methods.Micro.F1 <= bl.Methods.Micro.F1 || cl.Described.Accuracy <= bl.Described.Accuracy {
		t.Errorf("classifier (methods F1 %.3f, described %.3f) does not beat the baseline (%.3f, %.3f)",
			cl.Methods.Micro.F1, cl.Described.Accuracy, bl.Methods.Micro.F1, bl.Described.Accuracy)
	}
}
