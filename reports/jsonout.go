package reports

import (
	"encoding/json"
	"io"

	"github.com/innokyla/innokyla/model"
)

// jsonReport is the JSON shape scripts read:
//
//	{"selection": {...}, "codebook": "...", "groups": [GROUP...], "total": GROUP}
type jsonReport struct {
	Selection Selection   `json:"selection"`
	Codebook  string      `json:"codebook"`
	Snapshot  Snapshot    `json:"snapshot"`
	Empty     bool        `json:"empty"`
	Message   string      `json:"message,omitempty"`
	Groups    []jsonGroup `json:"groups"`
	Total     jsonGroup   `json:"total"`
}

type jsonGroup struct {
	Name            string                    `json:"name"`
	Models          int                       `json:"models"`
	Coded           int                       `json:"coded"`
	Described       int                       `json:"described"`
	DescribedPct    float64                   `json:"described_pct"`
	NotDescribed    int                       `json:"not_described"`
	NotDescribedPct float64                   `json:"not_described_pct"`
	NotCoded        int                       `json:"not_coded"` // left out of the shares
	Reviewed        int                       `json:"reviewed"`
	Phases          map[string]int            `json:"phases"`
	PhasesCovered   int                       `json:"phases_covered"`
	AllPhases       bool                      `json:"all_phases"`
	Methods         map[string]int            `json:"methods"`
	MethodPhase     map[string]map[string]int `json:"method_phase"`
}

func toJSONGroup(g *Group, name string) jsonGroup {
	j := jsonGroup{
		Name: name, Models: g.Models, Coded: g.Coded, Described: g.Described,
		DescribedPct: round1(g.Described, g.Coded), NotDescribed: g.NotDescribed(),
		NotDescribedPct: round1(g.NotDescribed(), g.Coded), NotCoded: g.NotCoded(),
		Reviewed: g.Reviewed,
		Phases:   map[string]int{}, PhasesCovered: g.PhasesCovered(), AllPhases: g.AllPhases(),
		Methods: map[string]int{}, MethodPhase: map[string]map[string]int{},
	}
	for i, p := range model.PhaseIDs {
		j.Phases[p] = g.Phases[i]
	}
	for i, m := range model.MethodIDs {
		j.Methods[m] = g.Methods[i]
		mp := map[string]int{noPhase: g.MethodPhase[i][nPhases]}
		for k, p := range model.PhaseIDs {
			mp[p] = g.MethodPhase[i][k]
		}
		j.MethodPhase[m] = mp
	}
	return j
}

// WriteJSON writes the report as one indented JSON object. Every method
// and phase ID is present, zero or not; group names are as stored, the
// group of models with no region or project named by a placeholder in the
// report's language.
func WriteJSON(w io.Writer, r *Report) error {
	sel := r.Selection
	if sel.Regions == nil {
		sel.Regions = []string{}
	}
	out := jsonReport{
		Selection: sel, Codebook: r.codebook(), Snapshot: r.Snapshot, Empty: r.Result.Empty(),
		Groups: []jsonGroup{}, Total: toJSONGroup(r.Result.Total, r.Lang.totalName()),
	}
	if out.Empty {
		out.Message = r.Lang.emptyMessage()
	}
	for _, g := range r.Result.Groups {
		out.Groups = append(out.Groups, toJSONGroup(g, r.Lang.groupName(r.Result.GroupBy, g.Name)))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
