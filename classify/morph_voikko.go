//go:build voikko

package classify

/*
#cgo LDFLAGS: -lvoikko
#include <stdlib.h>
#include <libvoikko/voikko.h>
*/
import "C"

import (
	"sync"
	"unsafe"
)

// Morphology names the morphology the classifier was built with.
const Morphology = "voikko"

// voikkoMorphology asks libvoikko (Debian libvoikko1 and voikko-fi) for
// each word's analyses. A handle is not safe for concurrent use, so calls
// are serialised; answers are cached, since words repeat.
type voikkoMorphology struct {
	mu    sync.Mutex
	h     *C.struct_VoikkoHandle
	cache sync.Map // word -> []analysis
	fall  suffixMorphology
}

// analysis is the part of a Voikko analysis the judgement reads.
type analysis struct {
	class, mood, tense, participle, sijamuoto string
}

func newMorphology() morphology {
	lang := C.CString("fi")
	defer C.free(unsafe.Pointer(lang))
	var errp *C.char
	h := C.voikkoInit(&errp, lang, nil)
	if h == nil {
		panic("voikko: " + C.GoString(errp) + " (install Debian's libvoikko1 and voikko-fi, or build without -tags voikko)")
	}
	return &voikkoMorphology{h: h}
}

func (v *voikkoMorphology) analyse(w string) []analysis {
	if a, ok := v.cache.Load(w); ok {
		return a.([]analysis)
	}
	cw := C.CString(w)
	defer C.free(unsafe.Pointer(cw))
	v.mu.Lock()
	list := C.voikkoAnalyzeWordCstr(v.h, cw)
	var out []analysis
	if list != nil {
		for _, a := range unsafe.Slice(list, 64) {
			if a == nil {
				break
			}
			out = append(out, analysis{class: value(a, "CLASS"), mood: value(a, "MOOD"), tense: value(a, "TENSE"),
				participle: value(a, "PARTICIPLE"), sijamuoto: value(a, "SIJAMUOTO")})
		}
		C.voikko_free_mor_analysis(list)
	}
	v.mu.Unlock()
	v.cache.Store(w, out)
	return out
}

func value(a *C.struct_voikko_mor_analysis, key string) string {
	ck := C.CString(key)
	defer C.free(unsafe.Pointer(ck))
	cv := C.voikko_mor_analysis_value_cstr(a, ck)
	if cv == nil {
		return ""
	}
	defer C.voikko_free_mor_analysis_value_cstr(cv)
	return C.GoString(cv)
}

// verbForm: reported when every verb reading is a past indicative or a
// past participle (arvioivat, past and present alike, is not);
// progressive for the MA-infinitive in -massa or -maan.
func (v *voikkoMorphology) verbForm(w []byte, stem int) int {
	as := v.analyse(string(w))
	if len(as) == 0 {
		return v.fall.verbForm(w, stem)
	}
	past, present, prog := false, false, false
	for _, a := range as {
		switch {
		case a.participle == "past_passive" || a.participle == "past_active":
			past = true
		case a.class == "teonsana" && a.mood == "indicative" && a.tense == "past_imperfective":
			past = true
		case a.class == "teonsana" && a.mood == "MA-infinitive" && (a.sijamuoto == "sisaolento" || a.sijamuoto == "sisatulento"):
			prog = true
		case a.class == "teonsana":
			present = true
		}
	}
	switch {
	case past && !present:
		return formReported
	case prog:
		return formProgressive
	}
	return formNone
}

// recipient: allative (ulkotulento) or adessive (ulkoolento) in every
// reading.
func (v *voikkoMorphology) recipient(w []byte) bool {
	as := v.analyse(string(w))
	if len(as) == 0 {
		return v.fall.recipient(w)
	}
	for _, a := range as {
		if a.sijamuoto != "ulkotulento" && a.sijamuoto != "ulkoolento" {
			return false
		}
	}
	return true
}
