package index

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search"
)

// snippetRunes is about how long a snippet is.
const snippetRunes = 220

// Snippet is a passage of a hit's text with the matched words marked. It is
// plain data: Parts alternate between ordinary and matched text, so every
// renderer escapes the text its own way.
type Snippet struct {
	Field string `json:"field"` // title, summary or sections
	Parts []Part `json:"parts"`
}

// Part is a run of snippet text; Mark is true for a matched word.
type Part struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// HTML renders the snippet with the text escaped and only <mark> added.
func (s Snippet) HTML() string {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(p.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	return b.String()
}

// Plain renders the snippet with matches between before and after.
func (s Snippet) Plain(before, after string) string {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Mark {
			b.WriteString(before + p.Text + after)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

type span struct{ start, end int }

// snippetOf picks, from the hit's summary or sections (the title is shown
// anyway), the window with the most matched words. The compound subfields
// index the same text as their main field, so their locations mark it too.
// Without matches it falls back to the start of the summary.
func snippetOf(h *search.DocumentMatch) Snippet {
	best := Snippet{}
	bestCount := -1
	for _, field := range []string{FieldSummary, FieldSections, FieldTitle} {
		texts := strs(h.Fields[field])
		spans := map[int][]span{} // array position -> spans
		for _, f := range []string{field, field + compoundSuffix} {
			for _, locs := range h.Locations[f] {
				for _, l := range locs {
					pos := 0
					if len(l.ArrayPositions) > 0 {
						pos = int(l.ArrayPositions[0])
					}
					spans[pos] = append(spans[pos], span{int(l.Start), int(l.End)})
				}
			}
		}
		for pos, sp := range spans {
			if pos >= len(texts) {
				continue
			}
			s, n := window(texts[pos], sp)
			// Prefer summary and sections over the title at equal counts.
			if n > bestCount || (n == bestCount && field != FieldTitle && best.Field == FieldTitle) {
				best, bestCount = Snippet{Field: field, Parts: s}, n
			}
		}
	}
	if bestCount < 0 {
		if t := str(h.Fields[FieldSummary]); t != "" {
			s, _ := window(t, nil)
			return Snippet{Field: FieldSummary, Parts: s}
		}
	}
	return best
}

// window cuts text around the densest group of spans and splits it into
// parts. Offsets are bytes; cuts fall on rune and, where possible, word
// boundaries.
func window(text string, spans []span) ([]Part, int) {
	spans = merge(text, spans)
	from, to, count := 0, len(text), 0
	limit := snippetBytes(text)
	if len(text) > limit {
		from, to = 0, limit
		for i := range spans {
			n, end := 0, spans[i].start+limit
			for j := i; j < len(spans) && spans[j].end <= end; j++ {
				n++
			}
			if n > count {
				count = n
				from = spans[i].start - limit/5
				if from < 0 {
					from = 0
				}
				to = from + limit
			}
		}
		if to > len(text) {
			to = len(text)
		}
		from, to = wordStart(text, from), wordEnd(text, to)
	}
	var parts []Part
	if from > 0 {
		parts = append(parts, Part{Text: "… "})
	}
	at, n := from, 0
	for _, s := range spans {
		if s.start < from || s.end > to {
			continue
		}
		if s.start > at {
			parts = append(parts, Part{Text: text[at:s.start]})
		}
		parts = append(parts, Part{Text: text[s.start:s.end], Mark: true})
		at = s.end
		n++
	}
	if at < to {
		parts = append(parts, Part{Text: text[at:to]})
	}
	if to < len(text) {
		parts = append(parts, Part{Text: " …"})
	}
	return joinPlain(parts), n
}

func snippetBytes(text string) int {
	// snippetRunes runes, measured in this text's bytes per rune.
	r := utf8.RuneCountInString(text)
	if r == 0 {
		return snippetRunes
	}
	return snippetRunes * len(text) / r
}

// merge sorts spans, drops those outside text or off rune boundaries and
// joins overlapping ones (a word matched both as itself and as a compound).
func merge(text string, in []span) []span {
	sort.Slice(in, func(i, j int) bool { return in[i].start < in[j].start })
	var out []span
	for _, s := range in {
		if s.start < 0 || s.end > len(text) || s.start >= s.end ||
			!utf8.RuneStart(text[s.start]) || (s.end < len(text) && !utf8.RuneStart(text[s.end])) {
			continue
		}
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func wordStart(text string, i int) int {
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for j := i; j > 0 && i-j < 20; j-- {
		if text[j-1] == ' ' || text[j-1] == '\n' {
			return j
		}
	}
	return i
}

func wordEnd(text string, i int) int {
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for j := i; j < len(text) && j-i < 20; j++ {
		if text[j] == ' ' || text[j] == '\n' {
			return j
		}
	}
	return i
}

// joinPlain merges neighbouring unmarked parts and collapses whitespace
// (line breaks too) to single spaces, so a snippet reads as one line.
func joinPlain(in []Part) []Part {
	var out []Part
	for _, p := range in {
		p.Text = collapse(p.Text)
		if p.Text == "" {
			continue
		}
		if n := len(out); n > 0 && !p.Mark && !out[n-1].Mark {
			out[n-1].Text = collapse(out[n-1].Text + p.Text)
			continue
		}
		out = append(out, p)
	}
	if n := len(out); n > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
	}
	return out
}

func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
