package region

import (
	"strings"
)

// maxWords is the longest name in words the scanner tries.
const maxWords = 7

// empty values a page uses for "not told".
var emptyValues = map[string]bool{"": true, "taydentyy": true, "ei tiedossa": true, "-": true}

// Normalize is the package-level Normalize with this table.
func (t *Table) Normalize(raw, place string) (string, []string) {
	if emptyValues[Key(raw)] {
		return "", nil
	}
	codes := t.scan(raw)
	if len(codes) == 0 {
		codes = t.scan(place) // an unknown value: the place may still tell
	}
	codes = t.resolveUusimaa(codes, place)
	var all []string
	seen := map[string]bool{}
	for _, c := range codes {
		name := t.names[c]
		if !seen[name] {
			seen[name] = true
			all = append(all, name)
		}
	}
	if len(all) == 0 {
		return "", nil
	}
	return all[0], all
}

// resolveUusimaa drops "Uusimaa" when a region of Uusimaa is named beside
// it, else replaces it by the region the place lies in, when known.
func (t *Table) resolveUusimaa(codes []string, place string) []string {
	at := -1
	for i, c := range codes {
		if c == unspecified {
			at = i
			break
		}
	}
	if at < 0 {
		return codes
	}
	known := ""
	for _, c := range codes {
		if c != unspecified && t.inUusimaa(c) {
			known = c
			break
		}
	}
	if known == "" {
		for _, c := range t.scan(place) {
			if c != unspecified && t.inUusimaa(c) {
				known = c
				break
			}
		}
	}
	if known == "" {
		return codes
	}
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		if c == unspecified {
			c = known
		}
		out = append(out, c)
	}
	return out
}

func (t *Table) inUusimaa(code string) bool {
	name := t.names[code]
	for _, u := range Uusimaa {
		if u == name {
			return true
		}
	}
	return false
}

// scan finds every known name in s, longest first, in order. Commas,
// semicolons, slashes, parentheses and line breaks separate names; a name
// never spans them.
func (t *Table) scan(s string) []string {
	if k := Key(s); k != "" {
		if e, ok := t.byKey[k]; ok {
			return []string{e.code}
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(",;/()|\n\r\t&+", r)
	})
	var codes []string
	for _, part := range parts {
		words := strings.Fields(Key(part))
		for i := 0; i < len(words); {
			n := min(maxWords, len(words)-i)
			for ; n > 0; n-- {
				if e, ok := t.byKey[strings.Join(words[i:i+n], " ")]; ok {
					codes = append(codes, e.code)
					break
				}
			}
			if n == 0 {
				n = 1
			}
			i += n
		}
	}
	return codes
}
