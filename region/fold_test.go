package region

import "testing"

func TestFoldAndSlug(t *testing.T) {
	for _, tc := range []struct{ in, fold, slug string }{
		{"Ähtäri", "Ahtari", "ahtari"},
		{"Etelä-Savon hyvinvointialue", "Etela-Savon hyvinvointialue", "etela-savon-hyvinvointialue"},
		{"Åland – Ahvenanmaa", "Aland – Ahvenanmaa", "aland-ahvenanmaa"},
		{"Malmö, Sønderborg", "Malmo, Sonderborg", "malmo-sonderborg"},
		{"  Café 2024!  ", "  Cafe 2024!  ", "cafe-2024"},
		{"Pirkanmaa", "Pirkanmaa", "pirkanmaa"},
		{"", "", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.fold {
				t.Errorf("Fold(%q) = %q; want %q", tc.in, got, tc.fold)
			}
			if got := Slug(tc.in); got != tc.slug {
				t.Errorf("Slug(%q) = %q; want %q", tc.in, got, tc.slug)
			}
		})
	}
}
