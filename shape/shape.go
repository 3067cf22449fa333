package shape

import (
	"strconv"
	"unicode/utf8"

	"github.com/innokyla/innokyla/model"
)

// CodesHeader names the columns of Codes. start_char and end_char count
// characters (not bytes) of the section's text, zero-based, end exclusive.
var CodesHeader = []string{"model_id", "region", "year", "coder", "codebook", "method", "phase", "confidence",
	"review", "page", "section", "evidence", "start_char", "end_char"}

// Coder is the coder column of a coding: the person's name, or
// model.MachineCoder for the classifier.
func Coder(p *model.Participation) string {
	if p == nil || p.Coder == "" {
		return model.MachineCoder
	}
	return p.Coder
}

// Codes is m's coding as rows under CodesHeader: one per method, evidence
// passage and phase of that passage (phase empty when it has none), and
// one row with an empty method for a model without any, so every model
// counts. review is the decision on the method: for a person's coding
// theirs (accept or add), for the machine's the latest a person made on
// this version (accept or reject), empty when none; reviews are those of
// m's version.
func Codes(m *model.Model, reviews []model.Review) [][]any {
	p := m.Participation
	base := func() []any {
		return []any{m.ID, m.Region, year(m), Coder(p), codebook(p)}
	}
	if p == nil || len(p.Methods) == 0 {
		return [][]any{append(base(), "", "", "", "", "", "", "", "", "")}
	}
	var rows [][]any
	for _, me := range p.Methods {
		decision := review(p, me.ID, reviews)
		evidence := me.Evidence
		if len(evidence) == 0 {
			evidence = []model.Evidence{{Phases: me.Phases}}
		}
		for _, e := range evidence {
			phases := e.Phases
			if len(phases) == 0 {
				phases = []string{""}
			}
			conf := e.Confidence
			if conf == "" {
				conf = me.Confidence
			}
			start, end := chars(m, e)
			for _, ph := range phases {
				rows = append(rows, append(base(), me.ID, ph, conf, decision, e.Page, e.Section, e.Text, start, end))
			}
		}
	}
	return rows
}

// year is the year m was created as a number, "" when not known.
func year(m *model.Model) any {
	if y, err := strconv.Atoi(m.CreatedYear()); err == nil {
		return y
	}
	return ""
}

func codebook(p *model.Participation) string {
	if p == nil {
		return ""
	}
	return p.Codebook
}

// review is the decision on method behind p's code.
func review(p *model.Participation, method string, rs []model.Review) string {
	var last *model.Review
	for i, r := range rs {
		if r.Code != method || (p.Coder != "" && r.Coder != p.Coder) {
			continue
		}
		if last == nil || r.At.After(last.At) {
			last = &rs[i]
		}
	}
	if last == nil {
		return ""
	}
	return last.Decision
}

// chars turns e's byte offsets into character offsets of its text where
// its section is known; otherwise the byte offsets stay.
func chars(m *model.Model, e model.Evidence) (any, any) {
	if e.Text == "" {
		return "", ""
	}
	for _, s := range m.Sections {
		if s.Page == e.Page && s.Heading == e.Section && e.Start >= 0 && e.End <= len(s.Text) && e.Start <= e.End {
			start := utf8.RuneCountInString(s.Text[:e.Start])
			return start, start + utf8.RuneCountInString(s.Text[e.Start:e.End])
		}
	}
	// The summary or place: offsets in that field's text.
	for _, f := range []string{m.Summary, m.Place} {
		if e.Start >= 0 && e.End <= len(f) && e.Start <= e.End && f[e.Start:e.End] == e.Text {
			start := utf8.RuneCountInString(f[:e.Start])
			return start, start + utf8.RuneCountInString(e.Text)
		}
	}
	return "", ""
}

// MatrixHeader names the columns of Matrix: the model, whether
// involvement is described, then a 0/1 column per method, per phase and
// per method and phase (method__phase).
func MatrixHeader() []string {
	h := []string{"model_id", "region", "project", "year", "coder", "codebook", "described"}
	h = append(h, model.MethodIDs...)
	h = append(h, model.PhaseIDs...)
	for _, me := range model.MethodIDs {
		for _, ph := range model.PhaseIDs {
			h = append(h, me+"__"+ph)
		}
	}
	return h
}

// Matrix is m's coding as one row under MatrixHeader.
func Matrix(m *model.Model) []any {
	p := m.Participation
	row := []any{m.ID, m.Region, m.Project, year(m), Coder(p), codebook(p), 0}
	methods, phases, pairs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	if p != nil {
		if p.Described {
			row[6] = 1
		}
		for _, ph := range p.Phases {
			phases[ph] = true
		}
		for _, me := range p.Methods {
			methods[me.ID] = true
			for _, ph := range me.Phases {
				pairs[me.ID+"__"+ph] = true
			}
		}
	}
	bit := func(on bool) any {
		if on {
			return 1
		}
		return 0
	}
	for _, id := range model.MethodIDs {
		row = append(row, bit(methods[id]))
	}
	for _, id := range model.PhaseIDs {
		row = append(row, bit(phases[id]))
	}
	for _, me := range model.MethodIDs {
		for _, ph := range model.PhaseIDs {
			row = append(row, bit(pairs[me+"__"+ph]))
		}
	}
	return row
}
