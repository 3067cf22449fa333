package index

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
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
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSuffixFilter(t *testing.T) {
	in := analysis.TokenStream{
		{Term: []byte("asiakaskysel"), Start: 0, End: 14, Position: 1},
		{Term: []byte("työ"), Start: 15, End: 18, Position: 2},
	}
	out := suffixFilter{}.Filter(in)
	var terms []string
	for _, tk := range out {
		terms = append(terms, string(tk.Term))
		if string(tk.Term) != "työ" && (tk.Position != 1 || tk.Start != 0 || tk.End != 14) {
			t.Errorf("suffix %q at position %d [%d,%d), want the original's", tk.Term, tk.Position, tk.Start, tk.End)
		}
	}
	got := strings.Join(terms, " ")
	want := "asiakaskysel akaskysel kaskysel askysel skysel kysel ysel työ"
	if got != want {
		t.Errorf("suffixes\n got %s\nwant %s", got, want)
	}
}

func TestSuffixFilterMultibyte(t *testing.T) {
	out := suffixFilter{}.Filter(analysis.TokenStream{{Term: []byte("yhteiskehittäm")}})
	for _, tk := range out {
		if !strings.HasSuffix("yhteiskehittäm", string(tk.Term)) || len([]rune(string(tk.Term))) < minSuffixRunes {
			t.Errorf("bad suffix %q", tk.Term)
		}
	}
	if string(out[len(out)-1].Term) != "ttäm" {
		t.Errorf("last suffix %q, want ttäm", out[len(out)-1].Term)
	}
}
