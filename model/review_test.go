package model

import (
	"strings"
	"testing"
)

func TestParseCodeSpec(t *testing.T) {
	for _, tc := range []struct {
		in, method, phases, err string
	}{
		{"workshop", "workshop", "", ""},
		{"Työpaja:suunnittelu,ideation", "workshop", "ideation,planning", ""},
		{"survey:", "survey", "", ""},
		{"kahvi", "", "", `method "kahvi"`},
		{"survey:later", "", "", `phase "later"`},
	} {
		t.Run(tc.in, func(t *testing.T) {
			m, ph, err := ParseCodeSpec(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || m != tc.method || strings.Join(ph, ",") != tc.phases {
				t.Fatalf("got %q %q %v", m, ph, err)
			}
		})
	}
}

func TestFindPassage(t *testing.T) {
	m := &Model{ID: "x", Sections: []Section{
		{Page: PageMain, Heading: "Idea", Text: "Ensin.\n\nÄiti ja asiakkaat\nsuunnittelivat   mallin."},
		{Page: PagePath, Heading: "Polku", Text: "Kysely tehtiin."},
	}}
	for _, tc := range []struct {
		name, in, text, section string
		start                   int
	}{
		{"exact", "Kysely tehtiin.", "Kysely tehtiin.", "Polku", 0},
		{"folded white space", "asiakkaat suunnittelivat mallin", "asiakkaat\nsuunnittelivat   mallin", "Idea", 17},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := m.FindPassage(tc.in)
			if err != nil || e.Text != tc.text || e.Section != tc.section || e.Start != tc.start || e.End != tc.start+len(tc.text) {
				t.Fatalf("got %+v %v", e, err)
			}
		})
	}
	if _, err := m.FindPassage("ei ole"); err == nil || !strings.Contains(err.Error(), "no section of x") {
		t.Fatalf("missing passage: %v", err)
	}
}
