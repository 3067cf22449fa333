package classify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestAutomatonMatchesNaive holds the automaton to a plain search: every
// occurrence of every pattern, overlapping ones too, in order of end.
func TestAutomatonMatchesNaive(t *testing.T) {
	type match struct {
		id         int32
		start, end int
	}
	naive := func(pats []string, text string) []match {
		var ms []match
		for end := 1; end <= len(text); end++ {
			for id, p := range pats {
				if strings.HasSuffix(text[:end], p) {
					ms = append(ms, match{int32(id), end - len(p), end})
				}
			}
		}
		return ms
	}
	sorted := func(ms []match) []match {
		return slices.SortedFunc(slices.Values(ms), func(x, y match) int {
			if x.end != y.end {
				return x.end - y.end
			}
			return int(x.id - y.id)
		})
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "k", "s", "y", "ä", "ö", " ", "-"}
	var random []string
	for range 200 {
		var b strings.Builder
		for range rnd.IntN(60) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		random = append(random, b.String())
	}
	for _, tc := range []struct {
		name  string
		pats  []string
		texts []string
	}{
		{"overlapping", []string{"he", "she", "his", "hers"}, []string{"ushers", "hishers", "", "h", "shershe"}},
		{"prefixes and repeats", []string{"a", "aa", "aaa", "ab"}, []string{"aaaa", "aabaaab", "baaa"}},
		{"finnish bytes", []string{"kysely", "kyselyy", "äänestys", "työpaja", "ä"}, []string{
			"asiakaskyselyyn vastasi", "työpajatyöpaja äänestyskysely", "ääää"}},
		{"random", []string{"kas", "as", "ä", "ykä", "a-k", "ö ö", "sss"}, random},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := buildAutomaton(tc.pats)
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range tc.texts {
				var got []match
				a.scan([]byte(text), func(id int32, s, e int) { got = append(got, match{id, s, e}) })
				want := naive(tc.pats, text)
				if !slices.Equal(sorted(got), want) {
					t.Errorf("%q: got %v, want %v", text, got, want)
				}
				if !slices.IsSortedFunc(got, func(x, y match) int { return x.end - y.end }) {
					t.Errorf("%q: matches not in order of end: %v", text, got)
				}
			}
		})
	}
}
