package classify

// morphology reads what the judgement needs from a Finnish word's form: is
// a verb reported (past or perfect), progressive (kehittämässä, needing a
// past auxiliary) or neither, and is a person word in the allative or
// adessive case (asiakkaille, nuorella: someone something is made for or
// has, not someone who takes part). The default reads word endings
// (suffixMorphology); built with -tags voikko it asks Voikko, the Finnish
// morphology of LibreOffice, and falls back to the endings for words
// Voikko does not know.
type morphology interface {
	verbForm(word []byte, stem int) int
	recipient(word []byte) bool
}

// suffixMorphology reads word endings; see tense.go.
type suffixMorphology struct{}

func (suffixMorphology) verbForm(w []byte, stem int) int { return verbForm(string(w), stem) }

func (suffixMorphology) recipient(w []byte) bool {
	return hasAnySuffix(string(w), "lle", "lla", "llä")
}
