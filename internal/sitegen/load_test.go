package sitegen

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	cases := []struct{ dir, want string }{
		{"unknown-field", "models/malli.yaml:4: field colour not found"},
		{"bad-slug", `models/malli.yaml:1: bad slug "Malli_1"`},
		{"duplicate-slug", `models/b.yaml:1: duplicate model slug "malli" (also in`},
		{"unknown-project", `models/malli.yaml:3: unknown project "puuttuva"`},
		{"bad-date", `models/malli.yaml:4: bad created date "2021-02-01"`},
		{"bad-method", `models/malli.yaml:13: unknown method ID "asiakaskysely"`},
		{"bad-phase", `models/malli.yaml:12: unknown phase ID "loppu"`},
		{"bad-page", `models/malli.yaml:6: bad page "polku"`},
		{"syntax", "models/malli.yaml:3: mapping values are not allowed"},
		{"undescribed-with-methods", "models/malli.yaml:10: described is false but methods or phases are given"},
		{"modified-before-created", "models/malli.yaml:5: modified 01.01.2020 is before created 01.02.2021"},
		{"bad-stage", `models/malli.yaml:5: bad stage "Valmiina"`},
		{"missing-title", "models/malli.yaml:2: missing title"},
		{"project-unknown-field", "projects/hanke.yaml:3: field alue not found"},
		{"bad-heading", `models/malli.yaml:7: heading "Arviointi" is not an Innokylä main-page heading`},
		{"dup-heading", `models/malli.yaml:10: heading "Ratkaisun perusidea" twice on the main page`},
	}
	for _, tc := range cases {
		t.Run(tc.dir, func(t *testing.T) {
			_, err := Load(filepath.Join("testdata", "load-errors", tc.dir))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if !strings.Contains(filepath.ToSlash(err.Error()), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLoadReportsEveryBadFile(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "load-errors", "bad-method"))
	if err == nil || strings.Count(err.Error(), "malli.yaml") != 1 {
		t.Fatalf("want exactly one problem, got %v", err)
	}
	_, err = Load(filepath.Join("testdata", "no-such-dir"))
	if err == nil || !strings.Contains(err.Error(), "no models") {
		t.Fatalf("missing dir: got %v", err)
	}
}

func TestRecord(t *testing.T) {
	c, err := Load(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 3 || len(c.Projects) != 1 {
		t.Fatalf("loaded %d models, %d projects", len(c.Sources), len(c.Projects))
	}
	var got *model.Model
	for _, s := range c.Sources {
		if s.Slug == "kotikaynnit-etana" {
			got = s.Record()
		}
	}
	want := &model.Model{
		ID:        "kotikaynnit-etana",
		URL:       "https://innokyla.example/fi/toimintamalli/kotikaynnit-etana",
		Title:     "Kotikäynnit etänä & yhdessä",
		Summary:   `Kotihoidon asiakas voi valita osan käynneistä videoyhteydellä. "Tavallinen" käynti säilyy.`,
		Place:     "",
		RegionRaw: "Vantaa",
		Funder:    "Sosiaali- ja terveysministeriö",
		Project:   "Kotona kaupungissa -hanke",
		Author:    "Kotihoidon kehittäjätiimi",
		Created:   "2021-02-03",
		Modified:  "2022-11-15",
		Stage:     "Valmis",
		Sections: []model.Section{
			{Page: "main", Heading: "Ratkaisun perusidea", Text: "Videokäynti korvaa osan lyhyistä tarkistuskäynneistä. Rivitetty jatko kuuluu samaan kappaleeseen.\n\nKäynnin sisältö:\n\n- lääkkeiden otto\n- vointi ja <ruokailu>"},
			{Page: "main", Heading: "Toimintaympäristö", Text: ""},
			{Page: "main", Heading: "Resurssit", Text: "Kaksi sairaanhoitajaa ja tabletit."},
			{Page: "kehittamisen-polku", Heading: "Oivalla ja ymmärrä", Text: "Alkuvaiheessa asiakkaille tehtiin puhelinkysely.\n\n| Vaihe | Mitä tehtiin |\n| Ideointi | Kysely kahdellekymmenelle asiakkaalle |\n| Kokeilu |  |"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Record:\n got %#v\nwant %#v", got, want)
	}
}

func TestCanonicalText(t *testing.T) {
	cases := map[string]string{
		"Täydentyy\n":              "",
		"  Täydentyy  ":            "",
		"Täydentyy on kesken.":     "Täydentyy on kesken.",
		"a\n\n\n\nb":               "a\n\nb",
		"- x\n-  y  z\nkappale":    "- x\n- y z\n\nkappale",
		"|a|b|":                    "|a|b|",
		"| a  |  b |\n| c | d |\n": "| a | b |\n| c | d |",
		"rivi\r\njatkuu":           "rivi jatkuu",
		"kova\u00a0väli":           "kova väli",
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			if got := CanonicalText(in); got != want {
				t.Errorf("CanonicalText(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
