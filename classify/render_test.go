package classify

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestReportGolden renders the evaluation of the tuning passages; run with
// -update after a deliberate change of the lexicon or the layout.
func TestReportGolden(t *testing.T) {
	if Morphology != "suffixes" {
		t.Skipf("the golden report is of the default build; this one reads words with %s", Morphology)
	}
	c := New(Default())
	r := evalPassages(t, c, "tune.yaml")
	var buf bytes.Buffer
	if err := r.WriteText(&buf, c.Codebook()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "tune-report.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update once)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("report differs from %s; got:\n%s", golden, buf.String())
	}
}
