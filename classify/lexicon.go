package classify

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// What a pattern stands for.
type kind uint8

const (
	kMethodCue    kind = iota // a method cue that needs a client actor
	kMethodClient             // a method cue that names clients itself
	kMethodExcept             // a word that looks like a cue but is not one
	kFuzzy                    // half of a long method cue, the anchor of a fuzzy match
	kPhase
	kClient
	kStaff
	kStaffExcept
	kClientExcept
	kNeg
	kNotNeg
	kServing
	kDevVerb     // a development verb stem, counts in a reported form
	kEventVerb   // a taking-part or gathering verb stem, in a reported form
	kReported    // a whole word that is a reported event (teki)
	kSource      // mukaan, perusteella: results of a method, so it was done
	kPastAux     // oli, ollut: makes a progressive form reported
	kProgressive // mukana: reported only beside a past auxiliary
	kContext     // the development of the model as a setting
	kModal       // voidaan, tulisi, jatkossa
	kTarget      // suunnattu: the client next to it is a target group
	kContent     // a participation form as the model's content
	kRequire     // a word a cue requires in its clause
)

// Where a pattern may match inside a word.
type mode uint8

const (
	anywhere  mode = iota // inside a word too (compounds)
	wordStart             // the word starts with it (^)
	wholeWord             // the word is it (=)
)

// entry is one codebook pattern with its meaning.
type entry struct {
	kind  kind
	mode  mode
	owner int    // method or phase index, or cue index for kRequire
	text  string // the pattern body
	runes int
	// fuzzy anchors: which cue they belong to and whether they are its
	// first half.
	cue      *entry
	first    bool
	cueRunes []rune // of a fuzzy-matchable cue
	req      int    // require group of a cue (0: none)
	// group: the anchors sharing one pattern, reported as one hit.
	group []*entry
}

// lexicon is the compiled codebook: one automaton over all patterns.
type lexicon struct {
	cb       *Codebook
	ac       *automaton
	byPat    [][]*entry // automaton pattern id -> entries
	headings map[string]SectionDef
	// starts and relatives: words that open a unit of its own, and the
	// relative pronouns among them (whole words)
	starts, relatives map[string]bool
	override          [][]int // method index -> overridden method indexes
}

// fuzzyMinRunes: only cues this long match with a misspelt letter; shorter
// ones turned ordinary words into cues (kuntalaiset as kuntalaisilta).
const fuzzyMinRunes = 11

// maxRequireGroups: a clause keeps its require groups as bits 1-63 of a
// uint64.
const maxRequireGroups = 63

// compile builds the lexicon of a codebook; it fails when the codebook is
// too large for the automaton.
func compile(cb *Codebook) (*lexicon, error) {
	lx := &lexicon{cb: cb, headings: map[string]SectionDef{}}
	index := map[string]int{}
	var pats []string
	add := func(k kind, owner int, p string) *entry {
		e := &entry{kind: k, owner: owner}
		switch {
		case strings.HasPrefix(p, "^"):
			e.mode, p = wordStart, p[1:]
		case strings.HasPrefix(p, "="):
			e.mode, p = wholeWord, p[1:]
		}
		e.text, e.runes = p, utf8.RuneCountInString(p)
		id, ok := index[p]
		if !ok {
			id = len(pats)
			index[p] = id
			pats = append(pats, p)
			lx.byPat = append(lx.byPat, nil)
		}
		lx.byPat[id] = append(lx.byPat[id], e)
		return e
	}
	addAll := func(k kind, owner int, ps []Pattern) {
		for _, p := range ps {
			add(k, owner, p.Text)
		}
	}
	addAll(kClient, 0, cb.Clients.Stems)
	addAll(kStaff, 0, cb.Staff.Stems)
	addAll(kStaffExcept, 0, cb.Staff.Except)
	addAll(kClientExcept, 0, cb.Clients.Except)
	for _, ps := range []struct {
		k  kind
		ps []Pattern
	}{{kNeg, cb.Negation.Words}, {kNotNeg, cb.Negation.NotAfter}} {
		for _, p := range ps.ps {
			add(ps.k, 0, "="+strings.TrimLeft(p.Text, "^=")) // always whole words
		}
	}
	addAll(kServing, 0, cb.Serving)
	addAll(kDevVerb, 0, cb.Anchors.Development)
	addAll(kEventVerb, 0, cb.Anchors.Events)
	addAll(kReported, 0, cb.Anchors.Reported)
	addAll(kSource, 0, cb.Anchors.Sources)
	addAll(kPastAux, 0, cb.Anchors.PastAux)
	addAll(kProgressive, 0, cb.Anchors.Progressive)
	addAll(kContext, 0, cb.Anchors.Contexts)
	addAll(kModal, 0, cb.Modality)
	addAll(kTarget, 0, cb.Targets)
	addAll(kContent, 0, cb.Content)
	// Clause-opening words are looked up at each clause's first word, not
	// scanned for: "ja" alone would double the hits.
	lx.starts = map[string]bool{}
	lx.relatives = map[string]bool{}
	for _, p := range cb.ClauseStart {
		lx.starts[strings.TrimLeft(p.Text, "^=")] = true
	}
	for _, p := range cb.Relatives {
		lx.relatives[strings.TrimLeft(p.Text, "^=")] = true
	}
	for i, p := range cb.Phases {
		addAll(kPhase, i, p.Cues)
	}
	methodIndex := map[string]int{}
	for i, m := range cb.Methods {
		methodIndex[m.ID] = i
	}
	lx.override = make([][]int, len(cb.Methods))
	reqID := 0
	reqGroups := map[string]int{}
	for i, m := range cb.Methods {
		for _, o := range m.Overrides {
			lx.override[i] = append(lx.override[i], methodIndex[o])
		}
		addAll(kMethodExcept, i, m.Except)
		for _, group := range []struct {
			k  kind
			ps []Pattern
		}{{kMethodCue, m.Cues}, {kMethodClient, m.ClientCues}} {
			for _, p := range group.ps {
				cue := add(group.k, i, p.Text)
				if req, ok := m.Requires[p.Text]; ok {
					// Cues with the same list share one group, so a
					// common word is one hit, not one per cue.
					key := patternKey(req)
					if id, seen := reqGroups[key]; seen {
						cue.req = id
					} else {
						if reqID == maxRequireGroups {
							return nil, fmt.Errorf("more than %d different requires lists", maxRequireGroups)
						}
						reqID++
						reqGroups[key] = reqID
						cue.req = reqID
						for _, r := range req {
							add(kRequire, reqID, r.Text)
						}
					}
				}
				if cue.runes >= fuzzyMinRunes && cue.mode == anywhere && !strings.Contains(cue.text, " ") {
					r := []rune(cue.text)
					cue.cueRunes = r
					h := len(r) / 2
					a := add(kFuzzy, i, string(r[:h]))
					a.cue, a.first = cue, true
					b := add(kFuzzy, i, string(r[h:]))
					b.cue = cue
				}
			}
		}
	}
	for _, s := range cb.Sections {
		lx.headings[headingKey(s.Heading)] = s
	}
	// Anchors sharing a pattern become one group entry, so that a common
	// half ("asiak") costs one hit, not one per cue.
	for id, es := range lx.byPat {
		var g *entry
		kept := es[:0]
		for _, e := range es {
			if e.kind != kFuzzy {
				kept = append(kept, e)
				continue
			}
			if g == nil {
				g = &entry{kind: kFuzzy, text: e.text, runes: e.runes}
			}
			g.group = append(g.group, e)
		}
		if g != nil {
			kept = append(kept, g)
		}
		lx.byPat[id] = kept
	}
	ac, err := buildAutomaton(pats)
	if err != nil {
		return nil, err
	}
	lx.ac = ac
	return lx, nil
}

// patternKey is a list of patterns as one comparable string.
func patternKey(ps []Pattern) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
		b.WriteByte(0)
	}
	return b.String()
}

// headingKey is the form headings are compared in.
func headingKey(h string) string {
	return strings.Join(strings.Fields(normalizeString(h)), " ")
}
