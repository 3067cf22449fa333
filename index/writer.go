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
// batch. close waits for the persistence of the last batch, which covers
// the earlier ones.
type writer struct {
	b    bleve.Index
	in   chan *bleve.Batch
	done chan struct{}

	mu        sync.Mutex
	err       error
	persisted chan error
}

func newWriter(b bleve.Index) *writer {
	w := &writer{b: b, in: make(chan *bleve.Batch, 1), done: make(chan struct{})}
	go w.run()
	return w
}

func (w *writer) run() {
	defer close(w.done)
	for batch := range w.in {
		if w.failed() != nil {
			continue // drain; the first error is reported
		}
		done := make(chan error, 1)
		batch.SetPersistedCallback(func(err error) { done <- err })
		if err := w.b.Batch(batch); err != nil {
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

// send queues a batch; it returns an earlier batch's error, if any.
func (w *writer) send(b *bleve.Batch) error {
	if err := w.failed(); err != nil {
		return err
	}
	if b.Size() > 0 {
		w.in <- b
	}
	return nil
}

// close applies what is queued and waits until it is on disk.
func (w *writer) close() error {
	close(w.in)
	<-w.done
	if err := w.failed(); err != nil {
		return err
	}
	w.mu.Lock()
	p := w.persisted
	w.mu.Unlock()
	if p == nil {
		return nil
	}
	if err := <-p; err != nil {
		return fmt.Errorf("persist index: %w", err)
	}
	return nil
}
