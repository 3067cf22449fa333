package classify

import (
	"fmt"
	"math"
)

// automaton is a byte-level Aho-Corasick automaton with a dense transition
// table over byte classes: two table lookups and an add per input byte, no
// allocation while scanning.
type automaton struct {
	class    [256]uint8 // byte -> equivalence class; 0 for bytes in no pattern
	nclass   int
	firstOut int32 // states >= firstOut have outputs
	// next maps a state's row plus a class to the next state's row, where
	// a state's row is state*nclass: scanning adds instead of multiplying
	// (a fifth faster than a table of state numbers).
	next    []int32
	outs    []int32 // flattened output lists: pattern ids
	outIdx  []int32 // state -> start in outs; outIdx[state+1] is the end
	lengths []int32 // pattern id -> length in bytes
}

// maxStates is the most states a codebook may need, to keep the table
// small enough for the cache (the embedded codebook's: 2,692 states, 29
// classes, 312 KB).
const maxStates = math.MaxInt16

// buildAutomaton compiles pats; pattern i reports id i. It fails when the
// patterns need more states or byte classes than the table holds.
func buildAutomaton(pats []string) (*automaton, error) {
	type node struct {
		child map[byte]int32
		fail  int32
		out   []int32
	}
	nodes := []node{{child: map[byte]int32{}}}
	a := &automaton{lengths: make([]int32, len(pats)), nclass: 1}
	// Alphabet compression keeps the table small enough for the cache.
	for _, p := range pats {
		for i := 0; i < len(p); i++ {
			if a.class[p[i]] == 0 {
				if a.nclass > math.MaxUint8 {
					return nil, fmt.Errorf("the cue patterns use more than %d distinct bytes", math.MaxUint8)
				}
				a.class[p[i]] = uint8(a.nclass)
				a.nclass++
			}
		}
	}
	for id, p := range pats {
		a.lengths[id] = int32(len(p))
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := a.class[p[i]]
			n, ok := nodes[s].child[c]
			if !ok {
				n = int32(len(nodes))
				nodes = append(nodes, node{child: map[byte]int32{}})
				nodes[s].child[c] = n
			}
			s = n
		}
		nodes[s].out = append(nodes[s].out, int32(id))
		if len(nodes) > maxStates {
			return nil, fmt.Errorf("the cue patterns need more than %d automaton states (%d patterns read of %d): shorten or merge cue lists", maxStates, id+1, len(pats))
		}
	}
	k := a.nclass
	full := make([]int32, len(nodes)*k)
	// Breadth-first: fail links and the full transition table.
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < k; c++ {
		if n, ok := nodes[0].child[byte(c)]; ok {
			full[c] = n
			nodes[n].fail = 0
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].out = append(nodes[s].out, nodes[f].out...)
		for c := 0; c < k; c++ {
			if n, ok := nodes[s].child[byte(c)]; ok {
				nodes[n].fail = full[int(f)*k+c]
				full[int(s)*k+c] = n
				queue = append(queue, n)
			} else {
				full[int(s)*k+c] = full[int(f)*k+c]
			}
		}
	}
	// Renumber: states without output first, so scan tests s >= firstOut
	// instead of loading the output index for every byte.
	perm := make([]int32, len(nodes))
	id := int32(0)
	for pass := 0; pass < 2; pass++ {
		for i, n := range nodes {
			if (len(n.out) > 0) == (pass == 1) {
				if pass == 1 && a.firstOut == 0 {
					a.firstOut = id
				}
				perm[i] = id
				id++
			}
		}
	}
	if a.firstOut == 0 {
		a.firstOut = id
	}
	next := make([]int32, len(full))
	for i := range nodes {
		for c := 0; c < k; c++ {
			next[int(perm[i])*k+c] = perm[full[i*k+c]] * int32(k)
		}
	}
	a.next = next
	outs := make([][]int32, len(nodes))
	for i, n := range nodes {
		outs[perm[i]] = n.out
	}
	a.outIdx = make([]int32, len(nodes)+1)
	for i, o := range outs {
		a.outIdx[i] = int32(len(a.outs))
		a.outs = append(a.outs, o...)
	}
	a.outIdx[len(nodes)] = int32(len(a.outs))
	return a, nil
}

// scan calls fn(id, start, end) for every occurrence of every pattern in b,
// in order of end position.
func (a *automaton) scan(b []byte, fn func(id int32, start, end int)) {
	row := int32(0)
	next, outIdx, k := a.next, a.outIdx, int32(a.nclass)
	class, firstOut := &a.class, a.firstOut*k
	for i := 0; i < len(b); i++ {
		row = next[row+int32(class[b[i]])]
		if row >= firstOut {
			s := row / k
			for _, id := range a.outs[outIdx[s]:outIdx[s+1]] {
				fn(id, i+1-int(a.lengths[id]), i+1)
			}
		}
	}
}
