package region

import (
	"fmt"
	"sort"
	"strings"
)

// Resolve is the package-level Resolve with this table.
func (t *Table) Resolve(filter string) ([]string, error) {
	k := Key(filter)
	if k == "" {
		return nil, fmt.Errorf("empty region filter")
	}
	if e, ok := t.byKey[k]; ok {
		if e.kind == KindRegion && e.code == unspecified {
			return []string{UusimaaUnspecified}, nil
		}
		return t.expand([]string{e.code}), nil
	}
	codes := map[string]bool{}
	var names []string
	for _, key := range t.keys {
		if strings.HasPrefix(key, k) {
			e := t.byKey[key]
			if !codes[e.code] {
				names = append(names, e.name)
			}
			codes[e.code] = true
		}
	}
	if codes[unspecified] && len(codes) > 1 {
		delete(codes, unspecified) // "hels" means Helsinki, not HUS
		names = names[:0]
		for _, key := range t.keys {
			if e := t.byKey[key]; strings.HasPrefix(key, k) && codes[e.code] {
				names = append(names, e.name)
			}
		}
	}
	switch {
	case len(codes) == 1:
		for c := range codes {
			return t.expand([]string{c}), nil
		}
	case len(codes) > 1:
		sort.Strings(names)
		return nil, fmt.Errorf("region %q is ambiguous: it begins %s", filter, quoteList(names, 8))
	}
	return nil, fmt.Errorf("unknown region %q%s", filter, t.suggest(k))
}

// expand turns codes into canonical names in Canonical order; "Uusimaa"
// stands for all of Uusimaa.
func (t *Table) expand(codes []string) []string {
	want := map[string]bool{}
	for _, c := range codes {
		if c == unspecified {
			for _, u := range Uusimaa {
				want[u] = true
			}
			continue
		}
		want[t.names[c]] = true
	}
	var out []string
	for _, c := range Canonical {
		if want[c] {
			out = append(out, c)
		}
	}
	return out
}

// suggest names the table entries closest to an unknown key.
func (t *Table) suggest(k string) string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	limit := max(2, len([]rune(k))/3)
	seen := map[string]bool{}
	for _, key := range t.keys {
		d := distance(k, key)
		if len([]rune(key)) > len([]rune(k)) {
			// also compare with the start of longer names: "pirkanm" ~ "pirkanmaa"
			d = min(d, distance(k, string([]rune(key)[:len([]rune(k))])))
		}
		if d <= limit && !seen[t.byKey[key].name] {
			seen[t.byKey[key].name] = true
			cs = append(cs, cand{t.byKey[key].name, d})
		}
	}
	if len(cs) == 0 {
		return "; give a welfare region, maakunta or municipality (e.g. \"Pirkanmaa\", \"Vantaa\", \"Pirha\")"
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.name
	}
	return "; did you mean " + quoteList(names, 5) + "?"
}

func quoteList(names []string, limit int) string {
	more := ""
	if len(names) > limit {
		more = fmt.Sprintf(" and %d more", len(names)-limit)
		names = names[:limit]
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ") + more
}

// distance is the Levenshtein distance between a and b in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
