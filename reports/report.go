package reports

import "strings"

// Selection says which models a report covers. Regions are canonical
// names (empty: every region); Since and Until bound the created date,
// inclusive ISO dates ("" for open).
type Selection struct {
	Regions []string `json:"regions"`
	Since   string   `json:"since"`
	Until   string   `json:"until"`
	GroupBy string   `json:"group_by"`
	// Coding is whose coding was counted: machine, reviewed (a person's,
	// reviewed models only) or best (a person's where there is one);
	// "" for machine in reports made before there was a choice.
	Coding string `json:"coding,omitempty"`
}

// Report is a Result with what it was computed from.
type Report struct {
	Selection Selection
	Snapshot  Snapshot
	Result    *Result
	Lang      Lang
}

// codebook is the codebook version(s) the counted codings were made with.
func (r *Report) codebook() string { return strings.Join(r.Result.Codebooks, ", ") }

// describe says in words which models were selected.
func (s Selection) describe(l Lang) string {
	var parts []string
	if len(s.Regions) == 0 {
		parts = append(parts, l.t("kaikki alueet", "all regions"))
	} else {
		parts = append(parts, l.t("alueet: ", "regions: ")+strings.Join(s.Regions, ", "))
	}
	switch {
	case s.Since != "" && s.Until != "":
		parts = append(parts, l.t("luotu ", "created ")+s.Since+" – "+s.Until)
	case s.Since != "":
		parts = append(parts, l.t("luotu aikaisintaan ", "created on or after ")+s.Since)
	case s.Until != "":
		parts = append(parts, l.t("luotu viimeistään ", "created on or before ")+s.Until)
	}
	if s.GroupBy == GroupByProject {
		parts = append(parts, l.t("ryhmittely hankkeittain", "grouped by project"))
	} else {
		parts = append(parts, l.t("ryhmittely hyvinvointialueittain", "grouped by region"))
	}
	switch s.Coding {
	case "reviewed":
		parts = append(parts, l.t("vain henkilön tarkistamat koodaukset", "people's reviewed codings only"))
	case "best":
		parts = append(parts, l.t("henkilön tarkistama koodaus, muualla koneen", "a person's reviewed coding where there is one, the machine's elsewhere"))
	case "machine":
		parts = append(parts, l.t("koneen koodaus", "the machine's coding"))
	}
	return strings.Join(parts, "; ")
}

// emptyMessage is what an empty selection's report says.
func (l Lang) emptyMessage() string {
	return l.t("Valintaan ei osunut yhtään toimintamallia.", "No practice models matched the selection.")
}

func (l Lang) reportTitle() string {
	return l.t("Asiakkaiden osallistuminen toimintamallien kehittämiseen",
		"Client participation in developing practice models")
}
