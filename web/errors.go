package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/innokyla/innokyla/index"
)

// An API error answers with two messages: error, in English, for programs
// and logs, and virhe, in Finnish, which the page shows.
type apiError struct {
	status int
	en, fi string
}

func (e *apiError) Error() string { return e.en }

func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, map[string]string{"error": e.en, "virhe": e.fi})
}

// paramNames are the Finnish names of the query parameters.
var paramNames = map[string]string{
	"q": "haku", "page": "sivu", "size": "sivun koko", "region": "alue", "method": "osallistamistapa",
	"phase": "vaihe", "stage": "kehitysvaihe", "year": "vuosi", "described": "osallisuus kuvattu",
}

// badParam is a 400 for a query parameter with a value it cannot have; err
// says what it takes ("want one of a, b").
func badParam(name, raw string, err error) *apiError {
	return &apiError{status: http.StatusBadRequest,
		en: fmt.Sprintf("%s %q: %v", name, raw, err),
		fi: fmt.Sprintf("Rajaus %s = ”%s” ei kelpaa: %s.", paramNames[name], raw, wantFI(err.Error()))}
}

// wantFI says in Finnish what a parser's "want ..." error asks for.
func wantFI(en string) string {
	switch {
	case strings.HasPrefix(en, "want one of "):
		return "sallitut arvot ovat " + strings.TrimPrefix(en, "want one of ")
	case strings.HasPrefix(en, "want a year"):
		return "anna vuosi, esimerkiksi 2023 (1990–2099)"
	case strings.HasPrefix(en, "want true or false"):
		return "anna true tai false"
	case strings.HasPrefix(en, "want a whole number from "):
		var lo, hi int
		fmt.Sscanf(strings.TrimPrefix(en, "want a whole number from "), "%d to %d", &lo, &hi)
		return fmt.Sprintf("anna kokonaisluku %d–%d", lo, hi)
	case strings.HasPrefix(en, "unknown region"), strings.HasPrefix(en, "empty region"):
		return "aluetta ei tunneta; anna hyvinvointialueen, maakunnan tai kunnan nimi"
	case strings.Contains(en, "is ambiguous"):
		return "nimi sopii useaan alueeseen; kirjoita se pidemmälle"
	}
	return en
}

// searchError is the API error of a search that failed.
func searchError(err error) *apiError {
	var fv *index.FieldValueError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{http.StatusServiceUnavailable, "the search took too long; narrow it with more words or filters",
			"Haku kesti liian kauan. Tarkenna sitä useammalla sanalla tai rajauksella."}
	case errors.As(err, &fv):
		return &apiError{http.StatusBadRequest, err.Error(),
			fmt.Sprintf("Hakukentän arvo %s:”%s” ei kelpaa: %s.", fv.Field, fv.Value, wantFI(fv.Err.Error()))}
	case errors.Is(err, index.ErrStopWords):
		return &apiError{http.StatusBadRequest, err.Error(),
			"Haussa on vain niin yleisiä sanoja (kuten ja, on, kanssa), ettei niitä ole hakemistossa. " +
				"Hae muilla sanoilla tai kirjoita ne lainausmerkkeihin toisen sanan kanssa, esimerkiksi ”asiakkaiden kanssa”."}
	case errors.Is(err, index.ErrUnknownField):
		return &apiError{http.StatusBadRequest, err.Error(),
			"Haussa on tuntematon kenttä. Kentät ovat otsikko:, tiivistelmä:, teksti:, alue:, menetelmä:, vaihe:, " +
				"kehitysvaihe:, hanke:, rahoittaja:, vuosi: ja kuvattu:."}
	case errors.Is(err, index.ErrBadQuery):
		return &apiError{http.StatusBadRequest, err.Error(),
			"Hakua ei voitu lukea. Tarkista lainausmerkit ja sulut, tai kirjoita sanat lainausmerkkeihin (”…”), " +
				"niin ne haetaan sellaisinaan."}
	}
	// Not the query's fault: the index could not be read.
	return &apiError{http.StatusInternalServerError, err.Error(), "Hakemistoa ei voitu lukea. Yritä hetken päästä uudelleen."}
}
