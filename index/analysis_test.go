package index

import (
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"raati", "raas"},              // final vowel, then vowel+t
		{"asiakasraad", "asiakasraas"}, // weak grade d -> t -> s
		{"raadi", "raas"},
		{"kyselyy", "kysel"},
		{"kysely", "kysel"},
		{"tilaisuuks", "tilaisuus"},
		{"mielenterveyd", "mielenterveys"},
		{"työpaj", "työpaj"},
		{"ika", "ika"}, // three letters or fewer stay
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := fold(c.in); got != c.want {
				t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestReverse(t *testing.T) {
	if got := reverse("kysel"); got != "lesyk" {
		t.Errorf("reverse(kysel) = %q", got)
	}
	if got := reverse("työpaj"); got != "japöyt" {
		t.Errorf("reverse(työpaj) = %q", got)
	}
}
