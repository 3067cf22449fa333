package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/model"
)

// Coding is the participation coding of one model version.
type Coding struct {
	ID      string
	Version int
	P       *model.Participation
}

// SaveCodings stores codings in one transaction. A coding by the same
// codebook version replaces the earlier one of that model version; codings
// by other codebook versions are kept.
func (s *Store) SaveCodings(ctx context.Context, cs []Coding) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	defer tx.Rollback()
	for _, c := range cs {
		if err := saveCoding(ctx, tx, c.ID, c.Version, c.P); err != nil {
			return fmt.Errorf("save coding of %s: %w", c.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	return nil
}

func saveCoding(ctx context.Context, tx *sql.Tx, id string, version int, p *model.Participation) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO codings (id, version, codebook, coded_at, participation) VALUES (?,?,?,?,?)
		 ON CONFLICT(id, version, codebook) DO UPDATE SET coded_at=excluded.coded_at, participation=excluded.participation`,
		id, version, p.Codebook, time.Now().UTC().Format(time.RFC3339Nano), string(b))
	return err
}
