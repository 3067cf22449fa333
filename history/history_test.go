package history

import (
	"reflect"
	"testing"

	"github.com/innokyla/innokyla/model"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"two", "Asiakkaat olivat mukana. Kysely tehtiin!", []string{"Asiakkaat olivat mukana.", "Kysely tehtiin!"}},
		{"list and paragraphs", "Alku.\n\n- yksi\n- kaksi", []string{"Alku.", "yksi", "kaksi"}},
		{"spaces", "  Väli   on  pitkä.  ", []string{"Väli on pitkä."}},
		{"empty", " \n ", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sentences(tc.text); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q) = %q; want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	sec := func(h, text string) model.Section { return model.Section{Page: model.PageMain, Heading: h, Text: text} }
	old := &model.Model{ID: "a", Title: "Malli", Stage: "Valmis", Sections: []model.Section{
		sec("Perusidea", "Yksi. Kaksi. Kolme."), sec("Arviointi", "Ennallaan."), sec("Poistuva", "Pois.")},
		Participation: &model.Participation{Described: false}}
	new := &model.Model{ID: "a", Title: "Malli", Stage: "Arvioitu", Sections: []model.Section{
		sec("Perusidea", "Yksi. Uusi lause. Kolme."), sec("Arviointi", "Ennallaan."), sec("Uusi", "Lisätty.")},
		Participation: &model.Participation{Described: true, Phases: []string{"ideation"}, Methods: []model.Method{
			{ID: "survey", Phases: []string{"ideation"}, Evidence: []model.Evidence{{Section: "Perusidea", Text: "Uusi lause."}}}}}}
	d := Compare(old, new)
	if want := []Field{{Name: "stage", Old: "Valmis", New: "Arvioitu"}}; !reflect.DeepEqual(d.Fields, want) {
		t.Errorf("fields %+v", d.Fields)
	}
	want := []Section{
		{Page: "main", Heading: "Perusidea", Status: SectionChanged, Added: []string{"Uusi lause."}, Removed: []string{"Kaksi."}},
		{Page: "main", Heading: "Uusi", Status: SectionAdded, Added: []string{"Lisätty."}},
		{Page: "main", Heading: "Poistuva", Status: SectionRemoved, Removed: []string{"Pois."}},
	}
	if !reflect.DeepEqual(d.Sections, want) {
		t.Errorf("sections\n%+v\nwant\n%+v", d.Sections, want)
	}
	c := d.Coding
	if c == nil || c.DescribedBefore || !c.DescribedAfter || len(c.MethodsGained) != 1 || c.MethodsGained[0].Evidence != "Uusi lause." ||
		!reflect.DeepEqual(c.PhasesGained, []string{"ideation"}) || len(c.MethodsLost)+len(c.PhasesLost) != 0 {
		t.Errorf("coding %+v", c)
	}
	if d := Compare(old, old); !d.Empty() {
		t.Errorf("a version compared with itself: %+v", d)
	}
}
