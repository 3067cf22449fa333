package index

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"
)

// Live is a read-only index that follows the index at its path: when
// `index --rebuild` swaps a new index in (see Swap), Reload opens it and
// closes the old one once the searches running on it have finished. serve
// searches through a Live, so it needs no restart after a rebuild.
type Live struct {
	path string
	o    Options
	warn func(error) // told when the facets cannot be loaded

	mu  sync.RWMutex // held for reading by every search
	ix  *Index
	dir os.FileInfo // the directory ix was opened from
}

// OpenLive opens the index at path read-only and loads its facets
// (LoadFacets), as it does with every index Reload opens. When the facets
// cannot be loaded, warn is told and searches read them per hit.
func OpenLive(path string, o Options, warn func(error)) (*Live, error) {
	o.ReadOnly = true
	l := &Live{path: path, o: o, warn: warn}
	ix, dir, err := l.open()
	if err != nil {
		return nil, err
	}
	l.ix, l.dir = ix, dir
	return l, nil
}

func (l *Live) open() (*Index, os.FileInfo, error) {
	dir, err := os.Stat(l.path)
	if err != nil {
		return nil, nil, fmt.Errorf("open index %s: %w", l.path, ErrNoIndex)
	}
	ix, err := Open(l.path, l.o)
	if err != nil {
		return nil, nil, err
	}
	if err := ix.LoadFacets(); err != nil && l.warn != nil {
		l.warn(err)
	}
	return ix, dir, nil
}

// Current is the index searches use now. It stays open until the next
// Reload that finds a new one; callers that keep it longer than a call
// hold Live's read lock themselves (Search does).
func (l *Live) Current() *Index {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.ix
}

// Search runs req on the current index.
func (l *Live) Search(ctx context.Context, req Request) (*Result, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.ix.Search(ctx, req)
}

// Incomplete reports whether the current index is marked incomplete.
func (l *Live) Incomplete() bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.ix.Incomplete()
}

// Reload opens the index at the path when it is another directory than the
// one open (a rebuild was swapped in) and returns true. While the new one
// cannot be opened yet it keeps the old one and returns the error.
func (l *Live) Reload() (bool, error) {
	dir, err := os.Stat(l.path)
	l.mu.RLock()
	same := err == nil && os.SameFile(dir, l.dir)
	l.mu.RUnlock()
	if err != nil || same {
		return false, nil // gone for a moment during a swap, or unchanged
	}
	ix, dir, err := l.open()
	if err != nil {
		return false, err
	}
	l.mu.Lock()
	old := l.ix
	l.ix, l.dir = ix, dir
	l.mu.Unlock() // no search runs on old any more
	return true, old.Close()
}

// Watch calls Reload every interval until ctx is done, and report after a
// reload or a failed one.
func (l *Live) Watch(ctx context.Context, every time.Duration, report func(reloaded bool, err error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			ok, err := l.Reload()
			if (ok || err != nil) && report != nil {
				report(ok, err)
			}
		}
	}
}

// Close closes the current index.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ix.Close()
}
