package reports

import (
	"fmt"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// Thresholds of the recommendations.
const (
	// A phase is weak when its share of the region's described models is
	// below this fraction of the national share.
	weakPhaseRatio = 0.5
	// Surveys and feedback dominate when they make up at least this share
	// of all method uses (and there are at least minUses).
	dominantShare = 50.0
	minUses       = 3
	// Phases are often unstated when at least this share of method uses
	// carries no phase.
	noPhaseShare = 25.0
)

// Recommendations derives advice from the audit's numbers, most pressing
// first: missing descriptions, phases without clients, a narrow choice of
// methods, methods without a phase. Each line states the figures it rests
// on. It returns one line saying so when nothing calls for action.
func Recommendations(a *AuditResult, l Lang) []string {
	g, n := a.Local.Total, a.National.Total
	var out []string
	if g.Models == 0 {
		return []string{l.emptyMessage()}
	}
	if nd := g.NotDescribed(); nd > 0 {
		s := fmt.Sprintf(l.t("%d mallia %d:stä (%s %%) ei kuvaa asiakkaiden osallistumista (koko aineistossa %s %%). Täydennä kuvauksiin, osallistuivatko asiakkaat kehittämiseen, miten ja missä vaiheessa; luettelo on kohdassa 5.",
			"%d of %d models (%s %%) do not describe client participation (%s %% in the whole corpus). Add to their descriptions whether, how and in which phase clients took part; section 5 lists them."),
			nd, g.Coded, l.pct(nd, g.Coded), l.pct(n.NotDescribed(), n.Coded))
		out = append(out, s)
	}
	var missing, weak []string
	for p, id := range model.PhaseIDs {
		local, nat := pct(g.Phases[p], g.Described), pct(n.Phases[p], n.Described)
		switch {
		case g.Described > 0 && g.Phases[p] == 0:
			missing = append(missing, l.phase(id))
		case g.Described > 0 && local < nat*weakPhaseRatio:
			weak = append(weak, fmt.Sprintf(l.t("%s (%s %% kuvatuista malleista, koko aineistossa %s %%)", "%s (%s %% of described models, %s %% in the whole corpus)"),
				l.phase(id), l.pct(g.Phases[p], g.Described), l.pct(n.Phases[p], n.Described)))
		}
	}
	switch {
	case len(missing) == 1:
		out = append(out, fmt.Sprintf(l.t("Yhdessäkään alueen mallissa asiakkaat eivät osallistu vaiheeseen %s. Suunnittele, miten asiakkaat otetaan mukaan myös tähän vaiheeseen.",
			"In no model of the region do clients take part in %s. Plan how to involve clients in this phase too."), missing[0]))
	case len(missing) > 1:
		out = append(out, fmt.Sprintf(l.t("Yhdessäkään alueen mallissa asiakkaat eivät osallistu vaiheisiin %s. Suunnittele, miten asiakkaat otetaan mukaan myös näihin vaiheisiin.",
			"In no model of the region do clients take part in %s. Plan how to involve clients in these phases too."), strings.Join(missing, ", ")))
	}
	if len(weak) > 0 {
		out = append(out, fmt.Sprintf(l.t("Asiakkaita on harvoin mukana vaiheissa %s; vahvista osallistumista niissä.",
			"Clients seldom take part in %s; strengthen participation there."), strings.Join(weak, "; ")))
	}
	if g.Described > 0 {
		all := 0
		for _, grp := range a.Local.Groups {
			if grp.AllPhases() {
				all++
			}
		}
		if all == 0 && len(missing) == 0 {
			out = append(out, l.t("Alue kattaa kaikki neljä vaihetta, mutta yksikään ryhmä ei yksinään: tuo kattavan ryhmän käytännöt muiden käyttöön.",
				"The region covers all four phases, but no single group does: share practice between groups."))
		}
	}
	uses, none := 0, 0
	sf := g.Methods[methodIndex("survey")] + g.Methods[methodIndex("feedback")]
	for i := range model.MethodIDs {
		uses += g.Methods[i]
		none += g.MethodPhase[i][nPhases]
	}
	if uses >= minUses && pct(sf, uses) >= dominantShare {
		out = append(out, fmt.Sprintf(l.t("Kyselyt ja asiakaspalaute ovat %s %% menetelmien käytöistä: asiakkaat vastaavat, mutta suunnittelevat harvoin. Lisää vuorovaikutteisia menetelmiä, kuten työpajoja, asiakasraateja ja kokemusasiantuntijoita, etenkin suunnitteluun ja kehittämiseen.",
			"Surveys and client feedback make up %s %% of method uses: clients answer but seldom design. Add interactive methods such as workshops, client councils and experts by experience, above all in planning and development."), l.pct(sf, uses)))
	}
	if g.Described > 0 && g.Methods[methodIndex("experts_by_experience")] == 0 {
		out = append(out, l.t("Kokemusasiantuntijoita ei mainita yhdessäkään alueen mallissa; harkitse heidän ottamistaan mukaan kehittämiseen.",
			"No model of the region mentions experts by experience; consider involving them in development."))
	}
	if uses > 0 && pct(none, uses) >= noPhaseShare {
		out = append(out, fmt.Sprintf(l.t("%d menetelmän käytölle %d:stä ei ole kerrottu vaihetta; kerro kuvauksissa, missä kehittämisen vaiheessa asiakkaat osallistuivat.",
			"%d of %d method uses state no phase; say in the descriptions in which phase of development clients took part."), none, uses))
	}
	if len(out) == 0 {
		out = append(out, l.t("Luvut eivät anna aihetta erityisiin suosituksiin: osallistuminen on kuvattu ja kattaa kaikki vaiheet monipuolisin menetelmin.",
			"The numbers call for no particular action: participation is described and covers every phase with varied methods."))
	}
	return out
}
