package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

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

	mu     sync.Mutex
	store  *store.Store
	untune func() // restores the GC settings tuneMemory changed
}

// Store opens <data>/corpus.db once and returns it.
func (f *Factory) Store(ctx context.Context) (*store.Store, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.store != nil {
		return f.store, nil
	}
	if err := checkDataDir(f.DataDir); err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, filepath.Join(f.DataDir, "corpus.db"))
	if err != nil {
		return nil, withHint(err, "Try: --data DIR with a directory you can write")
	}
	f.store = s
	return s, nil
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
	if f.store == nil {
		return nil
	}
	err := f.store.Close()
	f.store = nil
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

func checkDataDir(dir string) error {
	if dir == "" {
		return usageError(fmt.Errorf("--data is empty"))
	}
	st, err := os.Stat(dir)
	switch {
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
	probe, err := os.CreateTemp(dir, ".write-check-*")
	if err != nil {
		return withHint(fmt.Errorf("data directory %s is not writable: %w", dir, err), "Try: --data DIR with a directory you can write")
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}
