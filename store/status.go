package store

import (
	"context"
	"fmt"
)

// Status is what the corpus holds, for `innokyla status`.
type Status struct {
	Models    int `json:"models"`    // published models (latest versions, not withdrawn)
	Withdrawn int `json:"withdrawn"` // models a complete crawl no longer found
	Versions  int `json:"versions"`  // every stored version
	Regions   int `json:"regions"`   // distinct primary regions of the published models
	// Codings counts the models whose latest version has a coding, per
	// codebook identity, most first.
	Codings  []CodebookCount `json:"codings"`
	Reviewed int             `json:"reviewed"` // latest versions a person coded whole
	// LastCrawl is the newest crawl run, finished or not; nil before the
	// first.
	LastCrawl *Crawl `json:"last_crawl"`
}

// CodebookCount is the number of models coded by one codebook.
type CodebookCount struct {
	Codebook string `json:"codebook"`
	Models   int    `json:"models"`
}

// Status counts what the corpus holds.
func (s *Store) Status(ctx context.Context) (*Status, error) {
	st := &Status{Codings: []CodebookCount{}}
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{`SELECT COUNT(*) FROM current WHERE withdrawn = ''`, &st.Models},
		{`SELECT COUNT(*) FROM current WHERE withdrawn != ''`, &st.Withdrawn},
		{`SELECT COUNT(*) FROM models`, &st.Versions},
		{`SELECT COUNT(DISTINCT region) FROM current WHERE region != '' AND withdrawn = ''`, &st.Regions},
		{`SELECT COUNT(*) FROM current m WHERE m.withdrawn = '' AND ` + reviewed, &st.Reviewed},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return nil, fmt.Errorf("status: %w", err)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT k.codebook, COUNT(*) FROM current m
		JOIN codings k ON k.id = m.id AND k.version = m.version WHERE m.withdrawn = ''
		GROUP BY k.codebook ORDER BY COUNT(*) DESC, k.codebook`)
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c CodebookCount
		if err := rows.Scan(&c.Codebook, &c.Models); err != nil {
			return nil, fmt.Errorf("status: %w", err)
		}
		st.Codings = append(st.Codings, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	crawls, err := s.Crawls(ctx)
	if err != nil {
		return nil, err
	}
	if len(crawls) > 0 {
		st.LastCrawl = &crawls[0]
	}
	return st, nil
}

// CodedBy is the number of latest versions coded by codebook identity cb.
func (st *Status) CodedBy(cb string) int {
	for _, c := range st.Codings {
		if c.Codebook == cb {
			return c.Models
		}
	}
	return 0
}
