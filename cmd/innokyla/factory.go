package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/innokyla/innokyla/internal/datalock"
	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Factory carries what every subcommand needs and opens the store lazily,
// so --help and flag errors never touch the data directory.
type Factory struct {
	DataDir string
	In      io.Reader
	Out     io.Writer
	Err     io.Writer
	Now     func() time.Time
	Version string
	Args    []string // the command line, for report provenance
	Quiet   bool     // --quiet: no progress on stderr
	// ProgressEvery is how often a plain progress line is written when
	// stderr is not a terminal; 0 is defaultProgressEvery.
	ProgressEvery time.Duration

	mu     sync.Mutex
	store  *store.Store
	lock   *datalock.Lock // held from WriteStore to Close
	untune func()         // restores the GC settings tuneMemory changed

	CPUProfile  string // hidden --cpu-profile FILE
	stopProfile func()
}

// Store opens <data>/corpus.db once for reading and returns it. It
// creates nothing and takes no lock, so a corpus on a read-only share can
// be read; a missing corpus is an error, not an empty one. After
// WriteStore it returns the store opened for writing.
func (f *Factory) Store(ctx context.Context) (*store.Store, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.store != nil {
		return f.store, nil
	}
	if f.DataDir == "" {
		return nil, usageError(fmt.Errorf("--data is empty"))
	}
	if st, err := os.Stat(f.DataDir); err == nil && !st.IsDir() {
		return nil, withHint(fmt.Errorf("data directory %s is not a directory", f.DataDir), "Try: --data DIR naming a directory")
	}
	s, err := store.OpenReadOnly(ctx, f.corpusPath())
	if errors.Is(err, store.ErrNoCorpus) {
		return nil, f.noCorpus()
	}
	if err != nil {
		return nil, err
	}
	f.store = s
	return s, nil
}

// WriteStore opens <data>/corpus.db for writing after taking the data
// directory's lock, which the process holds until Close: a second writer
// fails at once with a message naming the first. Only commands that add
// models (create: crawl, import, run) make a missing data directory.
func (f *Factory) WriteStore(ctx context.Context, create bool) (*store.Store, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.store != nil && !f.store.ReadOnly() {
		return f.store, nil
	}
	if err := f.checkDataDir(create); err != nil {
		return nil, err
	}
	if f.lock == nil {
		l, err := datalock.Acquire(f.DataDir, strings.Join(f.Args, " "), f.now())
		var held *datalock.HeldError
		switch {
		case errors.As(err, &held):
			hint := "Try: wait until it has finished, then run this again"
			if held.PID != 0 {
				hint = fmt.Sprintf("Try: wait until it has finished (or stop it: kill %d), then run this again", held.PID)
			}
			return nil, withHint(err, hint)
		case err != nil:
			return nil, withHint(err, "Try: --data DIR with a directory you can write")
		}
		f.lock = l
	}
	if f.store != nil {
		f.store.Close() // opened for reading before
		f.store = nil
	}
	s, err := store.Open(ctx, f.corpusPath())
	if err != nil {
		return nil, withHint(err, "Try: --data DIR with a directory you can write")
	}
	f.store = s
	return s, nil
}

func (f *Factory) corpusPath() string { return filepath.Join(f.DataDir, "corpus.db") }

func (f *Factory) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// noCorpus is the error of a command that needs a corpus where there is none.
func (f *Factory) noCorpus() error {
	return withHint(fmt.Errorf("no corpus at %s", f.DataDir),
		"Try: --data DIR naming the directory that holds corpus.db, or make one with innokyla crawl --site URL or innokyla import FILE")
}

// IndexPath is the bleve index directory.
func (f *Factory) IndexPath() string { return filepath.Join(f.DataDir, "index") }

// Close releases what the factory opened and restores the GC settings.
func (f *Factory) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.untune != nil {
		f.untune()
		f.untune = nil
	}
	if f.stopProfile != nil {
		f.stopProfile()
		f.stopProfile = nil
	}
	var err error
	if f.store != nil {
		err = f.store.Close()
		f.store = nil
	}
	if lerr := f.lock.Release(); err == nil {
		err = lerr
	}
	f.lock = nil
	return err
}

// IsTerminal reports whether w is a character device (a terminal).
func IsTerminal(w io.Writer) bool {
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap()
	}
	file, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := file.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// terminalSafe is w without control characters when it is a terminal.
func terminalSafe(w io.Writer) io.Writer {
	if IsTerminal(w) {
		return &safe.TerminalWriter{W: w}
	}
	return w
}

// rawTerminal is the terminal behind w, for escape sequences of our own
// around text already cleaned.
func rawTerminal(w io.Writer) io.Writer {
	if t, ok := w.(*safe.TerminalWriter); ok {
		return t.W
	}
	return w
}

// checkDataDir checks the data directory of a writer; with create a
// missing one is made, else it is an error.
func (f *Factory) checkDataDir(create bool) error {
	dir := f.DataDir
	if dir == "" {
		return usageError(fmt.Errorf("--data is empty"))
	}
	st, err := os.Stat(dir)
	switch {
	case os.IsNotExist(err) && !create:
		return f.noCorpus()
	case os.IsNotExist(err):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return withHint(fmt.Errorf("data directory %s: %w", dir, err), "Try: --data DIR with a directory you can write")
		}
		return nil
	case err != nil:
		return withHint(fmt.Errorf("data directory %s: %w", dir, err), "Try: --data DIR with a directory you can read and write")
	case !st.IsDir():
		return withHint(fmt.Errorf("data directory %s is not a directory", dir), "Try: --data DIR naming a directory")
	}
	if !create {
		if _, err := os.Stat(f.corpusPath()); os.IsNotExist(err) {
			return f.noCorpus()
		}
	}
	return nil
}
