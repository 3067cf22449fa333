package safe

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes path whole or not at all: write fills a new file beside
// the target, which then replaces it. A new file gets mode 0644 less the
// umask; a file that exists keeps its mode; a symbolic link is followed and
// its target replaced, so the link stays.
func WriteFile(path string, write func(io.Writer) error) error {
	target, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	perm := fs.FileMode(0o644) // the umask applies at create
	keep := false
	if st, err := os.Stat(target); err == nil {
		perm, keep = st.Mode().Perm(), true
	}
	dir := filepath.Dir(target)
	var suffix [6]byte
	rand.Read(suffix[:])
	tmp := filepath.Join(dir, "."+filepath.Base(target)+"-"+hex.EncodeToString(suffix[:]))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp)
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if keep {
		// The umask must not narrow the mode a user gave the file.
		if err := f.Chmod(perm); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// resolve follows symbolic links at path to the file they name (which
// need not exist yet).
func resolve(path string) (string, error) {
	for range 40 {
		dest, err := os.Readlink(path)
		if err != nil {
			return path, nil // not a link, or nothing there yet
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("too many levels of symbolic links")
}
