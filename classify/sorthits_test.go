package classify

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortHits holds the insertion sort to a stable sort by start, longer
// first, on hits in the automaton's order (by end) and on shuffled ones.
func TestSortHits(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	entries := make([]entry, 4)
	for round := range 500 {
		var hs []hit
		for range rnd.IntN(40) {
			s := int32(rnd.IntN(60))
			hs = append(hs, hit{e: &entries[rnd.IntN(len(entries))], s: s, t: s + 1 + int32(rnd.IntN(12))})
		}
		if round%2 == 0 { // as the automaton reports them
			slices.SortStableFunc(hs, func(x, y hit) int { return cmp.Compare(x.t, y.t) })
		}
		want := slices.Clone(hs)
		slices.SortStableFunc(want, func(x, y hit) int {
			return cmp.Or(cmp.Compare(x.s, y.s), cmp.Compare(y.t, x.t))
		})
		sortHits(hs)
		if !slices.Equal(hs, want) {
			t.Fatalf("round %d: got %v, want %v", round, hs, want)
		}
	}
}
