package index

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
)

// writer applies batches in a goroutine of its own, so Sync builds the next
// batch while bleve analyses and writes the previous one.
//
// Writers open the index with unsafe_batch: a batch returns once it is
// searchable and scorch persists in the background, instead of an fsync per
// batch. The signatures of a batch's models are stored once the batch is
// on disk, so a crash never leaves a signature for a model that is not
// indexed. close waits for the persistence of the last batch, which covers
// the earlier ones.
type writer struct {
	b    bleve.Index
	sigs *sigFile
	in   chan job
	done chan struct{}

	mu        sync.Mutex
	err       error
	persisted chan error
}

// job is a batch and the signatures to store or remove once it is on disk.
type job struct {
	batch *bleve.Batch
	put   map[string]string
	del   []string
}

func newWriter(b bleve.Index, sigs *sigFile) *writer {
	w := &writer{b: b, sigs: sigs, in: make(chan job, 1), done: make(chan struct{})}
	go w.run()
	return w
}

func (w *writer) run() {
	defer close(w.done)
	for j := range w.in {
		if w.failed() != nil {
			continue // drain; the first error is reported
		}
		done := make(chan error, 1)
		j.batch.SetPersistedCallback(func(err error) {
			if err == nil {
				err = w.sigs.apply(j.put, j.del)
			}
			if err != nil {
				w.fail(fmt.Errorf("persist index: %w", err))
			}
			done <- err
		})
		if err := w.b.Batch(j.batch); err != nil {
			w.fail(fmt.Errorf("index batch: %w", err))
			continue
		}
		w.mu.Lock()
		w.persisted = done
		w.mu.Unlock()
	}
}

func (w *writer) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *writer) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// send queues a job; it returns an earlier job's error, if any.
func (w *writer) send(j job) error {
	if err := w.failed(); err != nil {
		return err
	}
	if j.batch.Size() > 0 || len(j.put) > 0 || len(j.del) > 0 {
		w.in <- j
	}
	return nil
}

// close applies what is queued and waits until it is on disk.
func (w *writer) close() error {
	close(w.in)
	<-w.done
	w.mu.Lock()
	p := w.persisted
	w.mu.Unlock()
	if p != nil && w.failed() == nil {
		<-p
	}
	return w.failed()
}
