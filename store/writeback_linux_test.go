package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWriteback holds what the writeback goroutine may do to files it is
// given: nothing to their content, a file that appears later is taken up,
// and stop closes every descriptor it opened.
func TestWriteback(t *testing.T) {
	dir := t.TempDir()
	now, later := filepath.Join(dir, "now"), filepath.Join(dir, "later")
	fds := func() int {
		es, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd")
		}
		return len(es)
	}
	f, err := os.Create(now)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before := fds() // after the first file, which may set up the runtime's poller
	stop := startWriteback(time.Millisecond, now, later)
	data := bytes.Repeat([]byte("kokemusasiantuntija "), 1<<14)
	for range 20 {
		if _, err := f.Write(data); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	if err := os.WriteFile(later, data, 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for fds() < before+2 && time.Now().Before(deadline) { // the two it opens
		time.Sleep(time.Millisecond)
	}
	if got := fds(); got != before+2 {
		t.Errorf("%d descriptors open while it runs, want %d (both files besides)", got, before+2)
	}
	stop()
	if got := fds(); got != before {
		t.Errorf("%d descriptors open after stop, want %d", got, before)
	}
	got, err := os.ReadFile(now)
	if err != nil || !bytes.Equal(got, bytes.Repeat(data, 20)) {
		t.Errorf("content of the file changed (%d bytes, %v)", len(got), err)
	}
}
