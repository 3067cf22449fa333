package model

// Phase IDs of the codebook, in the order of development.
const (
	Ideation           = "ideation"
	Planning           = "planning"
	Development        = "development"
	PilotingEvaluation = "piloting_evaluation"
)

// PhaseIDs lists the four phases in order.
var PhaseIDs = []string{Ideation, Planning, Development, PilotingEvaluation}

// MethodIDs lists the codebook's methods in its order.
var MethodIDs = []string{
	"survey", "feedback", "experts_by_experience", "client_council", "workshop",
	"interview", "user_testing", "observation", "event", "codesign",
}

// Label is a code's name for people, in Finnish and English.
type Label struct{ FI, EN string }

// PhaseLabels and MethodLabels name the codebook's IDs.
var (
	PhaseLabels = map[string]Label{
		Ideation:           {"Ideointi", "Ideation"},
		Planning:           {"Suunnittelu", "Planning"},
		Development:        {"Kehittäminen", "Development"},
		PilotingEvaluation: {"Kokeilu ja arviointi", "Piloting and evaluation"},
	}
	MethodLabels = map[string]Label{
		"survey":                {"Kysely", "Survey"},
		"feedback":              {"Asiakaspalaute", "Client feedback"},
		"experts_by_experience": {"Kokemusasiantuntijat", "Experts by experience"},
		"client_council":        {"Asiakasraati tai -paneeli", "Client council or panel"},
		"workshop":              {"Työpaja", "Workshop"},
		"interview":             {"Haastattelu", "Interview"},
		"user_testing":          {"Testaus asiakkailla", "User testing"},
		"observation":           {"Havainnointi", "Observation"},
		"event":                 {"Osallisuustilaisuus", "Participation event"},
		"codesign":              {"Yhteiskehittäminen", "Co-design"},
	}
)

// IsPhase reports whether id is one of the four phase IDs.
func IsPhase(id string) bool {
	_, ok := PhaseLabels[id]
	return ok
}

// IsMethod reports whether id is one of the codebook's method IDs.
func IsMethod(id string) bool {
	_, ok := MethodLabels[id]
	return ok
}
