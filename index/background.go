package index

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// scorch's persister and merger run in goroutines of their own. When one
// of them fails (the merger recovers its own panics and stops), scorch
// reports the error only to a callback registered by name in a
// process-wide registry, and otherwise drops it: a stopped merger then
// leaves the persister waiting for it once 1000 files are on disk, and
// Sync waiting for the persister, for ever. A writer's index names the
// callback below, which hands the error to the Sync of that index.

const backgroundCallback = "innokyla-background"

// backgroundOnce and backgroundByPath are package-level because the
// registry they serve is: bleve calls the callback with the path of the
// index's store only.
var (
	backgroundOnce   sync.Once
	backgroundByPath sync.Map // store path -> *background
)

// background holds the first error of an index's background work.
type background struct {
	once sync.Once
	err  error
	done chan struct{} // closed when err is set
}

func (bg *background) set(err error) {
	bg.once.Do(func() {
		bg.err = err
		close(bg.done)
	})
}

// watchBackground makes the background errors of the writer's index at
// path go to the returned value, until unwatch.
func watchBackground(path string) *background {
	backgroundOnce.Do(func() {
		scorch.RegistryAsyncErrorCallbacks[backgroundCallback] = func(err error, store string) {
			if bg, ok := backgroundByPath.Load(filepath.Clean(store)); ok {
				bg.(*background).set(err)
			}
		}
	})
	bg := &background{done: make(chan struct{})}
	backgroundByPath.Store(storePath(path), bg)
	return bg
}

func (bg *background) unwatch(path string) {
	if bg == nil {
		return // a reader's
	}
	backgroundByPath.CompareAndDelete(storePath(path), bg)
}

// storePath is where bleve keeps the scorch files of the index at path.
func storePath(path string) string { return filepath.Clean(filepath.Join(path, "store")) }

// failed returns the error of the index's background work, if any.
func (bg *background) failed() error {
	select {
	case <-bg.done:
		return fmt.Errorf("index in the background: %w", bg.err)
	default:
		return nil
	}
}
