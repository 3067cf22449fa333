package region

import (
	"reflect"
	"strings"
	"testing"
)

const (
	pirkanmaa = "Pirkanmaan hyvinvointialue"
	vakehyva  = "Vantaan ja Keravan hyvinvointialue"
	lansiUusi = "Länsi-Uudenmaan hyvinvointialue"
	keusote   = "Keski-Uudenmaan hyvinvointialue"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, raw, place string
		primary          string
		all              []string
	}{
		{"empty", "", "Tampere", "", nil},
		{"taydentyy", "Täydentyy", "", "", nil},
		{"taydentyy lower with space", "  täydentyy ", "", "", nil},
		{"official name", "Pirkanmaan hyvinvointialue", "", pirkanmaa, []string{pirkanmaa}},
		{"maakunta", "Pirkanmaa", "", pirkanmaa, []string{pirkanmaa}},
		{"municipality", "Tampere", "", pirkanmaa, []string{pirkanmaa}},
		{"short name", "Pirha", "", pirkanmaa, []string{pirkanmaa}},
		{"vakehyva", "Vakehyva", "", vakehyva, []string{vakehyva}},
		{"keusote", "Keusote", "", keusote, []string{keusote}},
		{"eksote", "Eksote", "", "Etelä-Karjalan hyvinvointialue", []string{"Etelä-Karjalan hyvinvointialue"}},
		{"siun sote", "Siun sote", "", "Pohjois-Karjalan hyvinvointialue", []string{"Pohjois-Karjalan hyvinvointialue"}},
		{"soite", "Soite", "", "Keski-Pohjanmaan hyvinvointialue", []string{"Keski-Pohjanmaan hyvinvointialue"}},
		{"case and nbsp", "vantaan\u00a0ja   KERAVAN hyvinvointialue", "", vakehyva, []string{vakehyva}},
		{"ascii folding", "Paijat-Hame", "", "Päijät-Hämeen hyvinvointialue", []string{"Päijät-Hämeen hyvinvointialue"}},
		{"helsinki", "Helsinki", "", "Helsingin kaupunki", []string{"Helsingin kaupunki"}},
		{"ahvenanmaa", "Maarianhamina", "", "Ahvenanmaa", []string{"Ahvenanmaa"}},
		{"swedish", "Esbo", "", lansiUusi, []string{lansiUusi}},
		{"nationwide", "Valtakunnallinen", "", Nationwide, []string{Nationwide}},
		{"koko suomi", "Koko Suomi", "", Nationwide, []string{Nationwide}},
		{"uusimaa alone", "Uusimaa", "Vallilan terveysasema", UusimaaUnspecified, []string{UusimaaUnspecified}},
		{"uusimaa with place", "Uusimaa", "Espoon keskus, Espoo", lansiUusi, []string{lansiUusi}},
		{"uusimaa place genitive", "Uusimaa", "Vantaan kaupunki", vakehyva, []string{vakehyva}},
		{"uusimaa place elsewhere", "Uusimaa", "Tampere", UusimaaUnspecified, []string{UusimaaUnspecified}},
		{"uusimaa with municipality", "Uusimaa, Kerava", "", vakehyva, []string{vakehyva}},
		{"several", "Helsinki, Espoo ja Vantaa", "", "Helsingin kaupunki", []string{"Helsingin kaupunki", lansiUusi, vakehyva}},
		{"several same region", "Tampere ja Pirkanmaa", "", pirkanmaa, []string{pirkanmaa}},
		{"several semicolons", "Lapin hyvinvointialue; Kainuun hyvinvointialue", "", "Lapin hyvinvointialue", []string{"Lapin hyvinvointialue", "Kainuun hyvinvointialue"}},
		{"with words around", "Toiminta Oulun kaupungissa ja Kempele", "", "Pohjois-Pohjanmaan hyvinvointialue", []string{"Pohjois-Pohjanmaan hyvinvointialue"}},
		{"unknown raw, place tells", "Itä-Suomi", "Joensuu", "Pohjois-Karjalan hyvinvointialue", []string{"Pohjois-Karjalan hyvinvointialue"}},
		{"unknown", "Jossain muualla", "", "", nil},
		{"moved municipality", "Kuhmoinen", "", pirkanmaa, []string{pirkanmaa}},
		{"hyphen in municipality", "Mänttä-Vilppula", "", pirkanmaa, []string{pirkanmaa}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, all := Normalize(tt.raw, tt.place)
			if p != tt.primary || !reflect.DeepEqual(all, tt.all) {
				t.Errorf("Normalize(%q, %q) = %q, %q; want %q, %q", tt.raw, tt.place, p, all, tt.primary, tt.all)
			}
			for _, a := range all {
				if !IsCanonical(a) {
					t.Errorf("%q is not canonical", a)
				}
			}
		})
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		filter string
		want   []string
		errHas string
	}{
		{"Pirkanmaa", []string{pirkanmaa}, ""},
		{"pirkanmaan hyvinvointialue", []string{pirkanmaa}, ""},
		{"vantaa", []string{vakehyva}, ""},
		{"pirha", []string{pirkanmaa}, ""},
		{"PIRK", []string{pirkanmaa}, ""},
		{"hels", []string{"Helsingin kaupunki"}, ""},
		{"Uusimaa", Uusimaa, ""},
		{"uudenmaan", Uusimaa, ""},
		{"Keski-Uusimaa", []string{keusote}, ""},
		{"Uusimaa (tarkentamaton)", []string{UusimaaUnspecified}, ""},
		{"Valtakunnallinen", []string{Nationwide}, ""},
		{"Ahvenanmaa", []string{"Ahvenanmaa"}, ""},
		{"keski", nil, "ambiguous"},
		{"Pirkanmma", nil, `did you mean "Pirkanmaa"`},
		{"Vantta", nil, `"Vantaa"`},
		{"Atlantis", nil, "unknown region"},
		{"", nil, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			got, err := Resolve(tt.filter)
			if tt.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("Resolve(%q) = %q, %v; want error containing %q", tt.filter, got, err, tt.errHas)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Resolve(%q) = %q, %v; want %q", tt.filter, got, err, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		filters []string
		want    []string
		errHas  string
	}{
		{"canonical stands for itself", []string{" " + pirkanmaa + " "}, []string{pirkanmaa}, ""},
		{"short and municipality", []string{"Vantaa", "pirha"}, []string{vakehyva, pirkanmaa}, ""},
		{"each name once", []string{"Pirkanmaa", "Tampere", pirkanmaa}, []string{pirkanmaa}, ""},
		{"uusimaa and one of it", []string{"Keski-Uusimaa", "Uusimaa"}, append([]string{keusote}, without(Uusimaa, keusote)...), ""},
		{"none", nil, nil, ""},
		{"a miss suggests", []string{"Pirkanmaa", "Pirkanmma"}, nil, `did you mean "Pirkanmaa"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.filters...)
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Fatalf("Parse(%q) = %q, %v; want error containing %q", tc.filters, got, err, tc.errHas)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse(%q) = %q, %v; want %q", tc.filters, got, err, tc.want)
			}
		})
	}
}

func without(list []string, drop string) []string {
	var out []string
	for _, s := range list {
		if s != drop {
			out = append(out, s)
		}
	}
	return out
}

func TestEmbeddedTable(t *testing.T) {
	tb, err := ReadTable(strings.NewReader(tableTSV), "regions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if n := tb.Count(KindMunicipality); n < 305 || n > 312 {
		t.Errorf("table has %d municipalities; want every current one (about 308)", n)
	}
	if n := tb.Count(KindRegion); n != len(Canonical) {
		t.Errorf("table has %d region lines; want %d", n, len(Canonical))
	}
	// Every canonical name resolves to itself and normalises to itself.
	for _, c := range Canonical {
		got, err := tb.Resolve(c)
		if err != nil || (c != "Uusimaa (tarkentamaton)" && !reflect.DeepEqual(got, []string{c})) {
			t.Errorf("Resolve(%q) = %q, %v", c, got, err)
		}
		if p, _ := tb.Normalize(c, ""); p != c {
			t.Errorf("Normalize(%q) = %q", c, p)
		}
	}
	// Every municipality maps to a welfare region (not nationwide or unspecified).
	for k, e := range tb.byKey {
		if e.kind == KindMunicipality && (e.code == unspecified || tb.names[e.code] == Nationwide) {
			t.Errorf("municipality %q (%s) maps to %q", e.name, k, tb.names[e.code])
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, errHas string }{
		{"short line", "PI\tregion\n", "regions.tsv:1"},
		{"bad kind", "PI\tcity\tTampere\n", "unknown kind"},
		{"not canonical", "PI\tregion\tPirkanmaa\n", "not a canonical"},
		{"no region line", "XX\tmunicipality\tTampere\n", "no region line"},
		{"clash", "PI\tregion\tPirkanmaan hyvinvointialue\tTampere\nLA\tregion\tLapin hyvinvointialue\tTampere\n", "stands for both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTable(strings.NewReader(tt.in), "regions.tsv")
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Fatalf("Parse: %v; want error containing %q", err, tt.errHas)
			}
		})
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Päijät-Häme":         "paijat hame",
		"  Vantaa\u00a0 ja  ": "vantaa ja",
		"Ratkaisu **":         "ratkaisu",
		"Åland.":              "aland",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q; want %q", in, got, want)
		}
	}
}
