package region

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Kinds of names in the table.
const (
	KindRegion       = "region"
	KindMaakunta     = "maakunta"
	KindMunicipality = "municipality"
	KindAlias        = "alias"
)

type entry struct {
	code string // region code, e.g. "PI"
	kind string
	name string // the name as written in the table
}

// Table is a parsed region table.
type Table struct {
	names  map[string]string // code -> canonical name
	byKey  map[string]entry  // folded name -> entry
	keys   []string          // every folded name, in table order
	counts map[string]int    // kind -> entries
}

// unspecified is the code of "Uusimaa (tarkentamaton)".
const unspecified = "UU"

// ReadTable reads a table in the regions.tsv format. name is used in errors.
// The first name on a "region" line must be one of Canonical; every code
// must have one; one folded name may not stand for two regions.
func ReadTable(r io.Reader, name string) (*Table, error) {
	t := &Table{names: map[string]string{}, byKey: map[string]entry{}, counts: map[string]int{}}
	sc := bufio.NewScanner(r)
	type pending struct {
		line int
		e    entry
	}
	var rows []pending
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want code, kind and name separated by tabs", name, n)
		}
		code, kind := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		switch kind {
		case KindRegion, KindMaakunta, KindMunicipality, KindAlias:
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q", name, n, kind)
		}
		if kind == KindRegion {
			canon := strings.TrimSpace(f[2])
			if !IsCanonical(canon) {
				return nil, fmt.Errorf("%s:%d: %q is not a canonical region name", name, n, canon)
			}
			if old, ok := t.names[code]; ok {
				return nil, fmt.Errorf("%s:%d: code %s already names %q", name, n, code, old)
			}
			t.names[code] = canon
		}
		t.counts[kind]++
		for _, nm := range f[2:] {
			if nm = strings.TrimSpace(nm); nm != "" {
				rows = append(rows, pending{n, entry{code, kind, nm}})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, p := range rows {
		if _, ok := t.names[p.e.code]; !ok {
			return nil, fmt.Errorf("%s:%d: code %s has no region line", name, p.line, p.e.code)
		}
		k := Key(p.e.name)
		if old, ok := t.byKey[k]; ok {
			if old.code != p.e.code {
				return nil, fmt.Errorf("%s:%d: %q stands for both %s and %s", name, p.line, p.e.name, t.names[old.code], t.names[p.e.code])
			}
			if old.kind == KindMunicipality || p.e.kind != KindMunicipality {
				continue // keep the first, but let a municipality win
			}
		} else {
			t.keys = append(t.keys, k)
		}
		t.byKey[k] = p.e
	}
	for _, c := range Canonical {
		found := false
		for _, v := range t.names {
			found = found || v == c
		}
		if !found {
			return nil, fmt.Errorf("%s: canonical region %q has no line", name, c)
		}
	}
	return t, nil
}

// Count returns how many table lines have the kind (e.g. KindMunicipality).
func (t *Table) Count(kind string) int { return t.counts[kind] }

// Key folds a name for matching: lower case without diacritics (Fold),
// hyphens and dashes as spaces, runs of whitespace (also non-breaking) as
// one space, trailing dots, colons and asterisks dropped.
func Key(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(Fold(s)) {
		switch r {
		case '-', '‐', '–', '—', '_':
			r = ' '
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(b.String()), ".:*"))
}
