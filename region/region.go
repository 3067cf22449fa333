package region

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// Canonical lists the names records are grouped by: the 21 welfare regions
// by official name, then Helsinki (which organises its own services),
// Ahvenanmaa, nationwide models, and Uusimaa when the page does not say
// which of its regions.
var Canonical = []string{
	"Itä-Uudenmaan hyvinvointialue",
	"Keski-Uudenmaan hyvinvointialue",
	"Länsi-Uudenmaan hyvinvointialue",
	"Vantaan ja Keravan hyvinvointialue",
	"Varsinais-Suomen hyvinvointialue",
	"Satakunnan hyvinvointialue",
	"Kanta-Hämeen hyvinvointialue",
	"Pirkanmaan hyvinvointialue",
	"Päijät-Hämeen hyvinvointialue",
	"Kymenlaakson hyvinvointialue",
	"Etelä-Karjalan hyvinvointialue",
	"Etelä-Savon hyvinvointialue",
	"Pohjois-Savon hyvinvointialue",
	"Pohjois-Karjalan hyvinvointialue",
	"Keski-Suomen hyvinvointialue",
	"Etelä-Pohjanmaan hyvinvointialue",
	"Pohjanmaan hyvinvointialue",
	"Keski-Pohjanmaan hyvinvointialue",
	"Pohjois-Pohjanmaan hyvinvointialue",
	"Kainuun hyvinvointialue",
	"Lapin hyvinvointialue",
	"Helsingin kaupunki",
	"Ahvenanmaa",
	"Valtakunnallinen",
	"Uusimaa (tarkentamaton)",
}

// Names that need a rule of their own.
const (
	Nationwide         = "Valtakunnallinen"
	UusimaaUnspecified = "Uusimaa (tarkentamaton)"
	Helsinki           = "Helsingin kaupunki"
)

// Uusimaa lists the regions the maakunta Uusimaa is split into, with the
// name kept when a page does not say which.
var Uusimaa = []string{
	"Itä-Uudenmaan hyvinvointialue",
	"Keski-Uudenmaan hyvinvointialue",
	"Länsi-Uudenmaan hyvinvointialue",
	"Vantaan ja Keravan hyvinvointialue",
	"Helsingin kaupunki",
	UusimaaUnspecified,
}

//go:embed regions.tsv
var tableTSV string

var defaultTable = sync.OnceValues(func() (*Table, error) {
	return ReadTable(strings.NewReader(tableTSV), "regions.tsv")
})

func table() *Table {
	t, err := defaultTable()
	if err != nil {
		// The embedded table is checked by the package tests; a broken
		// build must not go unnoticed.
		panic(fmt.Sprintf("region: embedded table: %v", err))
	}
	return t
}

// Normalize maps a page's "Paikkakunta, maakunta tai hyvinvointialue" value
// and its "Toteutuspaikka" to canonical names. all holds every region named,
// in the order given, and primary is all[0]. "Uusimaa" alone is resolved
// from the place when that names a municipality of Uusimaa, else it stays
// UusimaaUnspecified. An empty or "Täydentyy" value gives "" and nil.
func Normalize(raw, place string) (primary string, all []string) {
	return table().Normalize(raw, place)
}

// Resolve turns a --region filter (a canonical name, a short or old name,
// a maakunta, a municipality, or an unambiguous prefix of one, any case)
// into the canonical names it stands for. "Uusimaa" stands for every
// Uusimaa region and UusimaaUnspecified. An unknown or ambiguous filter is
// an error naming the close matches.
func Resolve(filter string) ([]string, error) {
	return table().Resolve(filter)
}

// Parse reads --region filters, the region parameter of the API and the
// page's region facet alike: a canonical name stands for itself, anything
// else goes through Resolve. It returns the canonical names of all
// filters, each once, in the order first named. An unknown or ambiguous
// filter is Resolve's error, with its suggestions.
func Parse(filters ...string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, f := range filters {
		f = strings.TrimSpace(f)
		names := []string{f}
		if !IsCanonical(f) {
			var err error
			if names, err = Resolve(f); err != nil {
				return nil, err
			}
		}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out, nil
}

// Lookup returns the canonical name of a single known name (exact match
// after folding case, hyphens and diacritics), or "".
func Lookup(name string) string {
	t := table()
	if e, ok := t.byKey[Key(name)]; ok {
		return t.names[e.code]
	}
	return ""
}

// IsCanonical reports whether name is one of Canonical.
func IsCanonical(name string) bool {
	for _, c := range Canonical {
		if c == name {
			return true
		}
	}
	return false
}
