package web

import (
	"sort"
	"time"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// ReviewView is the JSON of GET /api/review/models/{id}: a model's text
// cut into segments where codes' evidence starts and ends, so the page
// highlights it without counting bytes, and each code with its decisions.
type ReviewView struct {
	ID       string        `json:"id"`
	URL      string        `json:"url"`
	Title    string        `json:"title"`
	Region   string        `json:"region"`
	Version  int           `json:"version"`
	Codebook string        `json:"codebook"`
	Sections []ViewSection `json:"sections"`
	Codes    []ViewCode    `json:"codes"` // the machine's
	Added    []ViewCode    `json:"added"` // codes people added
	// NoCodes holds the decisions that a coding without codes is right.
	NoCodes  []Decision                `json:"no_codes"`
	Complete []string                  `json:"complete"` // coders whose coding of this version is whole
	Changed  *store.ChangedSinceReview `json:"changed_since_review,omitempty"`
	Labels   Labels                    `json:"labels"`
}

// ViewSection is one section, its text in segments.
type ViewSection struct {
	Page     string    `json:"page"`
	Heading  string    `json:"heading"`
	Segments []Segment `json:"segments"`
}

// Segment is a run of a section's text and the codes whose evidence
// covers it (method IDs; "+" before the ID of a code a person added).
type Segment struct {
	Text  string   `json:"text"`
	Codes []string `json:"codes,omitempty"`
}

// ViewCode is a code with its evidence and what people decided on it.
type ViewCode struct {
	Method     string     `json:"method"`
	Phases     []string   `json:"phases"`
	Confidence string     `json:"confidence"`
	Evidence   []string   `json:"evidence"`
	Decisions  []Decision `json:"decisions"`
}

// Decision is one person's decision on a code.
type Decision struct {
	Coder    string    `json:"coder"`
	Decision string    `json:"decision"`
	Memo     string    `json:"memo,omitempty"`
	At       time.Time `json:"at"`
}

// NewReviewView lays out a review state for the page.
func NewReviewView(st *store.ReviewState) ReviewView {
	m := st.Model
	v := ReviewView{ID: m.ID, URL: m.URL, Title: m.Title, Region: m.Region, Version: m.Version,
		Codes: []ViewCode{}, Added: []ViewCode{}, NoCodes: []Decision{}, Complete: []string{}, Changed: st.Changed, Labels: CodeLabels()}
	spans := make([][]span, len(m.Sections))
	mark := func(code string, es []model.Evidence) []string {
		var texts []string
		for _, e := range es {
			texts = append(texts, e.Text)
			for i, s := range m.Sections {
				if s.Page == e.Page && s.Heading == e.Section && e.Start >= 0 && e.Start < e.End && e.End <= len(s.Text) {
					spans[i] = append(spans[i], span{e.Start, e.End, code})
					break
				}
			}
		}
		return texts
	}
	decided := func(code string) []Decision {
		out := []Decision{}
		for _, r := range st.Reviews {
			if r.Code == code && r.Decision != model.Add {
				out = append(out, Decision{Coder: r.Coder, Decision: r.Decision, Memo: r.Memo, At: r.At})
			}
		}
		return out
	}
	if p := m.Participation; p != nil {
		v.Codebook = p.Codebook
		for _, me := range p.Methods {
			v.Codes = append(v.Codes, ViewCode{Method: me.ID, Phases: orNone(me.Phases), Confidence: me.Confidence,
				Evidence: mark(me.ID, me.Evidence), Decisions: decided(me.ID)})
		}
	}
	for _, r := range st.Reviews {
		switch {
		case r.Decision == model.Add && r.Method != nil:
			v.Added = append(v.Added, ViewCode{Method: r.Method.ID, Phases: orNone(r.Method.Phases), Evidence: mark("+"+r.Method.ID, r.Method.Evidence),
				Decisions: []Decision{{Coder: r.Coder, Decision: r.Decision, Memo: r.Memo, At: r.At}}})
		case r.Code == model.NoCodes:
			v.NoCodes = append(v.NoCodes, Decision{Coder: r.Coder, Decision: r.Decision, Memo: r.Memo, At: r.At})
		}
	}
	for _, hc := range st.Codings {
		if hc.Complete {
			v.Complete = append(v.Complete, hc.Coder)
		}
	}
	for i, s := range m.Sections {
		v.Sections = append(v.Sections, ViewSection{Page: s.Page, Heading: s.Heading, Segments: segments(s.Text, spans[i])})
	}
	if v.Sections == nil {
		v.Sections = []ViewSection{}
	}
	return v
}

func orNone(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// span is a code's evidence in a section's text, in bytes.
type span struct {
	start, end int
	code       string
}

// segments cuts text at every span's start and end (byte offsets, which
// fall on character boundaries as the classifier and FindPassage set
// them).
func segments(text string, spans []span) []Segment {
	cuts := map[int]bool{0: true, len(text): true}
	for _, s := range spans {
		cuts[s.start], cuts[s.end] = true, true
	}
	var at []int
	for c := range cuts {
		at = append(at, c)
	}
	sort.Ints(at)
	out := []Segment{}
	for i := 0; i+1 < len(at); i++ {
		a, b := at[i], at[i+1]
		seg := Segment{Text: text[a:b]}
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				seg.Codes = append(seg.Codes, s.code)
			}
		}
		out = append(out, seg)
	}
	return out
}
