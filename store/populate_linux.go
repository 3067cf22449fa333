package store

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// populateMap has the kernel fill in the page tables of every mapping of
// the file at path in this process, one call per mapping
// (MADV_POPULATE_READ), so that a reader going through SQLite's memory map
// takes no page fault on its first touch of each part of the file. Pages
// not yet in memory are read as a read would read them. It changes nothing
// SQLite relies on; a kernel before 5.14 refuses it and the pages are
// faulted in one by one as before.
func populateMap(path string) error {
	maps, err := fileMaps(path)
	if err != nil {
		return fmt.Errorf("populate %s: %w", path, err)
	}
	for _, m := range maps {
		if _, _, e := unix.Syscall(unix.SYS_MADVISE, m.start, m.end-m.start, unix.MADV_POPULATE_READ); e != 0 {
			return fmt.Errorf("populate %s: %w", path, e)
		}
	}
	return nil
}

// mapping is an address range of this process.
type mapping struct{ start, end uintptr }

// fileMaps lists this process's mappings of the file at path, known in
// /proc/self/maps by its device and inode, or by its path (overlayfs
// shows the device of the layer below).
func fileMaps(path string) ([]mapping, error) {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	dev := fmt.Sprintf("%02x:%02x", unix.Major(st.Dev), unix.Minor(st.Dev))
	ino := strconv.FormatUint(st.Ino, 10)
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var maps []mapping
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode path
		fs := strings.Fields(sc.Text())
		if len(fs) < 6 || (fs[3] != dev || fs[4] != ino) && strings.Join(fs[5:], " ") != abs {
			continue
		}
		lo, hi, _ := strings.Cut(fs[0], "-")
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("/proc/self/maps: bad range %q", fs[0])
		}
		maps = append(maps, mapping{uintptr(start), uintptr(end)})
	}
	return maps, sc.Err()
}
