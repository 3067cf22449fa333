package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// QueueItem is a model waiting for a person's review.
type QueueItem struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Region     string `json:"region"`
	Version    int    `json:"version"`
	Confidence string `json:"confidence"` // lowest of its undecided codes; "" when it has none
	Codes      int    `json:"codes"`      // machine methods
	Decided    int    `json:"decided"`    // of them decided by someone
	// ChangedSinceReview says an earlier version was reviewed.
	ChangedSinceReview bool `json:"changed_since_review"`
}

// Queue lists the latest versions q selects that no person has reviewed
// whole: the lowest confidence of an undecided code first, models with
// no machine code last, then by id. limit 0 lists them all.
func (s *Store) Queue(ctx context.Context, q Query, limit int) ([]QueueItem, error) {
	decided, err := s.decidedCodes(ctx)
	if err != nil {
		return nil, err
	}
	earlier, err := s.reviewedEarlier(ctx)
	if err != nil {
		return nil, err
	}
	// Only the title and each method's id and confidence are read, by
	// SQLite's JSON functions: decoding every record and coding in Go
	// cost most of the time at 10,000 models.
	q.Coding = CodingMachine
	where, args := q.where()
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.version, c.region, `+reviewed+`,
		IFNULL(json_extract(COALESCE(m.meta, m.record), '$.title'), ''),
		(SELECT group_concat(IFNULL(json_extract(j.value, '$.id'), '') || ' ' || IFNULL(json_extract(j.value, '$.confidence'), ''), ',')
		 FROM json_each(`+latestCoding+`, '$.methods') j)
		FROM current c JOIN models m ON m.id = c.id AND m.version = c.version`+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	defer rows.Close()
	var out []QueueItem
	rank := map[string]int{}
	for rows.Next() {
		var it QueueItem
		var done bool
		var codes sql.NullString
		if err := rows.Scan(&it.ID, &it.Version, &it.Region, &done, &it.Title, &codes); err != nil {
			return nil, fmt.Errorf("review queue: %w", err)
		}
		if done {
			continue
		}
		it.ChangedSinceReview = earlier[it.ID] > 0 && earlier[it.ID] < it.Version
		r := len(model.ConfidenceLevels) + 1 // no code left to decide
		for _, mc := range strings.Split(codes.String, ",") {
			id, conf, ok := strings.Cut(mc, " ")
			if !ok {
				continue
			}
			it.Codes++
			if decided[versionKey{it.ID, it.Version}][id] {
				it.Decided++
				continue
			}
			if c := model.ConfidenceRank(conf); c < r {
				r, it.Confidence = c, conf
			}
		}
		rank[it.ID] = r
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].ID] < rank[out[j].ID] })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

type versionKey struct {
	id      string
	version int
}

// decidedCodes is every code someone decided, per model version.
func (s *Store) decidedCodes(ctx context.Context) (map[versionKey]map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT id, version, code FROM reviews`)
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	defer rows.Close()
	out := map[versionKey]map[string]bool{}
	for rows.Next() {
		var k versionKey
		var code string
		if err := rows.Scan(&k.id, &k.version, &code); err != nil {
			return nil, fmt.Errorf("review queue: %w", err)
		}
		if out[k] == nil {
			out[k] = map[string]bool{}
		}
		out[k][code] = true
	}
	return out, rows.Err()
}

// reviewedEarlier is the newest version of each model a person coded whole.
func (s *Store) reviewedEarlier(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, max(version) FROM human_codings WHERE complete = 1 GROUP BY id`)
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var v int
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("review queue: %w", err)
		}
		out[id] = v
	}
	return out, rows.Err()
}
