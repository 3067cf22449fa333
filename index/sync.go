package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"

	"github.com/innokyla/innokyla/model"
)

// batchSize is the number of models a batch holds. The batches in flight
// (one filled, one analysed, maxUnpersisted in memory) are most of the live
// heap when building: at 250 it stays near 100 MB at any number of
// models, where 1000 held 250-300 MB, and building costs no more CPU.
const batchSize = 250

// Stats counts what Sync did.
type Stats struct {
	Added     int  `json:"added"`
	Updated   int  `json:"updated"`
	Removed   int  `json:"removed"`
	Unchanged int  `json:"unchanged"`
	Rebuilt   bool `json:"rebuilt"` // the schema had changed, so the index started over
}

// Each streams every current model to yield, as store.Each does.
type Each func(yield func(*model.Model) error) error

// Sync brings the index in line with the models each yields: new models are
// added, changed ones (another version, content or coding) replaced, and
// models no longer yielded removed. Writes go in batches; a cancelled ctx
// stops between models and keeps what was written.
//
// While it runs the index is marked incomplete (see Incomplete); an
// interrupted or failed Sync leaves the mark until one completes.
func (ix *Index) Sync(ctx context.Context, each Each) (Stats, error) {
	if ix.readOnly {
		return Stats{}, fmt.Errorf("sync index %s: opened read-only", ix.path)
	}
	if err := markIncomplete(ix.path, true); err != nil {
		return Stats{}, err
	}
	st, err := ix.sync(ctx, each)
	if err == nil {
		err = markIncomplete(ix.path, false)
	}
	return st, err
}

func (ix *Index) sync(ctx context.Context, each Each) (Stats, error) {
	var st Stats
	ok, err := ix.schemaCurrent()
	if err != nil {
		return st, err
	}
	if !ok {
		if err := ix.reset(); err != nil {
			return st, err
		}
		st.Rebuilt = true
	}
	// seen holds a 64-bit hash of every id yielded (8 bytes a model, not
	// the ids themselves); two ids with one hash would keep a removed model.
	seen := map[uint64]struct{}{}
	w := newWriter(ix.b, ix.sigs, ix.bg)
	j := job{batch: ix.b.NewBatch(), put: map[string]string{}}
	flush := func() error {
		if b, ok := ix.facets.pending(); ok {
			j.batch.SetInternal([]byte(internalFacets), b)
		}
		err := w.send(j)
		j = job{batch: ix.b.NewBatch(), put: map[string]string{}}
		return err
	}
	err = each(func(m *model.Model) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if m.ID == "" {
			return fmt.Errorf("model with url %q has no id", m.URL)
		}
		seen[idHash(m.ID)] = struct{}{}
		sig := signature(m)
		old, err := ix.sigs.get(m.ID)
		if err != nil {
			return fmt.Errorf("read state of %s: %w", m.ID, err)
		}
		switch {
		case old == sig:
			st.Unchanged++
			return nil
		case old == "":
			st.Added++
		default:
			st.Updated++
		}
		if err := j.batch.Index(m.ID, document(m, ix.tl, ix.facets)); err != nil {
			return fmt.Errorf("index %s: %w", m.ID, err)
		}
		j.put[m.ID] = sig
		if j.batch.Size() >= batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		ferr := flush()
		if cerr := w.close(); ferr == nil {
			ferr = cerr
		}
		if ferr != nil && !errors.Is(err, context.Canceled) {
			return st, errors.Join(err, ferr)
		}
		return st, err
	}
	// Models no longer yielded go.
	var gone []string
	err = ix.sigs.ids(func(id string) error {
		if _, ok := seen[idHash(id)]; !ok {
			gone = append(gone, id)
		}
		return nil
	})
	if err != nil {
		w.close()
		return st, fmt.Errorf("list index: %w", err)
	}
	for _, id := range gone {
		j.batch.Delete(id)
		j.del = append(j.del, id)
		st.Removed++
		if j.batch.Size() >= batchSize {
			if err := flush(); err != nil {
				w.close()
				return st, err
			}
		}
	}
	if err := flush(); err != nil {
		w.close()
		return st, err
	}
	return st, w.close()
}

func idHash(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// reset empties the index in place and recreates it with the current
// mapping, keeping the lock held by this process's path.
func (ix *Index) reset() error {
	if err := ix.sigs.close(); err != nil {
		return fmt.Errorf("reset index %s: %w", ix.path, err)
	}
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("reset index %s: %w", ix.path, err)
	}
	if err := os.RemoveAll(ix.path); err != nil {
		return fmt.Errorf("reset index %s: %w", ix.path, err)
	}
	ix.bg.unwatch(ix.path)
	n, err := create(ix.path, writerConfig(DefaultLockTimeout))
	if err != nil {
		return err
	}
	ix.b, ix.tl, ix.facets, ix.sigs, ix.bg = n.b, n.tl, n.facets, n.sigs, n.bg
	return nil
}
