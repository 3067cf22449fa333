package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// ErrLocked means another process holds the index: a writer excludes
// everyone, readers exclude writers.
var ErrLocked = errors.New("index is in use by another innokyla process")

// ErrNoIndex means there is no index at the path yet.
var ErrNoIndex = errors.New("no index")

// ErrOutdated means a reader found an index built with another schema:
// its fields and analysis are not what this version searches, so results
// would be quietly wrong (a stop-word phrase read as a plain phrase, say).
// A writer's Sync rebuilds it.
var ErrOutdated = errors.New("index built by another innokyla version")

// DefaultLockTimeout is how long Open waits for another process's lock.
const DefaultLockTimeout = 500 * time.Millisecond

const internalSchema = "meta/schema"

// Options say how to open an index.
type Options struct {
	ReadOnly    bool          // share the index with other readers; no writes
	LockTimeout time.Duration // 0 means DefaultLockTimeout

	// Parts is how many ranges of documents a search runs in at once
	// after LoadFacets; 0 picks one per core (up to 4) from 20,000 models.
	// Tests set it to split even a few models.
	Parts int

	// RankBound is how many hits a search scores at most once the facets
	// are loaded; a search that finds more ranks a sample of this many
	// (see Search). 0 is DefaultRankBound; below 0 every hit is scored.
	RankBound int
}

// Index is an open bleve index of practice models.
type Index struct {
	path      string
	b         bleve.Index
	readOnly  bool
	pr        *pairer // builds the pairs field; writers only
	facets    *facetDict
	vocab     atomic.Pointer[vocab]      // the compounds (see vocab.go)
	table     atomic.Pointer[facetTable] // see LoadFacets
	parts     int                        // Options.Parts
	rankBound int                        // Options.RankBound
	sigs      *sigFile                   // what is indexed; writers only
	bg        *background                // errors of scorch's goroutines; writers only

	closeOnce sync.Once
	closeErr  error
}

// wrap finishes an Index around an open bleve index.
func wrap(path string, b bleve.Index, readOnly bool, bg *background) (*Index, error) {
	fd, err := loadFacetDict(b.GetInternal)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	ix := &Index{path: path, b: b, readOnly: readOnly, facets: fd, bg: bg}
	if !readOnly {
		if ix.sigs, err = openSigs(path, DefaultLockTimeout); err != nil {
			b.Close()
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
	}
	// An index built by an older version may lack the analyzer; Sync
	// rebuilds such an index before it writes.
	if fold := b.Mapping().AnalyzerNamed(analyzerFold); fold != nil {
		ix.pr = newPairer(fold)
	}
	// A writer opens an index whose vocabulary is broken as one without:
	// its Sync writes the vocabulary again (see Sync).
	v, err := openVocab(path)
	if err != nil && readOnly {
		ix.Close()
		return nil, fmt.Errorf("open index %s: %w ('innokyla index' writes it again)", path, err)
	}
	ix.vocab.Store(v)
	return ix, nil
}

// Open opens the index at path. A writer creates it when it is missing; a
// reader gets ErrNoIndex. When another process holds it, Open returns
// ErrLocked within the lock timeout.
func Open(path string, o Options) (*Index, error) {
	ix, err := open(path, o)
	if err != nil {
		return nil, err
	}
	ix.parts, ix.rankBound = o.Parts, o.RankBound
	return ix, nil
}

func open(path string, o Options) (*Index, error) {
	if err := registerAnalysis(); err != nil {
		return nil, err
	}
	timeout := o.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	cfg := writerConfig(timeout)
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		if !os.IsNotExist(err) {
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
		if o.ReadOnly {
			return nil, fmt.Errorf("open index %s: %w", path, ErrNoIndex)
		}
		return create(path, cfg)
	}
	var bg *background
	if o.ReadOnly {
		cfg = map[string]interface{}{"bolt_timeout": timeout.String(), "read_only": true}
	} else {
		bg = watchBackground(path)
	}
	b, err := bleve.OpenUsing(path, cfg)
	if err != nil {
		bg.unwatch(path)
		return nil, fmt.Errorf("open index %s: %w", path, lockErr(err))
	}
	ix, err := wrap(path, b, o.ReadOnly, bg)
	if err != nil {
		bg.unwatch(path)
		return nil, err
	}
	if o.ReadOnly {
		err := ix.checkSchema()
		if err == nil && ix.vocab.Load() == nil && !ix.Incomplete() {
			// Every Sync ends by writing it; an interrupted one leaves the
			// index marked incomplete, which the caller warns of.
			err = fmt.Errorf("%w: its compound vocabulary (%s) is missing", ErrOutdated, vocabFileName)
		}
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
	}
	return ix, nil
}

// checkSchema returns ErrOutdated, with the schema found, when the index
// was built with another schema.
func (ix *Index) checkSchema() error {
	v, err := ix.b.GetInternal([]byte(internalSchema))
	if err != nil {
		return fmt.Errorf("read index schema: %w", err)
	}
	if string(v) != schemaVersion {
		return fmt.Errorf("%w (schema %q; this version reads %q)", ErrOutdated, v, schemaVersion)
	}
	return nil
}

// writerConfig is the scorch configuration of a writer: a lock timeout so
// a second process fails instead of waiting, unsafe_batch so batches do
// not each wait for an fsync (Sync waits once, at its end), and the
// callback that passes on the errors of scorch's goroutines (see
// background.go).
func writerConfig(timeout time.Duration) map[string]interface{} {
	cfg := map[string]interface{}{"bolt_timeout": timeout.String(), "unsafe_batch": true,
		"asyncErrorCallbackName": backgroundCallback}
	if mergePlan != nil {
		cfg["scorchMergePlanOptions"] = mergePlan
	}
	return cfg
}

// mergePlan, when a test sets it, changes the plan of scorch's background
// merger (mergeplan.MergePlanOptions' fields by name), which otherwise
// merges whenever it gets to it.
var mergePlan map[string]interface{}

func create(path string, cfg map[string]interface{}) (*Index, error) {
	m, err := buildMapping()
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	bg := watchBackground(path)
	b, err := bleve.NewUsing(path, m, scorch.Name, bleve.Config.DefaultKVStore, cfg)
	if err != nil {
		bg.unwatch(path)
		return nil, fmt.Errorf("create index %s: %w", path, lockErr(err))
	}
	if err := b.SetInternal([]byte(internalSchema), []byte(schemaVersion)); err != nil {
		b.Close()
		bg.unwatch(path)
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	ix, err := wrap(path, b, false, bg)
	if err != nil {
		bg.unwatch(path)
	}
	return ix, err
}

// Remove deletes the index at path after checking that no other process
// holds it, and its incomplete mark. It is how a rebuild starts over.
func Remove(path string) error {
	if err := remove(path); err != nil {
		return err
	}
	return markIncomplete(path, false)
}

func remove(path string) error {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); os.IsNotExist(err) {
		return os.RemoveAll(path)
	}
	ix, err := Open(path, Options{})
	if err != nil && !errors.Is(err, ErrLocked) {
		// A broken index is removed anyway: that is what a rebuild is for.
		return os.RemoveAll(path)
	}
	if err != nil {
		return err
	}
	if err := ix.Close(); err != nil {
		return fmt.Errorf("remove index %s: %w", path, err)
	}
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove index %s: %w", path, err)
	}
	return nil
}

// lockErr turns bolt's lock timeout into ErrLocked.
func lockErr(err error) error {
	if err != nil && strings.Contains(err.Error(), "timeout") {
		return fmt.Errorf("%w (%v)", ErrLocked, err)
	}
	return err
}

// reader opens a reader on the index's current snapshot (a
// *scorch.IndexSnapshot); the caller closes it.
func (ix *Index) reader() (index.IndexReader, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// Path is the directory of the index.
func (ix *Index) Path() string { return ix.path }

// Close releases the index and its lock. A writer's index is opened once
// more and closed: scorch deletes the segment files that merges made
// obsolete when a writer opens, and otherwise they would stay on disk
// until the next run. Closing again returns the first result.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() { ix.closeErr = ix.close() })
	return ix.closeErr
}

func (ix *Index) close() error {
	ix.bg.unwatch(ix.path)
	if ix.sigs != nil {
		if err := ix.sigs.close(); err != nil {
			ix.b.Close()
			return fmt.Errorf("close index %s: %w", ix.path, err)
		}
	}
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	if ix.readOnly {
		return nil
	}
	b, err := bleve.OpenUsing(ix.path, writerConfig(DefaultLockTimeout))
	if err != nil {
		return nil // the index is closed and intact; the files go next time
	}
	if err := b.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	return nil
}

// Count is the number of models in the index.
func (ix *Index) Count() (int, error) {
	n, err := ix.b.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count index %s: %w", ix.path, err)
	}
	return int(n), nil
}

// schemaCurrent reports whether the index was built with this schema.
func (ix *Index) schemaCurrent() (bool, error) {
	err := ix.checkSchema()
	if errors.Is(err, ErrOutdated) {
		return false, nil
	}
	return err == nil, err
}
