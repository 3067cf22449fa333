package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// Status is what the corpus holds, for `innokyla status`.
type Status struct {
	Models   int `json:"models"`   // latest versions
	Versions int `json:"versions"` // every stored version
	Regions  int `json:"regions"`  // distinct primary regions of the models
	// Codings counts the models whose latest version has a coding, per
	// codebook identity, most first.
	Codings  []CodebookCount `json:"codings"`
	Reviewed int             `json:"reviewed"` // latest versions a person coded whole
	// LastCrawl is the newest crawl run, nil before the first.
	LastCrawl *CrawlRun `json:"last_crawl"`
}

// CodebookCount is the number of models coded by one codebook.
type CodebookCount struct {
	Codebook string `json:"codebook"`
	Models   int    `json:"models"`
}

// CrawlRun is one crawl as the store recorded it. Summary is the crawler's
// JSON summary of a finished run.
type CrawlRun struct {
	ID       int64           `json:"id"`
	Site     string          `json:"site"`
	Started  string          `json:"started"`
	Finished string          `json:"finished,omitempty"` // "" while unfinished or interrupted
	Complete bool            `json:"complete"`
	Summary  json.RawMessage `json:"summary,omitempty"`
}

// Status counts what the corpus holds.
func (s *Store) Status(ctx context.Context) (*Status, error) {
	st := &Status{Codings: []CodebookCount{}}
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{`SELECT COUNT(*) FROM current`, &st.Models},
		{`SELECT COUNT(*) FROM models`, &st.Versions},
		{`SELECT COUNT(DISTINCT region) FROM current WHERE region != ''`, &st.Regions},
		{`SELECT COUNT(*) FROM current m WHERE ` + reviewed, &st.Reviewed},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return nil, fmt.Errorf("status: %w", err)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT k.codebook, COUNT(*) FROM current m
		JOIN codings k ON k.id = m.id AND k.version = m.version
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
	if st.LastCrawl, err = s.lastCrawl(ctx); err != nil {
		return nil, err
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

func (s *Store) lastCrawl(ctx context.Context) (*CrawlRun, error) {
	var r CrawlRun
	var key, summary string
	err := s.db.QueryRowContext(ctx, `SELECT id, key, started_at, finished_at, summary FROM crawl_runs ORDER BY id DESC LIMIT 1`).
		Scan(&r.ID, &key, &r.Started, &r.Finished, &summary)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("status: last crawl: %w", err)
	}
	var k struct{ Site string }
	if json.Unmarshal([]byte(key), &k) == nil {
		r.Site = k.Site
	}
	r.Complete = r.Finished != ""
	if summary != "" && json.Valid([]byte(summary)) {
		r.Summary = json.RawMessage(summary)
	}
	return &r, nil
}
