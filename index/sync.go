package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"

	"github.com/blevesearch/bleve/v2/index/scorch"

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
	interrupted := ix.Incomplete() // a Sync before may have changed it and stopped
	if err := markIncomplete(ix.path, true); err != nil {
		return Stats{}, err
	}
	st, err := ix.sync(ctx, each)
	changed := st.Added+st.Updated+st.Removed > 0 || st.Rebuilt || interrupted
	if err == nil && (changed || ix.vocab.Load() == nil) {
		err = ix.writeVocab()
	}
	if err == nil {
		err = markIncomplete(ix.path, false)
	}
	return st, err
}

// writeVocab writes the compound vocabulary of what the index holds now
// (see vocab.go) and searches use it from then on.
func (ix *Index) writeVocab() error {
	r, err := ix.reader()
	if err != nil {
		return fmt.Errorf("index %s: %w", ix.path, err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return fmt.Errorf("index %s: not a scorch index (%T)", ix.path, r)
	}
	if err := writeVocab(ix.path, snap); err != nil {
		return fmt.Errorf("index %s: %w", ix.path, err)
	}
	v, err := openVocab(ix.path)
	if err != nil {
		return fmt.Errorf("index %s: %w", ix.path, err)
	}
	ix.vocab.Store(v)
	return nil
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
	if empty, err := ix.empty(); err != nil {
		return st, err
	} else if empty && !onlineOnly {
		return ix.build(ctx, each, st)
	}
	s := &syncer{ix: ix, st: st, w: newWriter(ix.b, ix.sigs, ix.bg), seen: map[uint64]struct{}{},
		j: job{batch: ix.b.NewBatch(), put: map[string]string{}}}
	if err := each(func(m *model.Model) error { return s.add(ctx, m) }); err != nil {
		ferr := s.flush()
		if cerr := s.w.close(); ferr == nil {
			ferr = cerr
		}
		if ferr != nil && !errors.Is(err, context.Canceled) {
			return s.st, errors.Join(err, ferr)
		}
		return s.st, err
	}
	if err := s.removeGone(); err != nil {
		s.w.close()
		return s.st, err
	}
	return s.st, s.w.close()
}

// syncer is one Sync: the batch being filled, the writer that applies the
// full ones, and the ids yielded so far.
type syncer struct {
	ix *Index
	w  *writer
	j  job
	st Stats
	// seen holds a 64-bit hash of every id yielded (8 bytes a model, not
	// the ids themselves); two ids with one hash would keep a removed model.
	seen map[uint64]struct{}
}

// flush hands the batch, with the facet codes it added, to the writer.
func (s *syncer) flush() error {
	if b, ok := s.ix.facets.pending(); ok {
		s.j.batch.SetInternal([]byte(internalFacets), b)
	}
	err := s.w.send(s.j)
	s.j = job{batch: s.ix.b.NewBatch(), put: map[string]string{}}
	return err
}

// add indexes m unless the index holds it with the same signature.
func (s *syncer) add(ctx context.Context, m *model.Model) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkID(m); err != nil {
		return err
	}
	s.seen[idHash(m.ID)] = struct{}{}
	sig := signature(m)
	old, err := s.ix.sigs.get(m.ID)
	if err != nil {
		return fmt.Errorf("read state of %s: %w", m.ID, err)
	}
	switch {
	case old == sig:
		s.st.Unchanged++
		return nil
	case old == "":
		s.st.Added++
	default:
		s.st.Updated++
	}
	if err := s.j.batch.Index(m.ID, document(m, s.ix.pr, s.ix.facets)); err != nil {
		return fmt.Errorf("index %s: %w", m.ID, err)
	}
	s.j.put[m.ID] = sig
	if s.j.batch.Size() >= batchSize {
		return s.flush()
	}
	return nil
}

// checkID refuses a model without an id, which the index could not
// find again (Sync and the build).
func checkID(m *model.Model) error {
	if m.ID == "" {
		return fmt.Errorf("model with url %q has no id", m.URL)
	}
	return nil
}

// removeGone removes the models no longer yielded and flushes the rest.
func (s *syncer) removeGone() error {
	var gone []string
	err := s.ix.sigs.ids(func(id string) error {
		if _, ok := s.seen[idHash(id)]; !ok {
			gone = append(gone, id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list index: %w", err)
	}
	for _, id := range gone {
		s.j.batch.Delete(id)
		s.j.del = append(s.j.del, id)
		s.st.Removed++
		if s.j.batch.Size() >= batchSize {
			if err := s.flush(); err != nil {
				return err
			}
		}
	}
	return s.flush()
}

// onlineOnly makes Sync build an empty index as it updates one, batch by
// batch through scorch; tests compare the two.
var onlineOnly = false

// empty reports whether the index holds no model. Signatures do not
// count: an index without documents but with signatures is what a killed
// build leaves, and it is built again.
func (ix *Index) empty() (bool, error) {
	n, err := ix.b.DocCount()
	if err != nil {
		return false, fmt.Errorf("index %s: %w", ix.path, err)
	}
	return n == 0, nil
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
	ix.b, ix.pr, ix.facets, ix.sigs, ix.bg = n.b, n.pr, n.facets, n.sigs, n.bg
	ix.vocab.Store(n.vocab.Load())
	return nil
}
