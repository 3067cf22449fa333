package synth

import "github.com/innokyla/innokyla/model"

// NoPhase is the key of MethodPhases weights for "no phase stated".
const NoPhase = ""

// GeneralKey is the MethodPhases key of general involvement statements
// (client involvement stated without a method).
const GeneralKey = "general"

// Config sets the shares the generator draws from. Weights in
// MethodPhases need not sum to one.
type Config struct {
	Described    float64                       // share of models that describe client involvement
	Methods      map[string]float64            // share of described models using each method
	MethodPhases map[string]map[string]float64 // per method (and GeneralKey): phase weights, NoPhase included
	SecondPhase  float64                       // chance a method with a phase is also stated in a second phase
	General      float64                       // chance a described model with methods also has a general statement
	Traps        float64                       // chance of a trap sentence (a second one at half the chance)
}

// DefaultConfig mirrors the hand-coded snapshot and Ojamo's findings:
// about two in three models describe involvement, surveys at the start,
// feedback at the end, experts by experience across phases.
func DefaultConfig() Config {
	const (
		ide = model.Ideation
		pla = model.Planning
		dev = model.Development
		pil = model.PilotingEvaluation
	)
	return Config{
		Described: 0.69,
		Methods: map[string]float64{
			"survey": 0.32, "feedback": 0.30, "experts_by_experience": 0.22, "client_council": 0.12,
			"workshop": 0.18, "interview": 0.15, "user_testing": 0.10, "observation": 0.06,
			"event": 0.08, "codesign": 0.14,
		},
		MethodPhases: map[string]map[string]float64{
			"survey":                {ide: 0.6, pla: 0.1, dev: 0.05, pil: 0.15, NoPhase: 0.1},
			"feedback":              {pil: 0.7, dev: 0.1, NoPhase: 0.2},
			"experts_by_experience": {ide: 0.3, pla: 0.2, dev: 0.3, pil: 0.1, NoPhase: 0.1},
			"client_council":        {ide: 0.2, pla: 0.3, dev: 0.2, pil: 0.1, NoPhase: 0.2},
			"workshop":              {ide: 0.35, pla: 0.35, dev: 0.2, NoPhase: 0.1},
			"interview":             {ide: 0.6, pil: 0.25, NoPhase: 0.15},
			"user_testing":          {pil: 1},
			"observation":           {ide: 0.8, NoPhase: 0.2},
			"event":                 {ide: 0.4, pla: 0.3, NoPhase: 0.3},
			"codesign":              {ide: 0.2, pla: 0.2, dev: 0.4, NoPhase: 0.2},
			GeneralKey:              {ide: 0.2, dev: 0.2, NoPhase: 0.6},
		},
		SecondPhase: 0.2,
		General:     0.15,
		Traps:       0.4,
	}
}

// Truth is the true coding of a generated model, by the codebook.
type Truth struct {
	Described bool          `json:"described"`
	Methods   []MethodTruth `json:"methods"` // codebook order
	Phases    []string      `json:"phases"`  // phase order; union of methods' and general statements' phases
	Traps     []string      `json:"traps,omitempty"`
}

// MethodTruth is one method with the phases it was stated in.
type MethodTruth struct {
	ID     string   `json:"id"`
	Phases []string `json:"phases"`
}

// MethodIDs lists the truth's method IDs in codebook order.
func (t Truth) MethodIDs() []string {
	ids := make([]string, len(t.Methods))
	for i, m := range t.Methods {
		ids[i] = m.ID
	}
	return ids
}

// phaseKeys is the fixed iteration order over phase weights.
var phaseKeys = append(append([]string{}, model.PhaseIDs...), NoPhase)
