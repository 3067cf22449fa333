package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/innokyla/innokyla/model"
)

// Lag is how far the index is behind the store.
type Lag struct {
	Behind int `json:"behind"` // stored models new, changed or newly coded since they were indexed
	Gone   int `json:"gone"`   // indexed models no longer stored
}

// Lag compares the index with the models each yields, as Sync would, without
// writing: a model whose signature (version, content, coding) differs from
// the indexed one is behind. An index built with another schema is behind
// by every model. It waits at most a second for an index run writing the
// signatures and then returns ErrLocked.
func (ix *Index) Lag(ctx context.Context, each Each) (Lag, error) {
	var lag Lag
	current, err := ix.schemaCurrent()
	if err != nil {
		return lag, err
	}
	db, err := bolt.Open(filepath.Join(ix.path, sigFileName), 0o444, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return lag, fmt.Errorf("index lag: %w", ErrLocked)
	case err != nil:
		return lag, fmt.Errorf("index lag: open %s: %w", sigFileName, err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(sigBucket)
		if b == nil {
			return fmt.Errorf("%s has no signatures", sigFileName)
		}
		stored, fresh := 0, 0
		err := each(func(m *model.Model) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			stored++
			sig := b.Get([]byte(m.ID))
			if sig == nil {
				fresh++
			}
			if !current || string(sig) != signature(m) {
				lag.Behind++
			}
			return nil
		})
		// The indexed ids that are not stored: every indexed id less the
		// stored ones that are indexed.
		lag.Gone = max(0, b.Stats().KeyN-(stored-fresh))
		return err
	})
	if err != nil {
		return Lag{}, fmt.Errorf("index lag: %w", err)
	}
	return lag, nil
}
