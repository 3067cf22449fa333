package crawler

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// wantRecord is what a crawl must give for a source: its Record plus the
// region normalisation.
func wantRecord(s *sitegen.Source) *model.Model {
	m := s.Record()
	m.Region, m.Regions = region.Normalize(m.RegionRaw, m.Place)
	return m
}

// TestExtractBothVariants renders the snapshot sources in the markup
// variants of the snapshot (a, b) and the Drupal field variant (c) and
// checks that Extract gives every model's record from each.
func TestExtractBothVariants(t *testing.T) {
	corpus, err := sitegen.Load(filepath.Join("..", "testdata", "sitesrc"))
	if err != nil {
		t.Fatal(err)
	}
	if len(corpus.Sources) == 0 {
		t.Fatal("no sources")
	}
	for _, variant := range []string{"a", "b", "c"} {
		dir := t.TempDir()
		if err := sitegen.Write(corpus, dir, variant); err != nil {
			t.Fatal(err)
		}
		for _, s := range corpus.Sources {
			mainHTML, err := os.ReadFile(filepath.Join(dir, sitegen.ModelPath(s.Slug), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			pathHTML, err := os.ReadFile(filepath.Join(dir, sitegen.PathPagePath(s.Slug), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Extract(mainHTML, pathHTML, "file://"+sitegen.ModelPath(s.Slug))
			if err != nil {
				t.Errorf("variant %s %s: %v", variant, s.Slug, err)
				continue
			}
			if want := wantRecord(s); !reflect.DeepEqual(got, want) {
				t.Errorf("variant %s %s:\n%s", variant, s.Slug, diffModels(got, want))
			}
		}
	}
}
