package datalock

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestHeldByAnotherProcess: while a child process holds the lock, Acquire
// fails at once naming its pid, command and start; once it ends, the lock
// is free again, however it ended.
func TestHeldByAnotherProcess(t *testing.T) {
	if os.Getenv("DATALOCK_CHILD") != "" {
		l, err := Acquire(os.Getenv("DATALOCK_CHILD"), "innokyla crawl --site x", time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC))
		if err != nil {
			os.Exit(3)
		}
		_ = l
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Minute) // killed by the parent
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeldByAnotherProcess$")
	cmd.Env = append(os.Environ(), "DATALOCK_CHILD="+dir)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	if _, err := out.Read(buf); err != nil || string(buf) != "locked\n" {
		t.Fatalf("child: %q %v", buf, err)
	}
	start := time.Now()
	_, err := Acquire(dir, "innokyla import x.jsonl", time.Now())
	var held *HeldError
	if !errors.As(err, &held) {
		t.Fatalf("second writer: %v", err)
	}
	if held.PID != cmd.Process.Pid || held.Command != "innokyla crawl --site x" || !held.Since.Equal(time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("holder %+v; want pid %d", held, cmd.Process.Pid)
	}
	if msg := err.Error(); !strings.Contains(msg, "pid ") || !strings.Contains(msg, "crawl") {
		t.Errorf("message %q does not name the holder", msg)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("the second writer waited instead of failing at once")
	}
	cmd.Process.Kill() // kill -9: the kernel releases the lock
	cmd.Wait()
	l, err := Acquire(dir, "innokyla import", time.Now())
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
}

func TestReleaseLetsTheNextIn(t *testing.T) {
	dir := t.TempDir()
	a, err := Acquire(dir, "a", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Acquire(dir, "b", time.Now()); err == nil {
		t.Fatal("a second lock in the same process while the first is held")
	}
	a.Release()
	b, err := Acquire(dir, "b", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	b.Release()
}
