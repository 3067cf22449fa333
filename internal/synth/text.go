package synth

import (
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/model"
)

// sentence is a participation or trap sentence waiting for a section.
type sentence struct {
	text  string
	phase string // a phase ID, or NoPhase
	trap  bool
}

// participation draws the true coding and writes its sentences.
func (g *Gen) participation(grp group, mu muni) (Truth, []sentence) {
	r := g.rng
	t := Truth{Methods: []MethodTruth{}, Phases: []string{}}
	var out []sentence
	phases := map[string]bool{}
	say := func(tmpl, phase string) {
		text := g.fill(tmpl, mu, grp)
		if phase != NoPhase {
			text = pick(r, openers[phase]) + " " + text
		}
		out = append(out, sentence{text: upperFirst(text), phase: phase})
	}
	if r.Float64() < g.cfg.Described {
		t.Described = true
		for _, id := range model.MethodIDs {
			if r.Float64() >= g.cfg.Methods[id] {
				continue
			}
			mt := MethodTruth{ID: id, Phases: []string{}}
			prev := -1
			for _, ph := range g.drawPhases(id) {
				k := r.IntN(len(clauses[id]))
				if k == prev { // a second statement says it differently
					k = (k + 1) % len(clauses[id])
				}
				prev = k
				say(clauses[id][k], ph)
				if ph != NoPhase {
					mt.Phases = append(mt.Phases, ph)
					phases[ph] = true
				}
			}
			mt.Phases = ordered(mt.Phases)
			t.Methods = append(t.Methods, mt)
		}
		if len(t.Methods) == 0 || r.Float64() < g.cfg.General {
			ph := g.drawPhases(GeneralKey)[0]
			say(pick(r, generalClauses), ph)
			if ph != NoPhase {
				phases[ph] = true
			}
		}
	}
	for _, p := range model.PhaseIDs {
		if phases[p] {
			t.Phases = append(t.Phases, p)
		}
	}
	// Traps: never a negation of something the model does.
	used := map[string]bool{}
	for _, m := range t.Methods {
		used[m.ID] = true
	}
	for k, chance := 0, g.cfg.Traps; k < 2 && r.Float64() < chance; k, chance = k+1, chance/2 {
		tr := traps[r.IntN(len(traps))]
		if tr.kind == "negated" && (used[tr.method] || tr.method == "" && t.Described) {
			continue
		}
		out = append(out, sentence{text: upperFirst(g.fill(tr.text, mu, grp)), phase: NoPhase, trap: true})
		t.Traps = append(t.Traps, tr.kind)
	}
	// Shuffle so that traps and statements mix across sections.
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return t, out
}

// drawPhases draws the phases a method is stated in: one by the weights,
// and with SecondPhase chance another distinct phase.
func (g *Gen) drawPhases(key string) []string {
	w := g.cfg.MethodPhases[key]
	weights := make([]float64, len(phaseKeys))
	for i, k := range phaseKeys {
		weights[i] = w[k]
	}
	first := pickWeighted(g.rng, phaseKeys, weights)
	if first == NoPhase || key == GeneralKey || g.rng.Float64() >= g.cfg.SecondPhase {
		return []string{first}
	}
	for i, k := range phaseKeys {
		if k == first || k == NoPhase {
			weights[i] = 0
		}
	}
	if total(weights) == 0 {
		return []string{first}
	}
	return []string{first, pickWeighted(g.rng, phaseKeys, weights)}
}

func total(w []float64) float64 {
	s := 0.0
	for _, v := range w {
		s += v
	}
	return s
}

func ordered(phases []string) []string {
	have := map[string]bool{}
	for _, p := range phases {
		have[p] = true
	}
	out := []string{}
	for _, p := range model.PhaseIDs {
		if have[p] {
			out = append(out, p)
		}
	}
	return out
}

// Section headings, in page order, and which may hold a statement of
// which phase. Neutral sections imply no phase; "Kuvittele ja kokeile"
// implies several, so it holds no statements, only filler and traps.
var (
	mainHeadings = []string{"Ratkaisun perusidea", "Toimintaympäristö", "Kohderyhmä ja asiakasymmärrys",
		"Toimivuuden ja käyttöönoton ehdot", "Arvioinnin tulokset tiivistettynä", "Kehittämistyön vaiheet",
		"Resurssit", "Vaikutukset", "Juurrutus"}
	pathHeadings = []string{"Oivalla ja ymmärrä", "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen",
		"Kuvittele ja kokeile", "Arviointi", "Levitä ja juurruta"}
	neutral = map[string]bool{"Ratkaisun perusidea": true, "Toimintaympäristö": true, "Toimivuuden ja käyttöönoton ehdot": true,
		"Resurssit": true, "Vaikutukset": true, "Juurrutus": true, "Levitä ja juurruta": true}
	phaseHomes = map[string][]string{
		model.Ideation:           {"Kohderyhmä ja asiakasymmärrys", "Oivalla ja ymmärrä", "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen"},
		model.Planning:           nil, // no section implies planning alone; the opener says it
		model.Development:        {"Kehittämistyön vaiheet"},
		model.PilotingEvaluation: {"Arviointi", "Arvioinnin tulokset tiivistettynä"},
	}
	pathFill = map[string][]string{
		"Oivalla ja ymmärrä": {"Lähtötilanteen selvityksessä käytettiin käyntitilastoja.", "Ongelmana oli pitkä odotusaika ja hajanainen ohjaus.",
			"Hanketiimi kävi läpi aiemmat selvitykset."},
		"Kehittäjäjoukon kokoaminen ja yhteiskehittäminen": {"Kehittäjäryhmään koottiin työntekijöitä kolmesta yksiköstä.",
			"Ryhmän vetäjänä toimi hankekoordinaattori.", "Mukana oli myös kaksi järjestöä."},
		"Kuvittele ja kokeile": {"Ensimmäinen versio otettiin käyttöön yhdessä yksikössä kolmen kuukauden ajaksi.",
			"Toimintatapaa muutettiin matkan varrella kahdesti."},
		"Arviointi": {"Arvioinnissa seurattiin käyntimääriä ja jonotusaikoja.", "Arviointiraportti valmistui hankkeen lopussa."},
	}
)

// sections lays out the model's sections and places the sentences in
// sections that fit their phase.
func (g *Gen) sections(i int, tp topic, mu muni, grp group, sents []sentence) []sitegen.SectionSrc {
	r := g.rng
	fill := func(s string) string { return g.fill(s, mu, grp) }
	present := map[string]bool{"Ratkaisun perusidea": true}
	for _, h := range mainHeadings[1:] {
		present[h] = r.Float64() < 0.45
	}
	for _, h := range pathHeadings {
		present[h] = r.Float64() < 0.33
	}
	extra := map[string][]string{}
	for _, s := range sents {
		var homes []string
		if s.phase != NoPhase && !s.trap {
			for _, h := range phaseHomes[s.phase] {
				if present[h] {
					homes = append(homes, h)
				}
			}
			if len(homes) == 0 && len(phaseHomes[s.phase]) > 0 && r.Float64() < 0.5 {
				h := pick(r, phaseHomes[s.phase])
				present[h] = true
				homes = []string{h}
			}
		}
		if len(homes) == 0 {
			for _, h := range append(append([]string{}, mainHeadings...), pathHeadings...) {
				if present[h] && (neutral[h] || s.trap) {
					homes = append(homes, h)
				}
			}
		}
		h := pick(r, homes)
		extra[h] = append(extra[h], s.text)
	}
	// A client count unique over any 9973 consecutive models keeps texts apart.
	clients := strconv.Itoa(40 + (i*37)%9973)
	var out []sitegen.SectionSrc
	add := func(page, h string, paras ...string) {
		if !present[h] {
			return
		}
		if len(extra[h]) == 0 && !neutralRequired(h) && r.Float64() < 0.06 {
			out = append(out, sitegen.SectionSrc{Page: page, Heading: h, Text: sitegen.Placeholder})
			return
		}
		paras = append(paras, extra[h]...)
		out = append(out, sitegen.SectionSrc{Page: page, Heading: h, Text: strings.Join(paras, "\n\n")})
	}
	idea := sample(r, tp.idea, 2+r.IntN(2))
	add(model.PageMain, "Ratkaisun perusidea", fill(strings.Join(idea, " ")),
		strings.Join(sample(r, ideaExtra, 1+r.IntN(2)), " ")+" Palvelun piirissä on vuosittain noin "+clients+" asiakasta.")
	add(model.PageMain, "Toimintaympäristö", fill(strings.Join(tp.env, " "))+" "+strings.Join(sample(r, envExtra, 1+r.IntN(2)), " "))
	add(model.PageMain, "Kohderyhmä ja asiakasymmärrys", tp.target+" "+strings.Join(sample(r, targetExtra, 1+r.IntN(2)), " "))
	add(model.PageMain, "Toimivuuden ja käyttöönoton ehdot", strings.Join(sample(r, conditions, 2), " "),
		"Edellytykset lyhyesti:\n- "+strings.Join(sample(r, conditionItems, 2+r.IntN(3)), "\n- "))
	add(model.PageMain, "Arvioinnin tulokset tiivistettynä", fill(strings.Join(sample(r, effects, 2), " ")))
	add(model.PageMain, "Kehittämistyön vaiheet", strings.Join(sample(r, devSteps, 2), " "))
	add(model.PageMain, "Resurssit", resources(g)+" "+pick(r, resourceExtra), "| Rooli | Työaika |\n| Sairaanhoitaja | "+strconv.Itoa(20+r.IntN(80))+
		" % |\n| Sosiaaliohjaaja | "+strconv.Itoa(10+r.IntN(60))+" % |")
	add(model.PageMain, "Vaikutukset", fill(strings.Join(sample(r, effects, 2+r.IntN(2)), " ")))
	add(model.PageMain, "Juurrutus", strings.Join(sample(r, rooting, 2), " "))
	for _, h := range pathHeadings {
		if h == "Levitä ja juurruta" {
			add(model.PagePath, h, pick(r, rooting))
			continue
		}
		add(model.PagePath, h, pick(r, pathFill[h]))
	}
	return out
}

func neutralRequired(h string) bool { return h == "Ratkaisun perusidea" }

func resources(g *Gen) string {
	htv := []string{"0,5", "1,5", "2", "3", "4", "6"}
	return "Toimintaan on varattu " + pick(g.rng, htv) + " henkilötyövuotta."
}

// sample picks k distinct items of xs in their original order.
func sample(r interface{ IntN(int) int }, xs []string, k int) []string {
	if k > len(xs) {
		k = len(xs)
	}
	idx := make([]bool, len(xs))
	for n := 0; n < k; {
		j := r.IntN(len(xs))
		if !idx[j] {
			idx[j] = true
			n++
		}
	}
	out := make([]string, 0, k)
	for j, on := range idx {
		if on {
			out = append(out, xs[j])
		}
	}
	return out
}
