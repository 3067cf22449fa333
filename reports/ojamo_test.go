package reports

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// snapshotModels builds the bundled snapshot's records from
// testdata/sitesrc (what a crawl gives, regions normalised) with their gold
// coding (the gold: block of each source, which testdata/snapshot-gold.csv
// is generated from).
//
// The gold codes methods and phases per model, not per method, so a method
// is credited in each of its model's gold phases (and with no phase when
// the model has none). The per-method placement the classifier makes is
// checked by the end-to-end CLI test, not here.
func snapshotModels(t *testing.T) []*model.Model {
	t.Helper()
	c, err := sitegen.Load(filepath.Join("..", "testdata", "sitesrc"))
	if err != nil {
		t.Fatal(err)
	}
	var ms []*model.Model
	for _, s := range c.Sources {
		m := s.Record()
		m.Region, m.Regions = region.Normalize(m.RegionRaw, m.Place)
		p := &model.Participation{Codebook: "gold", Described: s.Gold.Described, Phases: s.Gold.Phases}
		for _, id := range s.Gold.Methods {
			p.Methods = append(p.Methods, model.Method{ID: id, Phases: p.Phases})
		}
		m.Participation = p
		ms = append(ms, m)
	}
	return ms
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// TestOjamoOnSnapshot reproduces Ojamo's headline figures from the gold
// coding of the bundled snapshot: `report --region Uusimaa --until
// 2022-11-30` gives 32 models in 5 groups, 10 without a description,
// exactly one group with all four phases, surveys the top method in
// ideation and client feedback the top in piloting and evaluation.
func TestOjamoOnSnapshot(t *testing.T) {
	uusimaa, err := region.Resolve("Uusimaa")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, r := range uusimaa {
		in[r] = true
	}
	a, _ := NewAggregator(GroupByRegion)
	for _, m := range snapshotModels(t) {
		// The store's selection: primary region among the resolved ones,
		// created on or before the date.
		if in[m.Region] && m.Created != "" && m.Created <= "2022-11-30" {
			a.Add(m)
		}
	}
	r := a.Result()
	var b bytes.Buffer
	if err := WriteMarkdown(&b, &Report{Selection: Selection{Regions: uusimaa, Until: "2022-11-30", GroupBy: GroupByRegion}, Result: r, Lang: LangFI}); err != nil {
		t.Fatal(err)
	}
	golden(t, "golden/ojamo-snapshot.md", b.Bytes())

	if r.Total.Models != 32 || len(r.Groups) != 5 {
		t.Errorf("%d models in %d groups, want 32 in 5", r.Total.Models, len(r.Groups))
	}
	if n := r.Total.NotDescribed(); n != 10 {
		t.Errorf("%d models without a description, want 10", n)
	}
	all := 0
	for _, g := range r.Groups {
		if g.AllPhases() {
			all++
		}
	}
	if all != 1 {
		t.Errorf("%d groups cover all four phases, want exactly 1", all)
	}
	if m, _ := TopMethod(r.Total, model.Ideation); m != "survey" {
		t.Errorf("top method in ideation %q, want survey", m)
	}
	if m, _ := TopMethod(r.Total, model.PilotingEvaluation); m != "feedback" {
		t.Errorf("top method in piloting_evaluation %q, want feedback", m)
	}
}
