package store

import (
	"context"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/model"
)

// Kinds of a Change.
const (
	ChangeAdded     = "added" // the same words as history's kinds
	ChangeChanged   = "changed"
	ChangeWithdrawn = "withdrawn"
)

// Change is a model added, changed or withdrawn since a time. Old is the
// version current then (nil for an added model); New the current version
// (for a withdrawn model its last one). Both come with their newest
// coding.
type Change struct {
	Kind      string
	Old, New  *model.Model
	Withdrawn string // when, RFC 3339; "" unless withdrawn
}

// Changes calls fn with every model added, changed (stored in a new
// version) or withdrawn at or after since, ordered by the current
// version's region and id; regions (canonical names) limit it to those
// regions. A model that was added and withdrawn since counts as withdrawn.
func (s *Store) Changes(ctx context.Context, since time.Time, regions []string, fn func(Change) error) error {
	t := formatTime(since)
	q := `WITH cand AS (SELECT id FROM models WHERE fetched_at >= ?1 UNION SELECT id FROM withdrawals WHERE withdrawn_at >= ?1)
		SELECT c.id, c.version, c.withdrawn,
			COALESCE((SELECT max(o.version) FROM models o WHERE o.id = c.id AND o.fetched_at < ?1), 0)
		FROM cand JOIN current c ON c.id = cand.id`
	args := []any{t}
	if len(regions) > 0 {
		q += ` WHERE c.region IN (`
		for i, r := range regions {
			if i > 0 {
				q += ","
			}
			q += "?"
			args = append(args, r)
		}
		q += ")"
	}
	q += ` ORDER BY c.region, c.id`
	type row struct {
		id           string
		version, old int
		withdrawn    string
	}
	var rows []row
	rs, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("changes: %w", err)
	}
	for rs.Next() {
		var r row
		if err := rs.Scan(&r.id, &r.version, &r.withdrawn, &r.old); err != nil {
			rs.Close()
			return fmt.Errorf("changes: %w", err)
		}
		rows = append(rows, r)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return fmt.Errorf("changes: %w", err)
	}
	for _, r := range rows {
		c := Change{Kind: ChangeChanged}
		switch {
		case r.withdrawn != "" && r.withdrawn < t:
			continue // withdrawn before: a version stored since cannot be
		case r.withdrawn != "":
			c.Kind, c.Withdrawn = ChangeWithdrawn, r.withdrawn
		case r.old == 0:
			c.Kind = ChangeAdded
		case r.old == r.version:
			continue // restored without a new version
		}
		if c.New, err = s.GetVersion(ctx, r.id, r.version); err != nil {
			return fmt.Errorf("changes: %w", err)
		}
		if r.old > 0 && c.Kind != ChangeAdded {
			if c.Old, err = s.GetVersion(ctx, r.id, r.old); err != nil {
				return fmt.Errorf("changes: %w", err)
			}
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}
