package classify

import (
	"slices"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// code classifies one section under heading and returns the method IDs
// and model phases, joined by commas.
func code(c *Classifier, heading, text string) (methods, phases string, p *model.Participation) {
	m := &model.Model{Sections: []model.Section{{Page: model.PageMain, Heading: heading, Text: text}}}
	p = c.Classify(m)
	var ids []string
	for _, mm := range p.Methods {
		ids = append(ids, mm.ID)
	}
	return strings.Join(ids, ","), strings.Join(p.Phases, ","), p
}

// candidates lists the methods whose cues the lexicon finds in text
// (inflections, gradation, compounds, misspellings), before any judgement.
func candidates(c *Classifier, text string) string {
	sc := new(scratch)
	sc.nt.reset(text)
	c.scan(sc)
	c.fuzzyHits(sc)
	var ids []string
	for _, x := range sc.hits {
		if x.e.kind != kMethodCue && x.e.kind != kMethodClient {
			continue
		}
		if id := c.lx.cb.Methods[x.e.owner].ID; !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return strings.Join(ids, ",")
}

// Every inflected form and gradation variant of a cue is found, also inside
// compounds. Whether it counts is the judgement's (TestJudgement).
func TestInflectionsAndGradation(t *testing.T) {
	c := New(Default())
	cases := map[string][]string{
		"survey": {
			"Asiakkaat vastasivat kyselyyn.", "Kyselyn tuloksia käsiteltiin asiakkaiden kanssa.",
			"Asukkaille tehtyjen kyselyjen mukaan aukiolo oli ongelma.", "Kuntalaisille lähetettiin kyselyitä.",
			"Asiakaskysely toteutettiin verkossa.", "Asiakaskyselyllä saatiin 80 vastausta.",
			"Perheille tehtiin kysely.", "ASIAKASKYSELYN tulokset olivat selkeitä.",
		},
		"experts_by_experience": {
			"Kokemusasiantuntija oli mukana.", "Kokemusasiantuntijoiden ehdotukset huomioitiin.",
			"Hyödynsimme kokemusasiantuntijuutta.", "Kokemusasiantuntijaryhmä kokoontui.",
			"Kokemusasiantuntija-toiminta vakiintui.", "Kokemustoimijat kommentoivat esitettä.",
		},
		"client_council": {
			"Asiakasraati kommentoi mallia.", "Asiakasraadin jäsenet ehdottivat muutoksia.",
			"Asiakasraatitoiminta käynnistyi.",
			"Asukasraadissa pohdittiin aukioloa.", "Vammaisneuvostolta pyydettiin lausunto.",
		},
		"workshop": {
			"Asiakkaat osallistuivat työpajaan.", "Työpajoissa asukkaat ideoivat.",
			"Asukkaiden työpajojen tulokset koottiin.", "Yhteiskehittämistyöpajaan tuli 15 omaista.",
			"Nuorille järjestettiin ideointipaja.",
		},
		"interview": {
			"Asiakkaita haastateltiin.", "Asiakashaastattelu tehtiin puhelimitse.",
			"Teimme haastatteluja potilaille.", "Omaisten haastattelujen perusteella malli muuttui.",
		},
	}
	for want, texts := range cases {
		for _, text := range texts {
			t.Run(text, func(t *testing.T) {
				if got := candidates(c, text); !strings.Contains(got, want) {
					t.Errorf("%q: found %q, want %s", text, got, want)
				}
			})
		}
	}
}

// Cues match inside words, never across a word boundary, and stems do not
// match unrelated words.
func TestNoFalseHits(t *testing.T) {
	c := New(Default())
	for _, text := range []string{
		"Kehittäjä asiakkaan kanssa sopi käynnit.",             // not kehittäjäasiakas
		"Havainnoista kerrottiin johtoryhmälle.",               // havainto, not havainnointi
		"Lomake palautettiin täytettynä vastaanotolle.",        // palauttaa, not palaute
		"Erilaisia tukimuotoja tarjotaan kaikille.",            // erilainen is not a resident
		"Asiakaslähtöisyys ohjaa koko toimintaa.",              // no method at all
		"Asiakas ja kysyjä sopivat ajan puhelimessa.",          // no kysely
		"Nuorisotyöntekijät suunnittelivat työpajan sisällön.", // staff workshop
		"Euroopan neuvosto antoi suosituksen.",                 // not a client council
		"HIV-testausta kokeiltiin.",                            // not user testing
		"Kuntalaiset asuvat hajallaan.",                        // no event, however spelt
	} {
		t.Run(text, func(t *testing.T) {
			if got, _, p := code(c, "Oivalla ja ymmärrä", text); got != "" || p.Described {
				t.Errorf("%q: got %q described=%v", text, got, p.Described)
			}
		})
	}
	for text, wrong := range map[string]string{
		"Euroopan neuvosto antoi suosituksen.": "client_council",
		"HIV-testausta lisättiin.":             "user_testing",
		"Kuntalaiset asuvat hajallaan.":        "event",
	} {
		if strings.Contains(candidates(c, text), wrong) {
			t.Errorf("%q: the lexicon finds %s", text, wrong)
		}
	}
}

func TestMisspelledLongCues(t *testing.T) {
	c := New(Default())
	for text, want := range map[string]string{
		"Kehittämisessä hyödynnettiin asikasraatitoimintaa.":           "client_council",
		"Kokemusasiantutijat kävivät esitteen läpi.":                   "experts_by_experience",
		"Palvelua testattiin asiakkaiden kanssa käyttäjätestauksessa.": "user_testing",
		"Asiakastyytyväisyyttä mitatiin kokeilun lopuksi.":             "feedback",
	} {
		if got := candidates(c, text); !strings.Contains(got, want) {
			t.Errorf("%q: found %q, want %s", text, got, want)
		}
	}
}

// The judgement, under a heading where Innokylä tells how a model was
// developed: clients versus staff and organisations, negation, serving
// versus involving, reported versus intended, and the cases of the
// codebook's decisions for real pages.
func TestJudgement(t *testing.T) {
	c := New(Default())
	cases := []struct{ text, methods string }{
		{"Henkilöstökysely tehtiin syksyllä.", ""},
		{"Työntekijöille järjestettiin kysely kirjaamisesta.", ""},
		{"Asiakas- ja henkilöstökysely tehtiin samaan aikaan.", "survey"},
		{"Palautekysely lähetettiin asiakkaille.", "feedback"},
		{"Asiakkailta kerättiin palautetta lyhyellä kyselyllä.", "feedback"},
		{"Asiakaskyselyä ei tehty.", ""},
		{"Asiakkaita ei haastateltu, mutta asiakkaille tehtiin kysely.", "survey"},
		{"Kokemusasiantuntijat eivät ainoastaan kommentoineet vaan myös ideoivat.", "experts_by_experience"},
		{"Asiakas saa palautetta harjoittelustaan.", ""},
		{"Hoitaja tekee asiakkaalle alkuhaastattelun.", ""},
		{"Lääkärit haastattelivat toisiaan.", ""},
		{"Hankkeessa havainnoitiin asiakkaiden asiointia.", "observation"},
		{"Palvelu kehitettiin yhdessä asiakkaiden kanssa.", "codesign"},
		{"Asiakkaat osallistuivat työpajaan yhdessä työntekijöiden kanssa.", "workshop"},
		{"Mallia kehitettäessä tietoa kerättiin asiakkailta kyselyin, haastatteluin ja työpajoissa.", "survey,workshop,interview"},
		{"Kehittämisessä on tehty yhteistyötä asiakkaiden kanssa.", "codesign"},
		{"Palveluohjausta on ollut kehittämässä laaja joukko: asiakkaat itse, ammattilaiset ja kokemusasiantuntijat.", "experts_by_experience,codesign"},
		{"Mallin kehittivät yhdessä kokemusasiantuntijat ja ammattilaiset.", "experts_by_experience"},
		// reported, not intended
		{"Asiakkaat voivat osallistua työpajoihin.", ""},
		{"Jatkossa asukkaille järjestetään työpajoja.", ""},
		{"Asiakkaat ovat mukana kehittämässä palveluja.", ""},
		{"Laki velvoittaa ottamaan asiakkaat mukaan kehittämiseen.", ""},
		{"Tavoitteena on, että asukkaat osallistuivat suunnitteluun.", ""},
		{"Kun asiakkaita kuullaan, palveluja voidaan kehittää.", ""},
		// clients, not organisations
		{"Malli kehitettiin yhdessä kuntien ja järjestöjen kanssa.", ""},
		{"Kyselyyn vastasivat järjestöjen edustajat.", ""},
		// targets and services, not participants
		{"Asukkaille laadittiin esite palveluista.", ""},
		{"Jos asiakas antaa palautetta, hoitaja vie sen eteenpäin.", ""},
		{"Koulutus suunniteltiin, ja se oli suunnattu kokemusasiantuntijoille.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			if got, _, _ := code(c, "Oivalla ja ymmärrä", tc.text); got != tc.methods {
				t.Errorf("%q: got %q, want %q", tc.text, got, tc.methods)
			}
		})
	}
	// A general statement with no method is codesign.
	got, phases, p := code(c, "Oivalla ja ymmärrä", "Asukkaat osallistuivat mallin suunnitteluun.")
	if got != "codesign" || !p.Described || phases != model.Planning {
		t.Errorf("general statement: %q %q %+v", got, phases, p)
	}
}

// Content versus process: when the model is a participation form, its
// description is not involvement; a sentence that says clients developed it
// is.
func TestContentIsNotProcess(t *testing.T) {
	c := New(Default())
	council := func(text string) *model.Model {
		return &model.Model{Title: "Asiakasraati hyvinvointialueella", Summary: "Asiakasraati kokoontuu neljästi vuodessa.",
			Sections: []model.Section{{Page: model.PagePath, Heading: "Kohderyhmä ja asiakasymmärrys", Text: text}}}
	}
	for _, tc := range []struct{ text, methods string }{
		{"Asiakasraatiin valittiin 12 asukasta, ja raati kommentoi palveluja.", ""},
		{"Raadin jäsenet osallistuivat palvelujen arviointiin.", ""},
		{"Raadin toimintamalli suunniteltiin yhdessä asukkaiden kanssa.", "codesign"},
		{"Asiakasraadin toimintaa kehitettiin yhdessä kokemusasiantuntijoiden kanssa.", "experts_by_experience,client_council"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			p := c.Classify(council(tc.text))
			var ids []string
			for _, m := range p.Methods {
				ids = append(ids, m.ID)
			}
			if got := strings.Join(ids, ","); got != tc.methods {
				t.Errorf("got %q, want %q", got, tc.methods)
			}
		})
	}
}

// Confidence follows the strength of the tie: a development verb in a
// development section is high, a reported event in a context low.
func TestConfidence(t *testing.T) {
	c := New(Default())
	for _, tc := range []struct{ heading, text, want string }{
		{"Kehittäjäjoukon kokoaminen ja yhteiskehittäminen", "Mallia kehitettiin yhdessä asiakkaiden kanssa.", model.ConfidenceHigh},
		{"Ratkaisun perusidea", "Mallia kehitettiin yhdessä asiakkaiden kanssa.", model.ConfidenceMedium},
		{"Ratkaisun perusidea", "Pilotin aikana koottiin palautetta asiakkailta.", model.ConfidenceLow},
	} {
		t.Run(tc.heading+"/"+tc.text, func(t *testing.T) {
			_, _, p := code(c, tc.heading, tc.text)
			if len(p.Methods) != 1 || p.Methods[0].Confidence != tc.want || p.Methods[0].Evidence[0].Confidence != tc.want {
				t.Errorf("got %+v, want one method of %s confidence", p.Methods, tc.want)
			}
		})
	}
}

// Phases come from the clause, then the sentence, then the heading.
func TestPhases(t *testing.T) {
	c := New(Default())
	cases := []struct{ heading, text, phases string }{
		{"Arviointi", "Asiakkaat vastasivat kyselyyn hankkeen alussa.", "ideation"},
		{"Arviointi", "Asiakkaat vastasivat kyselyyn.", "piloting_evaluation"},
		{"Oivalla ja ymmärrä", "Asiakkaat vastasivat kyselyyn.", "ideation"},
		{"Kuvittele ja kokeile", "Asiakkaat vastasivat kyselyyn.", "planning,development,piloting_evaluation"},
		{"Kuvittele ja kokeile", "Työpajaa suunniteltiin asukkaiden kanssa. Asukkaat vastasivat myös kyselyyn.", "planning"},
		{"Ratkaisun perusidea", "Asiakkaat vastasivat kyselyyn.", ""},
		{"Kehittämistyön vaiheet", "Asiakaskysely tehtiin alkuvaiheessa, ja palautetta kerättiin asiakkailta pilotin lopussa.", "ideation,piloting_evaluation"},
		{"Kehittämistyön vaiheet", "Haastattelimme asiakkaita ennen mallin suunnittelua.", "ideation"},
	}
	for _, tc := range cases {
		if _, got, _ := code(c, tc.heading, tc.text); got != tc.phases {
			t.Errorf("%s / %q: phases %q, want %q", tc.heading, tc.text, got, tc.phases)
		}
	}
}

// Normalisation: case, soft hyphens, NBSP, decomposed letters; evidence
// offsets point into the original section text.
func TestNormalisationAndEvidence(t *testing.T) {
	c := New(Default())
	texts := []string{
		"Malli on valmis. Asiakas\u00adkysely tehtiin keväällä. Se toimi.",
		"Malli on valmis. Tyo\u0308pajaan osallistui 12\u00a0asukasta. Se toimi.",
		"Malli on valmis.\n\n- Kokemus-asiantuntijat osallistuivat luonnoksen arviointiin\n- Se toimi",
		"Malli on valmis. ASIAKASRAATI OSALLISTUI ARVIOINTIIN. Se toimi.",
	}
	wants := []string{"Asiakas\u00adkysely tehtiin keväällä.", "Tyo\u0308pajaan osallistui 12\u00a0asukasta.",
		"- Kokemus-asiantuntijat osallistuivat luonnoksen arviointiin", "ASIAKASRAATI OSALLISTUI ARVIOINTIIN."}
	for i, text := range texts {
		m := &model.Model{Sections: []model.Section{{Page: model.PagePath, Heading: "Arviointi", Text: text}}}
		p := c.Classify(m)
		if len(p.Methods) != 1 || len(p.Methods[0].Evidence) != 1 {
			t.Errorf("%q: %+v", text, p.Methods)
			continue
		}
		e := p.Methods[0].Evidence[0]
		want := strings.TrimPrefix(wants[i], "- ")
		if e.Text != want && e.Text != wants[i] {
			t.Errorf("evidence %q, want %q", e.Text, wants[i])
		}
		if text[e.Start:e.End] != e.Text || e.Page != model.PagePath || e.Section != "Arviointi" ||
			strings.Join(e.Phases, ",") != model.PilotingEvaluation {
			t.Errorf("evidence %+v does not point into the text", e)
		}
	}
}

func TestSummaryIsRead(t *testing.T) {
	m := &model.Model{Summary: "Malli kehitettiin yhdessä asiakkaiden kanssa palvelumuotoilun keinoin."}
	p := New(Default()).Classify(m)
	if len(p.Methods) != 1 || p.Methods[0].Evidence[0].Section != SummaryHeading {
		t.Errorf("%+v", p)
	}
}

func TestClassifyIsSafeConcurrently(t *testing.T) {
	c := New(Default())
	m := &model.Model{Sections: []model.Section{{Page: model.PageMain, Heading: "Arviointi",
		Text: "Asiakkaat vastasivat palautekyselyyn. Kokemusasiantuntijat arvioivat mallin."}}}
	want, _, _ := code(c, "Arviointi", m.Sections[0].Text)
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			var got string
			for j := 0; j < 50; j++ {
				got, _, _ = code(c, "Arviointi", m.Sections[0].Text)
			}
			done <- got
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != want {
			t.Errorf("concurrent coding %q, want %q", got, want)
		}
	}
}
