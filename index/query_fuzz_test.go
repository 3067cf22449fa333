package index

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParseQueryString: no query string makes the parser panic or fail
// with anything but ErrBadQuery, and no message speaks of a runtime error.
func FuzzParseQueryString(f *testing.F) {
	for _, s := range []string{"/", "a/", "/a", "//", `\`, `"`, "kotihoito", `+perhetyö -kotikäynti`,
		`"asiakkaiden kanssa"`, "method:survey", "title:/ko.*/", "vuosi:>2020", "a^2", "(", ")", "~", "*", "?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := parseQueryString(s)
		if err == nil {
			return
		}
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: error %v is not ErrBadQuery", s, err)
		}
		if strings.Contains(err.Error(), "runtime error") {
			t.Errorf("%q: %v", s, err)
		}
	})
}
