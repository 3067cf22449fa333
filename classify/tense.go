package classify

import "strings"

// Verb forms, read from a word's ending. Finnish marks the indicative past
// and perfect in the ending, so a stem hit plus its ending tells whether a
// sentence reports what was done (kehitettiin, kehitetty, osallistuivat,
// kehitti) or says what is done, may be done or should be done
// (kehitetään, osallistua, kehittämässä without an auxiliary).
const (
	formNone        = iota
	formReported    // past or perfect: counts
	formProgressive // kehittämässä, ideoimaan: counts beside a past auxiliary
)

// verbForm classifies word w, in which a verb stem ends at byte stem.
func verbForm(w string, stem int) int {
	switch {
	case hasAnySuffix(w, "massa", "mässä", "maan", "mään"):
		return formProgressive
	case pastPassive(w), passiveParticiple(w), activeParticiple(w):
		return formReported
	case hasAnySuffix(w, "oivat", "öivät", "oimme", "öimme"):
		return formNone // arvioivat, ideoimme: present and past alike
	case hasAnySuffix(w, "ivat", "ivät", "imme"):
		return formReported
	}
	// Third person singular past: kehitti, osallistui, järjesti, kysyi;
	// not arvioi, ideoi, kommentoi, whose present is the same.
	if sfx := w[stem:]; sfx != "" && len(sfx) <= 5 && strings.HasSuffix(w, "i") &&
		!hasAnySuffix(w, "ii", "oi", "öi") {
		return formReported
	}
	return formNone
}

// pastPassive: kehitettiin, suunniteltiin, tehtiin, saatiin; not the
// illative of a noun in -ti (projektiin, tekstiin).
func pastPassive(w string) bool {
	if strings.HasSuffix(w, "ttiin") {
		return true
	}
	if !strings.HasSuffix(w, "tiin") || len(w) < 5 {
		return false
	}
	return strings.ContainsAny(w[len(w)-5:len(w)-4], "lnrhaeiouy") || strings.HasSuffix(w[:len(w)-4], "ä") ||
		strings.HasSuffix(w[:len(w)-4], "ö")
}

// participleEndings follow the -tu/-ty of a passive participle: kehitetty,
// kehitetyn, toteutetussa, suunniteltuja.
var participleEndings = []string{"", "n", "t", "a", "ä", "ja", "jä", "jen", "ssa", "ssä", "sta", "stä",
	"lla", "llä", "ksi", "un", "yn", "ihin", "issa", "issä"}

// passiveParticiple: kehitetty, suunniteltu, arvioitu, pantu; not an
// infinitive (osallistua) nor kehittyy.
func passiveParticiple(w string) bool {
	for _, e := range participleEndings {
		for _, v := range []string{"u", "y"} {
			core := v + e
			if !strings.HasSuffix(w, core) || len(w) < len(core)+3 {
				continue
			}
			rest := w[:len(w)-len(core)]
			if !strings.HasSuffix(rest, "t") {
				continue
			}
			before := rest[:len(rest)-1]
			// kehitetty, suunniteltu, arvioitu, tehty, pantu, kehitetyn,
			// kerätty; not osallistua (s) nor an -tu noun after a consonant.
			if hasAnySuffix(before, "t", "l", "i", "h", "n", "o", "e", "a", "ä") {
				return true
			}
		}
	}
	return false
}

// activeParticiple: osallistunut, kehittäneet, suunnitelleet, kysynyt.
func activeParticiple(w string) bool {
	return hasAnySuffix(w, "nut", "nyt", "neet", "neita", "neitä", "llut", "llyt", "lleet")
}

func hasAnySuffix(w string, sfx ...string) bool {
	for _, s := range sfx {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
