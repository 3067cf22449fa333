package crawler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fieldChecks are the values a reader of each page sees, written by hand
// for the fixtures in testdata/extract: variant a and b of the bundled
// snapshot's markup and a Drupal field__label/field__item page, each with
// a Tekijä label, fields of several values (and one value of two paragraphs),
// dates in <time>, a site-name h1 in the header and a list of
// attachments or links that is not a text section.
var fieldChecks = map[string]map[string]string{
	"variant-a-fields": {
		"title":      "Asukasraati & kotihoito: yhdessä suunnitellut käynnit",
		"summary":    "Asukasraati suunnittelee kotihoidon käyntejä yhdessä hoitajien kanssa.",
		"place":      "Kuopion kotihoito",
		"region_raw": "Kuopio\nPohjois-Savo",
		"funder":     "Sosiaali- ja terveysministeriö\nKuopion kaupunki",
		"project":    "",
		"author":     "Pohjois-Savon hyvinvointialue",
		"created":    "2022-03-07",
		"modified":   "2023-11-15",
		"stage":      "Levitettävissä",
		"sections":   "Ratkaisun perusidea|Vaikutukset",
	},
	"variant-b-fields": {
		"title":      "Nuorten palvelupolku yhdessä nuorten kanssa",
		"summary":    "",
		"place":      "",
		"region_raw": "Oulu\nKainuu",
		"funder":     "Opetus- ja kulttuuriministeriö\nEuroopan sosiaalirahasto",
		"project":    "",
		"author":     "Oulun nuorisopalvelut",
		"created":    "2021-09-01",
		"modified":   "",
		"stage":      "Valmis",
		"sections":   "Ratkaisun perusidea",
	},
	"drupal-fields": {
		"title":      "Perhekeskuksen vertaisryhmät – vanhemmat ryhmien ohjaajina",
		"summary":    "Vanhemmat ohjaavat vertaisryhmiä perhekeskuksessa.",
		"place":      "Seinäjoen perhekeskus",
		"region_raw": "Seinäjoki\nEtelä-Pohjanmaa",
		"funder":     "Sosiaali- ja terveysministeriö\nEtelä-Pohjanmaan hyvinvointialue\nEuroopan unioni",
		"project":    "Perhekeskukset Etelä-Pohjanmaalla",
		"author":     "Etelä-Pohjanmaan perhekeskus",
		"created":    "2020-05-12",
		"modified":   "2024-01-30",
		"stage":      "Juurrutettu",
		"sections":   "Ratkaisun perusidea|Kohderyhmä ja asiakasymmärrys",
	},
}

// TestFieldChecks compares each field of the fixtures with the hand-written
// value and logs how many checks were right.
func TestFieldChecks(t *testing.T) {
	right, total := 0, 0
	for name, want := range fieldChecks {
		t.Run(name, func(t *testing.T) {
			mainHTML, err := os.ReadFile(filepath.Join("testdata", "extract", name, "main.html"))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Extract(mainHTML, nil, "https://innokyla.example/fi/toimintamalli/"+name+"/")
			if err != nil {
				t.Fatal(err)
			}
			var heads []string
			for _, s := range m.Sections {
				heads = append(heads, s.Heading)
			}
			got := map[string]string{
				"title": m.Title, "summary": m.Summary, "place": m.Place, "region_raw": m.RegionRaw,
				"funder": m.Funder, "project": m.Project, "author": m.Author, "created": m.Created,
				"modified": m.Modified, "stage": m.Stage, "sections": strings.Join(heads, "|"),
			}
			for field, w := range want {
				total++
				if got[field] == w {
					right++
					continue
				}
				t.Errorf("%s = %q, want %q", field, got[field], w)
			}
		})
	}
	t.Logf("%d of %d field checks right", right, total)
}
