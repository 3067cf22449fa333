package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// incompleteSuffix names the file beside an index that marks it
// incomplete: a Sync began and has not finished.
const incompleteSuffix = ".incomplete"

// markIncomplete sets or clears the mark of the index at path.
func markIncomplete(path string, on bool) error {
	mark := path + incompleteSuffix
	if !on {
		if err := os.Remove(mark); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("index %s: %w", path, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	if err := os.WriteFile(mark, []byte("an index run began and has not finished\n"), 0o644); err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	return nil
}

// Incomplete reports whether the last Sync of the index was interrupted
// or failed: it holds some models, not all, until a Sync completes.
func (ix *Index) Incomplete() bool {
	_, err := os.Stat(ix.path + incompleteSuffix)
	return err == nil
}

// Swap puts the index built at built in the place of the index at live,
// so readers never see a rebuild half done. A reader that has the old
// index open keeps reading it until it closes.
func Swap(live, built string) error {
	old := live + ".old"
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("swap index %s: %w", live, err)
	}
	if err := os.Rename(live, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("swap index %s: %w", live, err)
	}
	if err := os.Rename(built, live); err != nil {
		os.Rename(old, live) // put the old one back
		return fmt.Errorf("swap index %s: %w", live, err)
	}
	if err := markIncomplete(live, false); err != nil {
		return err
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("swap index %s: remove the old index: %w", live, err)
	}
	return nil
}
