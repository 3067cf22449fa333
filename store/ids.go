package store

import (
	"context"
	"fmt"
)

// IDs returns up to limit ids of published models that begin with prefix,
// in order: for shell completion.
func (s *Store) IDs(ctx context.Context, prefix string, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM current WHERE withdrawn = '' AND substr(id, 1, ?) = ? ORDER BY id LIMIT ?`,
		len(prefix), prefix, limit)
	if err != nil {
		return nil, fmt.Errorf("ids: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ids: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
