package index

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
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

// matcher knows the words a query looks for: Finnish stems of its words and
// phrases, and the compounds its words were widened to. It marks them in a
// hit's stored text by analysing that text again, so the index needs no
// term vectors for highlighting and compound matches are marked too.
type matcher struct {
	stems map[string]bool
	fi    analysis.Analyzer
	// seen holds, by word as written, whether a word matches: the words of
	// the shown hits repeat, and stemming is most of a snippet's cost.
	seen map[string]bool
}

// newMatcher collects the positive terms of q (not those under must-not).
func (ix *Index) newMatcher(q query.Query) *matcher {
	m := &matcher{stems: map[string]bool{}, fi: ix.b.Mapping().AnalyzerNamed(analyzerText), seen: map[string]bool{}}
	if m.fi == nil {
		return nil
	}
	m.collect(q)
	if len(m.stems) == 0 {
		return nil
	}
	return m
}

func (m *matcher) collect(q query.Query) {
	switch t := q.(type) {
	case *query.BooleanQuery:
		m.collect(t.Must)
		m.collect(t.Should)
	case *query.ConjunctionQuery:
		for _, c := range t.Conjuncts {
			m.collect(c)
		}
	case *query.DisjunctionQuery:
		for _, c := range t.Disjuncts {
			m.collect(c)
		}
	case *query.MatchQuery:
		if isTextField(t.FieldVal) {
			m.addStems(t.Match)
		}
	case *query.MatchPhraseQuery:
		if isTextField(t.FieldVal) {
			m.addStems(t.MatchPhrase)
		}
	case *query.TermQuery:
		if isTextField(t.FieldVal) {
			m.stems[t.Term] = true // a compound (see wordQuery)
		}
	}
}

func (m *matcher) addStems(text string) {
	for _, tk := range m.fi.Analyze([]byte(text)) {
		m.stems[string(tk.Term)] = true
	}
}

func isTextField(f string) bool {
	for _, t := range textFields {
		if f == t {
			return true
		}
	}
	return false
}

// spans finds the matched words of text as byte ranges. The analyzer's
// filters (lower case, stop words, stemmer) work a word at a time, so each
// distinct word is filtered once per search.
func (m *matcher) spans(text string) []span {
	da, ok := m.fi.(*analysis.DefaultAnalyzer)
	if !ok || da.CharFilters != nil {
		return m.spansOf(m.fi.Analyze([]byte(text)))
	}
	var out []span
	for _, tk := range da.Tokenizer.Tokenize([]byte(text)) {
		hit, ok := m.seen[string(tk.Term)]
		if !ok {
			one := analysis.TokenStream{&analysis.Token{Term: append([]byte(nil), tk.Term...),
				Start: tk.Start, End: tk.End, Position: 1, Type: tk.Type}}
			for _, f := range da.TokenFilters {
				one = f.Filter(one)
			}
			hit = len(one) == 1 && m.match(string(one[0].Term))
			m.seen[string(tk.Term)] = hit
		}
		if hit {
			out = append(out, span{tk.Start, tk.End})
		}
	}
	return out
}

// spansOf finds the matched words of an analysed text.
func (m *matcher) spansOf(tokens analysis.TokenStream) []span {
	var out []span
	for _, tk := range tokens {
		if m.match(string(tk.Term)) {
			out = append(out, span{tk.Start, tk.End})
		}
	}
	return out
}

// match says whether a stem is one the query looks for.
func (m *matcher) match(term string) bool { return m.stems[term] }

// snippetOf picks, from the hit's summary, sections or title, the window
// with the most matched words; without matches (or without a matcher, when
// browsing) it is the start of the summary.
func snippetOf(h *search.DocumentMatch, m *matcher) Snippet {
	best := Snippet{}
	bestCount := 0
	if m != nil {
		for _, field := range []string{FieldSummary, FieldSections, FieldTitle} {
			for _, text := range strs(h.Fields[field]) {
				sp := m.spans(text)
				if len(sp) == 0 {
					continue
				}
				parts, n := window(text, sp)
				// The title is shown anyway: prefer other text at equal counts.
				if n > bestCount || (n == bestCount && best.Field == FieldTitle) {
					best, bestCount = Snippet{Field: field, Parts: parts}, n
				}
			}
		}
	}
	if bestCount == 0 {
		if t := str(h.Fields[FieldSummary]); t != "" {
			parts, _ := window(t, nil)
			return Snippet{Field: FieldSummary, Parts: parts}
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
	for j := i; i-j < 20; j-- {
		if j == 0 || text[j-1] == ' ' || text[j-1] == '\n' {
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
