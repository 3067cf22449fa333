package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Snapshot names a state of the corpus: the time of its last change at
// or before a bound (a version stored, a model withdrawn or restored, a
// crawl finished) and the last crawl finished by then.
type Snapshot struct {
	At        string // RFC 3339; "" for an empty corpus
	LastCrawl *Crawl // nil when none
}

// SnapshotAt returns the state of the corpus at t (zero: the latest). Two
// bounds with no change between them give the same snapshot, so a report
// as of a day names the same state as one made that day after its crawl.
func (s *Store) SnapshotAt(ctx context.Context, t time.Time) (Snapshot, error) {
	bound := "9999"
	if !t.IsZero() {
		bound = formatTime(t)
	}
	var at sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT max(x) FROM (
		SELECT max(fetched_at) AS x FROM models WHERE fetched_at != '' AND fetched_at <= ?1
		UNION ALL SELECT max(withdrawn_at) FROM withdrawals WHERE withdrawn_at <= ?1
		UNION ALL SELECT max(restored_at) FROM withdrawals WHERE restored_at != '' AND restored_at <= ?1
		UNION ALL SELECT max(finished_at) FROM crawl_runs WHERE finished_at != '' AND finished_at <= ?1)`, bound).Scan(&at)
	if err != nil {
		return Snapshot{}, fmt.Errorf("snapshot: %w", err)
	}
	snap := Snapshot{At: at.String}
	if snap.LastCrawl, err = s.LastCrawl(ctx, t); err != nil {
		return Snapshot{}, fmt.Errorf("snapshot: %w", err)
	}
	return snap, nil
}
