package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	vk  = "Vantaan ja Keravan hyvinvointialue"
	hki = "Helsingin kaupunki"
	pir = "Pirkanmaan hyvinvointialue"
)

// ev is an evidence sentence in a section.
func ev(section, text string, phases ...string) model.Evidence {
	return model.Evidence{Page: model.PagePath, Section: section, Text: text, Phases: phases}
}

// meth is a method with its phases and one evidence sentence.
func meth(id string, e model.Evidence) model.Method {
	return model.Method{ID: id, Phases: e.Phases, Evidence: []model.Evidence{e}}
}

// coded builds a coded model; the model's phases are the union of its
// methods' phases.
func codedModel(id, title, region, project, created string, described bool, ms ...model.Method) *model.Model {
	seen := map[string]bool{}
	var phases []string
	for _, m := range ms {
		for _, p := range m.Phases {
			if !seen[p] {
				seen[p] = true
				phases = append(phases, p)
			}
		}
	}
	return &model.Model{
		ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: title,
		Region: region, Project: project, Created: created,
		FetchedAt:     time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Participation: &model.Participation{Codebook: "2026.1", Described: described, Methods: ms, Phases: phases},
	}
}

// fixture is a small corpus written for these tests: three regions, a model
// with no region, one not yet coded, a hostile title, a repeated method and
// a code outside the codebook.
func fixture() []*model.Model {
	ms := []*model.Model{
		codedModel("vk-kysely", "Vastaanoton ajanvaraus uusiksi", vk, "Sote-keskus Vantaa-Kerava", "2021-03-12", true,
			meth("survey", ev("Oivalla ja ymmärrä", "Kehittämisen alussa asiakkaille tehtiin verkkokysely odotusajoista.", model.Ideation)),
			meth("feedback", ev("Arviointi", "Kokeilun jälkeen kerättiin asiakaspalautetta tekstiviestillä.", model.PilotingEvaluation))),
		codedModel("vk-raati", "Asiakasraati palveluohjauksen tukena", vk, "Sote-keskus Vantaa-Kerava", "2021-09-01", true,
			meth("client_council", ev("Kuvittele ja kokeile", "Asiakasraati suunnitteli neuvontapisteen aukioloajat.", model.Planning)),
			meth("workshop", ev("Kuvittele ja kokeile", "Työpajoissa asukkaat työstivät ohjeita.", model.Development)),
			meth("survey", ev("Oivalla ja ymmärrä", "Lähtötilanteen kartoitukseen käytettiin kyselyä.", model.Ideation))),
		codedModel("vk-ei", "Kotihoidon reitit", vk, "Sote-keskus Vantaa-Kerava", "2022-01-20", false),
		codedModel("hki-kokemus", "Kokemusasiantuntijat päivystyksessä | pilotti\n2. vaihe <script>alert(1)</script>", hki, "Sote-keskus Helsinki", "2022-05-05", true,
			meth("experts_by_experience", ev("Kehittäjäjoukon kokoaminen", "Kokemusasiantuntija oli mukana <b>ideoinnissa</b> ja arvioinnissa.", model.Ideation, model.PilotingEvaluation)),
			meth("feedback", ev("Arviointi", "Palautekysely kokeilun lopussa.", model.PilotingEvaluation))),
		codedModel("hki-haastattelu", "Omaishoitajien haastattelut", hki, "Sote-keskus Helsinki", "2022-10-30", true,
			meth("interview", ev("Oivalla ja ymmärrä", "Omaishoitajia haastateltiin.")),
			meth("codesign", ev("Kuvittele ja kokeile", "Palvelu muotoiltiin yhdessä asiakkaiden kanssa.", model.Planning, model.Development))),
		codedModel("pir-testi", "Etähoidon tabletti", pir, "", "2024-02-01", true,
			meth("user_testing", ev("Kuvittele ja kokeile", "Asiakkaat testasivat prototyyppiä kotona.", model.PilotingEvaluation)),
			meth("user_testing", ev("Arviointi", "Toinen testikierros.", model.PilotingEvaluation)),
			model.Method{ID: "telepathy", Phases: []string{model.Ideation}}),
		codedModel("ei-aluetta", "Valtakunnallinen opas", "", "", "2023-06-15", false),
	}
	// The unknown method's phase is not one of the model's phases.
	ms[5].Participation.Phases = []string{model.PilotingEvaluation}
	// Not coded yet.
	ms = append(ms, &model.Model{ID: "vk-uusi", Title: "Uusi malli", Region: vk, Project: "Sote-keskus Vantaa-Kerava",
		Created: "2022-11-01", FetchedAt: time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)})
	return ms
}

// aggregate feeds models to a new aggregator.
func aggregate(t testing.TB, groupBy string, ms []*model.Model) *Result {
	t.Helper()
	a, err := NewAggregator(groupBy)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		a.Add(m)
	}
	return a.Result()
}

// golden compares got with testdata/<name>, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}
