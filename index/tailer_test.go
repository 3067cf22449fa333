package index

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTailerTerms(t *testing.T) {
	m, err := buildMapping()
	if err != nil {
		t.Fatal(err)
	}
	fold := m.AnalyzerNamed(analyzerFold)
	if fold == nil {
		t.Fatalf("mapping has no analyzer %s", analyzerFold)
	}
	tl := newTailer(fold)
	// Each word's tail as the fold analyzer makes it on its own.
	tail := func(w string) string {
		toks := fold.Analyze([]byte(w))
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens", w, len(toks))
		}
		return reverse(string(toks[0].Term))
	}
	got, pairs := tl.terms("Asiakasraati kokoontui, asiakasraati; ja RAATI!", "kotihoito 2024 — kotihoito")
	want := []string{tail("asiakasraati"), tail("kokoontui"), tail("raati"), tail("kotihoito"), "4202"}
	if !slices.Equal(got, want) {
		t.Errorf("terms = %q, want %q", got, want)
	}
	// "kokoontui, asiakasraati; ja RAATI": ja pairs with both neighbours,
	// punctuation between them or not.
	key := func(w string) string { return reverse(tail(w)) }
	wantPairs := []string{key("asiakasraati") + " ja", "ja " + key("raati")}
	if !slices.Equal(pairs, wantPairs) {
		t.Errorf("pairs = %q, want %q", pairs, wantPairs)
	}
	if got[0] != "saarsakaisa" {
		t.Errorf("tail of Asiakasraati = %q, want saarsakaisa (asiakasraas reversed)", got[0])
	}
	// The second call starts afresh: the same words are yielded again, from
	// the cache.
	if again, _ := tl.terms("raati ja raati"); !slices.Equal(again, []string{tail("raati")}) {
		t.Errorf("second terms = %q, want %q", again, []string{tail("raati")})
	}
	tails, pairs := tl.terms("ja 12 on")
	if len(tails) != 0 {
		t.Error("stop words and stems under four letters have no tails")
	}
	if want := []string{"ja 12", "12 on"}; !slices.Equal(pairs, want) {
		t.Errorf("pairs of %q = %q, want %q", "ja 12 on", pairs, want)
	}
}

// TestEachWord checks eachWord against the runs of letters and digits that
// strings.FieldsFunc finds, on real text and on edge cases.
func TestEachWord(t *testing.T) {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	cases := append(realdevTexts(t), "", " ", "a", "Äiti ja isä!", "työ-ja 3.5 %\nO'Brien\t", "ééé", "x\xffy", "\u00a0Å\u2009ö1")
	for i, text := range cases {
		var got []string
		eachWord(text, func(w string) { got = append(got, w) })
		if want := strings.FieldsFunc(text, notWord); !slices.Equal(got, want) {
			t.Errorf("case %d %.40q: %q, want %q", i, text, got, want)
		}
	}
}
