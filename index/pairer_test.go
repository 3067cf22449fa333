package index

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestPairerPairs(t *testing.T) {
	m, err := buildMapping()
	if err != nil {
		t.Fatal(err)
	}
	fold := m.AnalyzerNamed(analyzerFold)
	if fold == nil {
		t.Fatalf("mapping has no analyzer %s", analyzerFold)
	}
	pr := newPairer(fold)
	// Each word's key as the fold analyzer makes it on its own.
	key := func(w string) string {
		toks := fold.Analyze([]byte(w))
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens", w, len(toks))
		}
		return string(toks[0].Term)
	}
	// "kokoontui, asiakasraati; ja RAATI": ja pairs with both neighbours,
	// punctuation between them or not; a pair repeated is kept once.
	pairs := pr.pairs("Asiakasraati kokoontui, asiakasraati; ja RAATI! Asiakasraati ja raati", "kotihoito 2024 — kotihoito")
	want := []string{key("asiakasraati") + " ja", "ja " + key("raati")}
	if !slices.Equal(pairs, want) {
		t.Errorf("pairs = %q, want %q", pairs, want)
	}
	if want[0] != "asiakasraas ja" {
		t.Errorf("pair of asiakasraati ja = %q, want the folded stem asiakasraas", want[0])
	}
	// The second call starts afresh: the same pairs are yielded again, from
	// the cache.
	if again := pr.pairs("raati ja raati"); !slices.Equal(again, []string{"raas ja", "ja raas"}) {
		t.Errorf("second pairs = %q", again)
	}
	if got, want := pr.pairs("ja 12 on"), []string{"ja 12", "12 on"}; !slices.Equal(got, want) {
		t.Errorf("pairs of %q = %q, want %q", "ja 12 on", got, want)
	}
	if got := pr.pairs("kotihoito 2024"); len(got) != 0 {
		t.Errorf("words without a stop word make no pairs: %q", got)
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
