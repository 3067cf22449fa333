package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"unsafe"

	"github.com/innokyla/innokyla/model"
	"golang.org/x/sys/unix"
)

// mappedKB is the resident size in KB of the mapping of this process that
// starts at addr, from /proc/self/smaps.
func mappedKB(t *testing.T, addr uintptr) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	defer f.Close()
	head := fmt.Sprintf("%x-", addr)
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if fs := strings.Fields(l); len(fs) > 0 && strings.Contains(fs[0], "-") {
			in = strings.HasPrefix(l, head)
			continue
		}
		if rest, ok := strings.CutPrefix(l, "Rss:"); ok && in {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatalf("smaps: %q", l)
			}
			return kb
		}
	}
	t.Fatalf("no mapping at %x in /proc/self/smaps", addr)
	return 0
}

// TestPopulateMap holds that populateMap maps in every page of a file's
// mapping that nothing has touched yet, finds the mapping by the file
// (another file's mapping is left alone), and leaves the content as it is.
func TestPopulateMap(t *testing.T) {
	dir := t.TempDir()
	const size = 1 << 20
	mapFile := func(name string, fill byte) []byte {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(strings.Repeat(string(fill), size)), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, err := unix.Mmap(int(f.Fd()), 0, size, unix.PROT_READ, unix.MAP_SHARED)
		if err != nil {
			t.Skipf("mmap: %v", err)
		}
		t.Cleanup(func() { unix.Munmap(b) })
		return b
	}
	a, other := mapFile("a.db", 'a'), mapFile("b.db", 'b')
	addr := func(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
	if kb := mappedKB(t, addr(a)); kb != 0 {
		t.Skipf("the fresh mapping has %d kB resident already", kb)
	}
	if err := populateMap(filepath.Join(dir, "a.db")); errors.Is(err, unix.EINVAL) {
		t.Skip("kernel without MADV_POPULATE_READ")
	} else if err != nil {
		t.Fatal(err)
	}
	if kb := mappedKB(t, addr(a)); kb != size/1024 {
		t.Errorf("after populateMap %d kB of the mapping resident, want all %d", kb, size/1024)
	}
	if kb := mappedKB(t, addr(other)); kb != 0 {
		t.Errorf("another file's mapping has %d kB resident", kb)
	}
	if a[0] != 'a' || a[size-1] != 'a' || other[0] != 'b' {
		t.Error("content changed")
	}
	if err := populateMap(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestEachToCodePopulates holds that EachToCode has its mapping of the
// corpus populated while it reads: by the time the first model is handed
// over, at most a few pages have been touched, and the rest come in
// without the reader touching them.
func TestEachToCodePopulates(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ms []*model.Model
	for i := range 1000 {
		m := sample(fmt.Sprintf("m%04d", i), "r", "2024-01-01")
		m.Sections[0].Text = strings.Repeat("Asiakkaat kehittivät mallia työpajoissa. ", 100)
		ms = append(ms, m)
	}
	if _, err := s.PutAll(ctx, ms); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	first := true
	err := s.EachToCode(ctx, "A", false, func(*ToCode) error {
		if !first {
			return nil
		}
		first = false
		maps, err := fileMaps(s.path)
		if err != nil || len(maps) != 1 {
			t.Fatalf("mappings of the corpus: %v, %v", maps, err)
		}
		want := int(maps[0].end-maps[0].start) / 1024
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			kb := mappedKB(t, maps[0].start)
			if kb == want {
				return nil
			}
			if time.Now().After(deadline) {
				t.Errorf("%d of %d kB of the corpus mapped in while the first model is read", kb, want)
				return nil
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
}
