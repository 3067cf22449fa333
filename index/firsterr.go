package index

import "sync"

// firstErr keeps the first error that goroutines working on one job
// report (the writer's batches, a build's workers and merger).
type firstErr struct {
	mu  sync.Mutex
	err error
}

// fail records err unless an error was recorded before.
func (f *firstErr) fail(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

// failed returns the first error, or nil.
func (f *firstErr) failed() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}
