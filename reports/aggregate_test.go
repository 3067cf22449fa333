package reports

import (
	"testing"

	"github.com/innokyla/innokyla/model"
)

func TestAggregateByRegion(t *testing.T) {
	r := aggregate(t, GroupByRegion, fixture())
	var names []string
	for _, g := range r.Groups {
		names = append(names, g.Name)
	}
	want := []string{hki, pir, vk, ""}
	if len(names) != len(want) {
		t.Fatalf("groups %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("groups %q, want %q (Finnish order, unnamed last)", names, want)
		}
	}
	tot := r.Total
	// The model not yet coded is counted apart, not as not described.
	if tot.Models != 8 || tot.Coded != 7 || tot.Described != 5 || tot.NotDescribed() != 2 || tot.NotCoded() != 1 {
		t.Errorf("total models/coded/described/not described/not coded = %d/%d/%d/%d/%d, want 8/7/5/2/1",
			tot.Models, tot.Coded, tot.Described, tot.NotDescribed(), tot.NotCoded())
	}
	// Phases over models: ideation vk-kysely, vk-raati, hki-kokemus = 3
	// (telepathy is not a codebook method, its phase does not count).
	if got := tot.Phases; got != [4]int{3, 2, 2, 3} {
		t.Errorf("total phases %v, want [3 2 2 3]", got)
	}
	// user_testing appears twice in pir-testi: one model.
	ut := methodIndex("user_testing")
	if tot.Methods[ut] != 1 || tot.MethodPhase[ut][3] != 1 {
		t.Errorf("user_testing %d models, %d in piloting; want 1 and 1", tot.Methods[ut], tot.MethodPhase[ut][3])
	}
	iv := methodIndex("interview")
	if tot.MethodPhase[iv][nPhases] != 1 {
		t.Errorf("interview with no phase = %d, want 1", tot.MethodPhase[iv][nPhases])
	}
	if m, n := TopMethod(tot, model.Ideation); m != "survey" || n != 2 {
		t.Errorf("top in ideation %s %d, want survey 2", m, n)
	}
	if m, n := TopMethod(tot, model.PilotingEvaluation); m != "feedback" || n != 2 {
		t.Errorf("top in piloting %s %d, want feedback 2", m, n)
	}
	vkg := r.Groups[2]
	if vkg.Models != 4 || vkg.Described != 2 || vkg.PhasesCovered() != 4 || !vkg.AllPhases() {
		t.Errorf("VK: models %d described %d phases %d all %v; want 4 2 4 true", vkg.Models, vkg.Described, vkg.PhasesCovered(), vkg.AllPhases())
	}
	// Helsinki covers all four across its two models; Pirkanmaa only piloting.
	if !r.Groups[0].AllPhases() || r.Groups[1].PhasesCovered() != 1 || r.Groups[1].AllPhases() {
		t.Errorf("Helsinki all=%v, Pirkanmaa covered=%d", r.Groups[0].AllPhases(), r.Groups[1].PhasesCovered())
	}
	if len(r.Codebooks) != 1 || r.Codebooks[0] != "2026.1" {
		t.Errorf("codebooks %q", r.Codebooks)
	}
}

func TestAggregateByProject(t *testing.T) {
	r := aggregate(t, GroupByProject, fixture())
	if len(r.Groups) != 3 {
		t.Fatalf("%d project groups, want 3", len(r.Groups))
	}
	last := r.Groups[len(r.Groups)-1]
	if last.Name != "" || last.Models != 2 {
		t.Errorf("last group %q with %d models, want the unnamed group with 2", last.Name, last.Models)
	}
}

func TestAggregateUnknownGroupBy(t *testing.T) {
	if _, err := NewAggregator("funder"); err == nil {
		t.Fatal("group by funder accepted")
	}
}

func TestEmptyResult(t *testing.T) {
	r := aggregate(t, GroupByRegion, nil)
	if !r.Empty() || len(r.Groups) != 0 {
		t.Fatalf("empty selection: empty=%v groups=%d", r.Empty(), len(r.Groups))
	}
	for _, tb := range Tables(r, LangFI) {
		for _, row := range tb.Rows {
			for _, c := range row.Cells {
				if s := c.text(LangFI); s == "NaN" || s == "NaN %" {
					t.Fatalf("table %s: %q", tb.ID, s)
				}
			}
		}
	}
	if got := LangFI.pct(0, 0); got != "0,0" {
		t.Errorf("pct(0,0) = %q, want 0,0", got)
	}
}

func TestResultIsACopy(t *testing.T) {
	a, _ := NewAggregator(GroupByRegion)
	ms := fixture()
	a.Add(ms[0])
	r := a.Result()
	a.Add(ms[1])
	if r.Total.Models != 1 || r.Groups[0].Models != 1 {
		t.Errorf("result changed after Add: total %d group %d", r.Total.Models, r.Groups[0].Models)
	}
}

func TestAggregateCountsReviewedModels(t *testing.T) {
	ms := fixture()
	ms[0].Reviewed, ms[3].Reviewed = true, true
	r := aggregate(t, GroupByRegion, ms)
	n := 0
	for _, g := range r.Groups {
		n += g.Reviewed
	}
	if r.Total.Reviewed != 2 || n != 2 {
		t.Fatalf("reviewed: total %d, groups %d; want 2 and 2", r.Total.Reviewed, n)
	}
}
