package main

// The bench's searches. Each is what a user types into the page or sends
// to /api/search (the URL parameters, every one with facets), what the
// user means by it, and how many models it finds in the first
// queryTestModels synthetic models (seed), each coded by the classifier
// as 'innokyla classify' codes it. TestQueryHits checks those counts
// through the real handler, so a query that breaks (finds nothing, or
// everything because a word was dropped) fails a test instead of making
// the bench look fast.
//
// The set mixes single words, Finnish inflections and compounds that
// only the stemmer and the compound vocabulary find, phrases, must/not, field
// queries and the facet filters, with broad queries (most of the corpus:
// the case the search must not score in full) and narrow ones. fts is the
// same search as an SQLite FTS5 MATCH expression for the peers (--peers):
// the words only, no filters, as close as FTS5 can come (a prefix before
// the first inflected letter; the trigram peer drops the stars and
// matches substrings); "" where FTS5 has nothing like it. The unicode61
// peer finds no compound whose tail is the word (asiakasraati for raati).

// queryTestModels is the corpus size of the expected counts.
const queryTestModels = 2000

type benchQuery struct {
	params string // URL query of /api/search
	means  string
	fts    string // FTS5 MATCH expression, "" for none
	hits   uint64 // models found in the first queryTestModels
	// literal, when set, is text whose models the query means exactly:
	// the test counts the models whose lower-cased text holds it.
	literal string
}

var benchQueries = []benchQuery{
	{"q=kysely", "models that ran a survey, in any inflection (kyselyn, kyselyllä)", "kysely*", 532, ""},
	{"q=asiakaskysely&phase=ideation", "client surveys in the ideation phase; asiakaskysely is a compound", "asiakaskysely*", 9, ""},
	{"q=kokemusasiantuntija", "experts by experience, any inflection", "kokemusasiantuntij*", 304, ""},
	{"q=työpaja&method=workshop", "workshops, coded as the workshop method", "työpaj*", 43, ""},
	{"q=asiakaspalaute", "client feedback", "asiakaspalaut*", 150, ""},
	{"q=raati", "panels (raati, raadin, raadissa: consonant gradation)", "raati OR raadi*", 48, ""},
	{"q=mielenterveystuki", "the mental-health-support models by their title word", "mielenterveystu*", 71, ""},
	{"q=nuoret&region=Pirkanmaa", "young people in Pirkanmaa (region by its short name)", "nuor*", 12, ""},
	{"q=ikäihmiset", "older people, any inflection", "ikäihmi*", 95, ""},
	{"q=perhekeskus", "family centres", "perhekesku*", 79, ""},
	{"q=%22asiakkaiden+kanssa%22", "the phrase 'with clients', its stop word kept", "\"asiakkaiden kanssa\"", 47, "asiakkaiden kanssa"},
	{"q=haastattelu&phase=development", "interviews in the development phase", "haastat*", 4, ""},
	{"q=kotihoito", "home care, any inflection (kotihoidon, kotihoidossa)", "kotihoi*", 162, ""},
	{"q=palvelumuotoilu", "service design", "palvelumuotoil*", 71, ""},
	{"q=palvelu", "services: a broad word most models hold", "palvelu*", 2000, "palvelu"},
	{"q=kuvapuhelu&method=feedback", "video calls in models that gather feedback", "kuvapuhel*", 2, ""},
	{"q=lastensuojelu", "child protection", "lastensuojel*", 90, ""},
	{"q=%2Bperhe+-nuoret", "families, not young people", "perhe* NOT nuor*", 326, ""},
	{"q=päihde&region=Pohjois-Pohjanmaa", "substance-abuse work in North Ostrobothnia", "päihde*", 9, ""},
	{"q=terveysasema&stage=Valmis", "health centres in finished models", "terveysasem*", 52, ""},
}
