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

// participleEnding reports whether e may follow the -tu/-ty of a passive
// participle: kehitetty, kehitetyn, toteutetussa, suunniteltuja.
func participleEnding(e string) bool {
	switch e {
	case "", "n", "t", "a", "ä", "ja", "jä", "jen", "ssa", "ssä", "sta", "stä",
		"lla", "llä", "ksi", "un", "yn", "ihin", "issa", "issä":
		return true
	}
	return false
}

// passiveParticiple: kehitetty, suunniteltu, arvioitu, pantu, kehitetyn,
// kerätty; not an infinitive (osallistua: s before the t) nor kehittyy.
func passiveParticiple(w string) bool {
	for i := len(w) - 2; i >= 3 && i >= len(w)-8; i-- {
		if w[i] != 't' || w[i+1] != 'u' && w[i+1] != 'y' || !participleEnding(w[i+2:]) {
			continue
		}
		switch w[i-1] {
		case 't', 'l', 'i', 'h', 'n', 'o', 'e', 'a':
			return true
		}
		if strings.HasSuffix(w[:i], "ä") {
			return true
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
