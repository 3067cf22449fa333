package index

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/innokyla/innokyla/model"
)

const (
	internalSig = "sig/" // + model id -> signature()
	batchSize   = 1000
)

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
func (ix *Index) Sync(ctx context.Context, each Each) (Stats, error) {
	var st Stats
	if ix.readOnly {
		return st, fmt.Errorf("sync index %s: opened read-only", ix.path)
	}
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
	seen := map[string]bool{}
	w := newWriter(ix.b)
	batch := ix.b.NewBatch()
	flush := func() error {
		if b, ok := ix.facets.pending(); ok {
			batch.SetInternal([]byte(internalFacets), b)
		}
		err := w.send(batch)
		batch = ix.b.NewBatch()
		return err
	}
	err = each(func(m *model.Model) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if m.ID == "" {
			return fmt.Errorf("model with url %q has no id", m.URL)
		}
		seen[m.ID] = true
		sig := signature(m)
		key := []byte(internalSig + m.ID)
		old, err := ix.b.GetInternal(key)
		if err != nil {
			return fmt.Errorf("read state of %s: %w", m.ID, err)
		}
		switch {
		case string(old) == sig:
			st.Unchanged++
			return nil
		case old == nil:
			st.Added++
		default:
			st.Updated++
		}
		if err := batch.Index(m.ID, document(m, ix.tl, ix.facets)); err != nil {
			return fmt.Errorf("index %s: %w", m.ID, err)
		}
		batch.SetInternal(key, []byte(sig))
		if batch.Size() >= batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		// Keep what was read before the error or the cancel.
		ferr := flush()
		if cerr := w.close(); ferr == nil {
			ferr = cerr
		}
		if ferr != nil && !errors.Is(err, context.Canceled) {
			return st, errors.Join(err, ferr)
		}
		return st, err
	}
	if err := flush(); err != nil {
		w.close()
		return st, err
	}
	if err := w.close(); err != nil {
		return st, err
	}
	// Removals last, after the writes are applied, so the ID list is
	// complete; they are few.
	gone, err := ix.ids(func(id string) bool { return !seen[id] })
	if err != nil {
		return st, err
	}
	w = newWriter(ix.b)
	for _, id := range gone {
		batch.Delete(id)
		batch.DeleteInternal([]byte(internalSig + id))
		st.Removed++
		if batch.Size() >= batchSize {
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

// ids lists the document IDs in the index for which keep is true.
func (ix *Index) ids(keep func(string) bool) ([]string, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	defer r.Close()
	dr, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	defer dr.Close()
	var out []string
	for {
		iid, err := dr.Next()
		if err != nil {
			return nil, fmt.Errorf("list index: %w", err)
		}
		if iid == nil {
			return out, nil
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return nil, fmt.Errorf("list index: %w", err)
		}
		if keep(id) {
			out = append(out, id)
		}
	}
}

// reset empties the index in place and recreates it with the current
// mapping, keeping the lock held by this process's path.
func (ix *Index) reset() error {
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("reset index %s: %w", ix.path, err)
	}
	if err := os.RemoveAll(ix.path); err != nil {
		return fmt.Errorf("reset index %s: %w", ix.path, err)
	}
	n, err := create(ix.path, writerConfig(DefaultLockTimeout))
	if err != nil {
		return err
	}
	ix.b, ix.tl, ix.facets = n.b, n.tl, n.facets
	return nil
}
