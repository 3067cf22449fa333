package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Crawl is one recorded crawl run: when, which site with which filters,
// and the crawler's summary of what it did (its counts, whether it was
// complete, what it withdrew), as the crawler wrote it.
type Crawl struct {
	ID       int64           `json:"id"`
	Site     string          `json:"site"` // the site or mirror the run read
	Regions  []string        `json:"regions,omitempty"`
	URLs     []string        `json:"urls,omitempty"` // explicit model URLs
	Since    string          `json:"since,omitempty"`
	Max      int             `json:"max,omitempty"`
	Started  string          `json:"started"`  // RFC 3339
	Finished string          `json:"finished"` // "" while unfinished (stopped, to be resumed)
	Summary  json.RawMessage `json:"summary,omitempty"`
}

// Filtered says the run was limited by --region, --since, --max or URLs:
// it could not be complete.
func (c *Crawl) Filtered() bool {
	return len(c.Regions) > 0 || len(c.URLs) > 0 || c.Since != "" || c.Max > 0
}

// Crawls returns every recorded crawl run, the latest first.
func (s *Store) Crawls(ctx context.Context) ([]Crawl, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, key, started_at, finished_at, summary FROM crawl_runs ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("crawls: %w", err)
	}
	defer rows.Close()
	var out []Crawl
	for rows.Next() {
		var c Crawl
		var key, summary string
		if err := rows.Scan(&c.ID, &key, &c.Started, &c.Finished, &summary); err != nil {
			return nil, fmt.Errorf("crawls: %w", err)
		}
		var k struct {
			Site          string
			Regions, URLs []string
			Since         string
			Max           int
		}
		if err := decode([]byte(key), &k); err != nil {
			return nil, fmt.Errorf("crawl %d: its key: %w", c.ID, err)
		}
		c.Site, c.Regions, c.URLs, c.Since, c.Max = k.Site, k.Regions, k.URLs, k.Since, k.Max
		if summary != "" && json.Valid([]byte(summary)) {
			c.Summary = json.RawMessage(summary)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// LastCrawl returns the latest crawl finished at or before t (zero t: the
// latest of all), or nil when there is none.
func (s *Store) LastCrawl(ctx context.Context, t time.Time) (*Crawl, error) {
	cs, err := s.Crawls(ctx)
	if err != nil {
		return nil, err
	}
	bound := ""
	if !t.IsZero() {
		bound = formatTime(t)
	}
	for i := range cs {
		if cs[i].Finished != "" && (bound == "" || cs[i].Finished <= bound) {
			return &cs[i], nil
		}
	}
	return nil, nil
}
