package classify

// automaton is a byte-level Aho-Corasick automaton with a dense transition
// table: one table lookup per input byte, no allocation while scanning.
type automaton struct {
	next    []int32 // state*256 + byte -> state
	outs    []int32 // flattened output lists: pattern ids
	outIdx  []int32 // state -> start in outs; outIdx[state+1] is the end
	lengths []int32 // pattern id -> length in bytes
}

// buildAutomaton compiles pats; pattern i reports id i.
func buildAutomaton(pats []string) *automaton {
	type node struct {
		child map[byte]int32
		fail  int32
		out   []int32
	}
	nodes := []node{{child: map[byte]int32{}}}
	a := &automaton{lengths: make([]int32, len(pats))}
	for id, p := range pats {
		a.lengths[id] = int32(len(p))
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := p[i]
			n, ok := nodes[s].child[c]
			if !ok {
				n = int32(len(nodes))
				nodes = append(nodes, node{child: map[byte]int32{}})
				nodes[s].child[c] = n
			}
			s = n
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	a.next = make([]int32, len(nodes)*256)
	// Breadth-first: fail links and the full transition table.
	queue := make([]int32, 0, len(nodes))
	for c := 0; c < 256; c++ {
		if n, ok := nodes[0].child[byte(c)]; ok {
			a.next[c] = n
			nodes[n].fail = 0
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].out = append(nodes[s].out, nodes[f].out...)
		for c := 0; c < 256; c++ {
			if n, ok := nodes[s].child[byte(c)]; ok {
				nodes[n].fail = a.next[int(f)*256+c]
				a.next[int(s)*256+c] = n
				queue = append(queue, n)
			} else {
				a.next[int(s)*256+c] = a.next[int(f)*256+c]
			}
		}
	}
	a.outIdx = make([]int32, len(nodes)+1)
	for i, n := range nodes {
		a.outIdx[i] = int32(len(a.outs))
		a.outs = append(a.outs, n.out...)
	}
	a.outIdx[len(nodes)] = int32(len(a.outs))
	return a
}

// scan calls fn(id, start, end) for every occurrence of every pattern in b,
// in order of end position.
func (a *automaton) scan(b []byte, fn func(id int32, start, end int)) {
	s := int32(0)
	next, outIdx := a.next, a.outIdx
	for i := 0; i < len(b); i++ {
		s = next[int(s)<<8|int(b[i])]
		if lo, hi := outIdx[s], outIdx[s+1]; lo != hi {
			for _, id := range a.outs[lo:hi] {
				fn(id, i+1-int(a.lengths[id]), i+1)
			}
		}
	}
}
