package store

import (
	"context"
	"fmt"

	"github.com/innokyla/innokyla/model"
)

// ReviewState is what people decided on a model's latest version.
type ReviewState struct {
	Model   *model.Model   `json:"model"` // latest version with its machine coding
	Reviews []model.Review `json:"reviews"`
	Codings []HumanCoding  `json:"-"`
	// Changed is set when an earlier version was reviewed whole and
	// this one was not: the reviews stay with that version.
	Changed *ChangedSinceReview `json:"changed_since_review,omitempty"`
}

// ChangedSinceReview tells how the sections that held evidence in the
// reviewed version differ in the latest one.
type ChangedSinceReview struct {
	ReviewedVersion int             `json:"reviewed_version"`
	Sections        []SectionChange `json:"sections"`
}

// SectionChange is one section that held evidence: "changed", "removed"
// or "unchanged" in the latest version.
type SectionChange struct {
	Page    string `json:"page"`
	Heading string `json:"heading"`
	Change  string `json:"change"`
}

// ReviewState reads the review state of the model whose id or url is ref.
func (s *Store) ReviewState(ctx context.Context, ref string) (*ReviewState, error) {
	m, err := s.Get(ctx, ref)
	if err != nil {
		return nil, err
	}
	st := &ReviewState{Model: m}
	if st.Reviews, err = s.Reviews(ctx, m.ID, m.Version); err != nil {
		return nil, err
	}
	var lastDone int
	err = s.HumanCodings(ctx, HumanQuery{ID: m.ID}, func(hc HumanCoding) error {
		if hc.Version == m.Version {
			st.Codings = append(st.Codings, hc)
		}
		if hc.Complete && hc.Version > lastDone {
			lastDone = hc.Version
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if m.Reviewed || lastDone == 0 || lastDone >= m.Version {
		return st, nil
	}
	vs, err := s.Versions(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	var old *model.Model
	for _, v := range vs {
		if v.Version == lastDone {
			old = v
		}
	}
	if old == nil {
		return nil, fmt.Errorf("review state of %s: version %d is gone", m.ID, lastDone)
	}
	rs, err := s.Reviews(ctx, m.ID, lastDone)
	if err != nil {
		return nil, err
	}
	st.Changed = &ChangedSinceReview{ReviewedVersion: lastDone, Sections: evidenceSectionChanges(old, rs, m)}
	return st, nil
}

// evidenceSectionChanges compares the sections of old that held the
// machine's or a reviewer's evidence with those of cur.
func evidenceSectionChanges(old *model.Model, rs []model.Review, cur *model.Model) []SectionChange {
	type key struct{ page, heading string }
	held := map[key]bool{}
	var order []key
	note := func(es []model.Evidence) {
		for _, e := range es {
			k := key{e.Page, e.Section}
			if !held[k] {
				held[k] = true
				order = append(order, k)
			}
		}
	}
	if old.Participation != nil {
		for _, me := range old.Participation.Methods {
			note(me.Evidence)
		}
	}
	for _, r := range rs {
		if r.Method != nil {
			note(r.Method.Evidence)
		}
	}
	text := func(m *model.Model, k key) (string, bool) {
		for _, s := range m.Sections {
			if s.Page == k.page && s.Heading == k.heading {
				return s.Text, true
			}
		}
		return "", false
	}
	out := []SectionChange{}
	for _, k := range order {
		was, _ := text(old, k)
		now, ok := text(cur, k)
		c := SectionChange{Page: k.page, Heading: k.heading, Change: "unchanged"}
		switch {
		case !ok:
			c.Change = "removed"
		case now != was:
			c.Change = "changed"
		}
		out = append(out, c)
	}
	return out
}
