package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHashCoversContentOnly(t *testing.T) {
	m := Model{ID: "a", URL: "u", Title: "T", Sections: []Section{{Page: PageMain, Heading: "H", Text: "x"}}}
	h := m.Hash()
	m.FetchedAt = time.Now()
	m.Version = 7
	m.Participation = &Participation{Codebook: "c", Described: true}
	if m.Hash() != h {
		t.Error("fetch time, version or coding changed the content hash")
	}
	for name, change := range map[string]func(*Model){
		"title":   func(m *Model) { m.Title = "T2" },
		"section": func(m *Model) { m.Sections[0].Text = "y" },
		"page":    func(m *Model) { m.Sections[0].Page = PagePath },
		"region":  func(m *Model) { m.Region = "Lapin hyvinvointialue" },
		"stage":   func(m *Model) { m.Stage = "Valmis" },
	} {
		t.Run(name, func(t *testing.T) {
			c := m
			c.Sections = append([]Section(nil), m.Sections...)
			change(&c)
			if c.Hash() == h {
				t.Errorf("changing the %s left the hash as it was", name)
			}
		})
	}
}

func TestCodes(t *testing.T) {
	if len(PhaseIDs) != 4 || len(MethodIDs) != 10 {
		t.Fatalf("%d phases, %d methods", len(PhaseIDs), len(MethodIDs))
	}
	for _, id := range MethodIDs {
		if !IsMethod(id) || MethodLabels[id].FI == "" || MethodLabels[id].EN == "" {
			t.Errorf("method %s lacks labels", id)
		}
	}
	for _, id := range PhaseIDs {
		if !IsPhase(id) || PhaseLabels[id].FI == "" {
			t.Errorf("phase %s lacks labels", id)
		}
	}
	if IsMethod("ideation") || IsPhase("survey") {
		t.Error("method and phase IDs mixed up")
	}
}

func TestText(t *testing.T) {
	m := Model{Title: "T", Summary: "S", Created: "2021-02-03", Sections: []Section{{Heading: "H", Text: "x"}}}
	if got := m.Text(); got != "T\n\nS\n\nH\nx" {
		t.Errorf("Text() = %q", got)
	}
	if m.CreatedYear() != "2021" || (&Model{}).CreatedYear() != "" {
		t.Error("CreatedYear")
	}
}

func TestFunders(t *testing.T) {
	for _, tc := range []struct {
		name, funder string
		want         []string
	}{
		{"none", "", nil},
		{"one", "STM", []string{"STM"}},
		{"several", "STM\n Kuopion kaupunki \n\nEU", []string{"STM", "Kuopion kaupunki", "EU"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &Model{Funder: tc.funder}
			if got := m.Funders(); !slices.Equal(got, tc.want) {
				t.Errorf("Funders() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParticipationAtLeast(t *testing.T) {
	p := &Participation{Codebook: "cb", Described: true, Phases: []string{Ideation, Development},
		Methods: []Method{
			{ID: "survey", Phases: []string{Ideation}, Confidence: ConfidenceLow},
			{ID: "codesign", Phases: []string{Development}, Confidence: ConfidenceHigh},
			{ID: "workshop", Phases: []string{Planning}}, // an old coding without confidence
		}}
	for _, tc := range []struct {
		min, methods, phases string
		described            bool
	}{
		{ConfidenceLow, "survey,codesign", "ideation,development", true},
		{ConfidenceMedium, "codesign", "development", true},
		{ConfidenceHigh, "codesign", "development", true},
	} {
		t.Run(tc.min, func(t *testing.T) {
			q := p.AtLeast(tc.min)
			var ids []string
			for _, m := range q.Methods {
				ids = append(ids, m.ID)
			}
			if strings.Join(ids, ",") != tc.methods || strings.Join(q.Phases, ",") != tc.phases || q.Described != tc.described {
				t.Errorf("got %v %v %v", ids, q.Phases, q.Described)
			}
		})
	}
	if len(p.Methods) != 3 {
		t.Error("AtLeast changed its receiver")
	}
	if (&Participation{Methods: []Method{{ID: "survey", Confidence: ConfidenceLow}}}).AtLeast(ConfidenceMedium).Described {
		t.Error("a coding with only low codes is described at medium")
	}
}
