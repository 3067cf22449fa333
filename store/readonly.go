package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// ErrNoCorpus is the error of OpenReadOnly when no corpus is at the path.
var ErrNoCorpus = errors.New("no corpus")

// OpenReadOnly opens the corpus at path for reading only: it creates and
// changes nothing, so a corpus on a read-only share works. In a directory
// this process cannot write, the file is opened as immutable (SQLite takes
// no locks): it must not change while it is read.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s", ErrNoCorpus, filepath.Dir(path))
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	dsn := "file:" + path + "?mode=ro&_pragma=busy_timeout(10000)&_pragma=cache_size(-8192)"
	if !dirWritable(filepath.Dir(path)) {
		dsn += "&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	var have int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&have); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if have != len(migrations) {
		db.Close()
		return nil, fmt.Errorf("open store %s: its schema is version %d, this innokyla reads %d: "+
			"a command that writes (import, crawl, classify) brings it up to date", path, have, len(migrations))
	}
	return &Store{db: db, path: path, readOnly: true}, nil
}

// dirWritable reports whether this process may create files in dir (a
// test variable: as root, every directory is writable).
var dirWritable = func(dir string) bool {
	return syscall.Access(dir, 2 /* W_OK */) == nil
}
