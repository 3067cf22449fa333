package main

import (
	"context"
	"time"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/reports"
	"github.com/innokyla/innokyla/store"
)

// reportState is the state of the corpus a report reads (--as-of,
// --include-withdrawn) and the codebook that recodes it (--codebook).
type reportState struct {
	asOf     time.Time // zero: the latest
	snapshot reports.Snapshot
	recode   *classify.Classifier // nil: the stored codings
	identity string
}

// state reads the snapshot the report options name.
func (o *ReportOptions) state(ctx context.Context, s *store.Store) (*reportState, error) {
	st := &reportState{}
	if o.AsOf != "" {
		t, err := parseWhen("--as-of", o.AsOf, true)
		if err != nil {
			return nil, err
		}
		st.asOf = t
	}
	if o.CodebookPath != "" {
		path := o.CodebookPath
		if path == "builtin" {
			path = "" // the embedded codebook
		}
		cb, err := loadCodebook(path)
		if err != nil {
			return nil, err
		}
		st.recode, st.identity = classify.New(cb), cb.Identity()
	}
	snap, err := s.SnapshotAt(ctx, st.asOf)
	if err != nil {
		return nil, err
	}
	st.snapshot = reports.Snapshot{AsOf: snap.At, IncludeWithdrawn: o.IncludeWithdrawn, Recoded: st.identity}
	if c := snap.LastCrawl; c != nil {
		st.snapshot.LastCrawl = reports.CrawlLabel(c.ID, c.Finished)
	}
	return st, nil
}

// query sets the state's bounds on q; recoding needs the sections.
func (st *reportState) query(q store.Query, includeWithdrawn bool) store.Query {
	q.AsOf, q.IncludeWithdrawn = st.asOf, includeWithdrawn
	if st.recode != nil {
		q.NoSections = false
	}
	return q
}

// coded recodes m with --codebook when given.
func (st *reportState) coded(m *model.Model) *model.Model {
	if st.recode != nil {
		p := st.recode.Classify(m)
		p.Codebook = st.identity
		m.Participation = p
		m.Sections = nil
	}
	return m
}
