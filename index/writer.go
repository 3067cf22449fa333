package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// maxUnpersisted is how many applied batches may wait for the persister
// before writer waits: each holds an in-memory segment, so without a bound
// they pile up whenever the persister (or a merge it waits on) falls behind.
const maxUnpersisted = 2

// writer applies batches in a goroutine of its own, so Sync builds the next
// batch while bleve analyses and writes the previous one.
//
// Writers open the index with unsafe_batch: a batch returns once it is
// searchable and scorch persists in the background, instead of an fsync per
// batch. At most maxUnpersisted batches wait for persistence; the next one
// waits for them. The signatures of a batch's models are stored once the
// batch is on disk, so a crash never leaves a signature for a model that is
// not indexed. close waits until every batch is on disk, signatures too.
type writer struct {
	b    bleve.Index
	sigs *sigFile
	bg   *background // a failed persister or merger stops the writer
	in   chan job
	done chan struct{}
	// unpersisted holds a token for each applied batch not yet on disk;
	// its persisted callback takes it out.
	unpersisted chan struct{}

	firstErr
}

// job is a batch and the signatures to store or remove once it is on disk.
type job struct {
	batch *bleve.Batch
	put   map[string]string
	del   []string
}

func newWriter(b bleve.Index, sigs *sigFile, bg *background) *writer {
	// in is unbuffered: Sync fills one batch while this one is applied, and
	// a third one in a queue would only add to the heap.
	w := &writer{b: b, sigs: sigs, bg: bg, in: make(chan job), done: make(chan struct{}),
		unpersisted: make(chan struct{}, maxUnpersisted)}
	go w.run()
	return w
}

func (w *writer) run() {
	defer close(w.done)
	for j := range w.in {
		if w.failed() != nil {
			continue // drain; the first error is reported
		}
		if !w.reserve() {
			continue
		}
		j.batch.SetPersistedCallback(func(err error) {
			if err == nil {
				err = w.sigs.apply(j.put, j.del)
			}
			if err != nil {
				w.fail(fmt.Errorf("persist index: %w", err))
			}
			<-w.unpersisted
		})
		if err := w.b.Batch(j.batch); err != nil {
			// The callback may never run, so nothing waits for it again.
			w.fail(fmt.Errorf("index batch: %w", err))
		}
	}
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
	// Every token taken back means every batch is on disk.
	for i := 0; i < maxUnpersisted && w.failed() == nil; i++ {
		w.reserve()
	}
	if err := w.bg.failed(); err != nil { // the index is on disk, but its merges stopped
		w.fail(err)
	}
	if err := w.sigs.sync(); err != nil {
		w.fail(err)
	}
	return w.failed()
}

// reserve takes a token for a batch, waiting while maxUnpersisted batches
// are not on disk. It reports false when scorch's background work failed
// instead, and then the writer has failed with that error.
func (w *writer) reserve() bool {
	select {
	case w.unpersisted <- struct{}{}:
		return true
	case <-w.bg.done:
		w.failBackground()
		return false
	}
}

// failBackground fails the writer with the error of scorch's background
// work; call it once bg.done is closed.
func (w *writer) failBackground() {
	w.fail(w.bg.failed())
}
