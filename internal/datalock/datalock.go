// Package datalock lets one process at a time write a data directory.
// The lock is an flock on <dir>/.lock, so the kernel releases it when its
// process ends, however it ends; the file names the holder for the
// message a second writer gets.
package datalock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// FileName is the lock file in a data directory.
const FileName = ".lock"

// Lock is a held lock; Release gives it back.
type Lock struct{ f *os.File }

// HeldError is the error of Acquire while another process holds the lock.
type HeldError struct {
	Dir     string
	PID     int
	Command string
	Since   time.Time
}

func (e *HeldError) Error() string {
	if e.PID == 0 {
		return fmt.Sprintf("another innokyla is writing to %s", e.Dir)
	}
	return fmt.Sprintf("another innokyla is writing to %s: pid %d, %q, since %s",
		e.Dir, e.PID, e.Command, e.Since.Local().Format("2006-01-02 15:04:05"))
}

// Acquire takes the lock of dir for command, or returns a *HeldError at
// once when another process holds it.
func Acquire(dir, command string, now time.Time) (*Lock, error) {
	path := filepath.Join(dir, FileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, holder(dir, path)
		}
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	info := fmt.Sprintf("%d\n%s\n%s\n", os.Getpid(), now.UTC().Format(time.RFC3339), command)
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(info), 0) // for the message only: a failure does not matter
	}
	return &Lock{f: f}, nil
}

// holder reads who holds the lock at path.
func holder(dir, path string) error {
	e := &HeldError{Dir: dir}
	b, err := os.ReadFile(path)
	if err != nil {
		return e
	}
	lines := strings.SplitN(string(b), "\n", 3)
	if len(lines) == 3 {
		e.PID, _ = strconv.Atoi(lines[0])
		e.Since, _ = time.Parse(time.RFC3339, lines[1])
		e.Command = strings.TrimSpace(lines[2])
	}
	return e
}

// Release gives the lock back. The file stays: removing it would let a
// third process lock a new file while a second waits on the old one.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing releases the flock
	l.f = nil
	return err
}
