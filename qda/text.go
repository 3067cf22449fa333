package qda

import (
	"strings"
	"unicode/utf8"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/model"
)

// Layout is a model version's plain text with where each part that can
// hold evidence lies in it: the summary, the place, each section's text.
type Layout struct {
	Text  string
	Parts []Part
}

// Part is a text evidence can be read from, as the classifier names it
// (page and section heading), and where it starts in the Layout's Text in
// bytes and characters (runes).
type Part struct {
	Page, Heading, Text string
	Byte, Rune          int
}

// Text lays out m as the plain text of its source: title, summary, the
// Perustiedot fields, then each section's heading and text.
func Text(m *model.Model) *Layout {
	var b strings.Builder
	l := &Layout{}
	line := func(s string) { b.WriteString(s); b.WriteString("\n") }
	part := func(page, heading, text string) {
		l.Parts = append(l.Parts, Part{Page: page, Heading: heading, Text: text, Byte: b.Len()})
		line(text)
	}
	line(m.Title)
	line("")
	part(model.PageMain, classify.SummaryHeading, m.Summary)
	line("")
	line("Perustiedot")
	for _, f := range []struct{ k, v string }{
		{"Osoite", m.URL}, {"Alue", m.RegionRaw}, {"Hyvinvointialue", m.Region},
		{"Rahoittaja", strings.Join(m.Funders(), "; ")}, {"Hanke", m.Project}, {"Tekijä", m.Author},
		{"Luotu", m.Created}, {"Muokattu", m.Modified}, {"Vaihe", m.Stage},
	} {
		if f.v != "" {
			line(f.k + ": " + strings.ReplaceAll(f.v, "\n", "; "))
		}
	}
	b.WriteString(classify.PlaceHeading + ": ")
	part(model.PageMain, classify.PlaceHeading, m.Place)
	for _, s := range m.Sections {
		line("")
		heading := s.Heading
		if s.Page == model.PagePath {
			heading = "Kehittämisen polku: " + heading
		}
		line(heading)
		part(s.Page, s.Heading, s.Text)
	}
	l.Text = b.String()
	// Character offsets in one pass over the text.
	r, prev := 0, 0
	for i := range l.Parts {
		r += utf8.RuneCountInString(l.Text[prev:l.Parts[i].Byte])
		prev = l.Parts[i].Byte
		l.Parts[i].Rune = r
	}
	return l
}

// Chars gives an evidence passage's start and end in characters of the
// layout's text. ok is false when no part has its page and section or its
// offsets fall outside that part's text.
func (l *Layout) Chars(e model.Evidence) (start, end int, ok bool) {
	for _, p := range l.Parts {
		if p.Page != e.Page || p.Heading != e.Section {
			continue
		}
		if e.Start < 0 || e.End > len(p.Text) || e.Start > e.End {
			return 0, 0, false
		}
		start = p.Rune + utf8.RuneCountInString(p.Text[:e.Start])
		end = start + utf8.RuneCountInString(p.Text[e.Start:e.End])
		return start, end, true
	}
	return 0, 0, false
}

// Evidence is the passage between characters start and end of the
// layout's text as evidence: in the part that holds it whole with byte
// offsets in that part's text, else with no section and byte offsets in
// the whole text. ok is false when the positions are out of range.
func (l *Layout) Evidence(start, end int) (model.Evidence, bool) {
	bs, be, ok := byteRange(l.Text, start, end)
	if !ok {
		return model.Evidence{}, false
	}
	for _, p := range l.Parts {
		if bs >= p.Byte && be <= p.Byte+len(p.Text) {
			return model.Evidence{Page: p.Page, Section: p.Heading, Text: l.Text[bs:be], Start: bs - p.Byte, End: be - p.Byte}, true
		}
	}
	return model.Evidence{Text: l.Text[bs:be], Start: bs, End: be}, true
}

// byteRange turns character offsets of s into byte offsets.
func byteRange(s string, start, end int) (bs, be int, ok bool) {
	if start < 0 || end < start {
		return 0, 0, false
	}
	r := 0
	bs, be = -1, -1
	for i := range s {
		if r == start {
			bs = i
		}
		if r == end {
			be = i
			break
		}
		r++
	}
	if bs < 0 && r == start {
		bs = len(s)
	}
	if be < 0 && r == end {
		be = len(s)
	}
	return bs, be, bs >= 0 && be >= 0
}
