package sitegen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/innokyla/innokyla/region"
)

const regenerate = "go run ./internal/sitegen/cmd/sitegen -src testdata/sitesrc -out testdata/site -gold testdata/snapshot-gold.csv"

// TestSnapshotUpToDate checks that the committed testdata/site and
// testdata/snapshot-gold.csv are what the sources generate, and that the
// snapshot is big and varied enough for the crawler and reports.
func TestSnapshotUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	c, err := Load(filepath.Join(root, "sitesrc"))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := Write(c, out, "a"); err != nil {
		t.Fatal(err)
	}
	want, got := readTree(t, out), readTree(t, filepath.Join(root, "site"))
	for name, data := range want {
		if !bytes.Equal(data, got[name]) {
			t.Errorf("testdata/site/%s is stale or missing; run %s", name, regenerate)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("testdata/site/%s was not generated; run %s", name, regenerate)
		}
	}
	var gold bytes.Buffer
	if err := WriteGold(&gold, c); err != nil {
		t.Fatal(err)
	}
	if committed, _ := os.ReadFile(filepath.Join(root, "snapshot-gold.csv")); !bytes.Equal(committed, gold.Bytes()) {
		t.Errorf("testdata/snapshot-gold.csv is stale; run %s", regenerate)
	}

	regions := map[string]bool{}
	undescribed := 0
	for _, s := range c.Sources {
		r := s.Record()
		if primary, _ := region.Normalize(r.RegionRaw, r.Place); primary != "" {
			regions[primary] = true
		}
		if !s.Gold.Described {
			undescribed++
		}
	}
	if len(c.Sources) < 80 || len(regions) < 10 {
		t.Errorf("snapshot has %d models in %d regions; want at least 80 in 10", len(c.Sources), len(regions))
	}
	if undescribed == 0 || undescribed == len(c.Sources) {
		t.Errorf("%d of %d models undescribed: the gold needs both kinds", undescribed, len(c.Sources))
	}
}
