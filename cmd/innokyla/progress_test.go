package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgressPlainLines: stderr that is not a terminal gets a plain line
// at most every ProgressEvery, with count, share, rate and time left; with
// --quiet nothing.
func TestProgressPlainLines(t *testing.T) {
	clock := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	for _, tc := range []struct {
		name  string
		quiet bool
		total int
		want  []string
	}{
		{"known total", false, 1000, []string{
			"classify: 100 of 1000 models (10 %), 10 models/s, about 1m30s left",
			"classify: 200 of 1000 models (20 %), 10 models/s, about 1m20s left",
			"classify: 300 of 1000 models (30 %), 10 models/s, about 1m10s left",
		}},
		{"unknown total", false, -1, []string{
			"classify: 100 models, 10 models/s",
			"classify: 200 models, 10 models/s",
			"classify: 300 models, 10 models/s",
		}},
		{"quiet", true, 1000, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
			var errw bytes.Buffer
			f := &Factory{Err: &errw, Now: now, Quiet: tc.quiet, ProgressEvery: 10 * time.Second}
			p := f.Progress("classify", "model", tc.total)
			for i := 0; i < 300; i++ {
				clock = clock.Add(100 * time.Millisecond) // 10 models a second
				p.Add(1)
				if i == 150 { // no line yet: 15 s since the first
					if n := strings.Count(errw.String(), "\n"); !tc.quiet && n != 1 {
						t.Fatalf("after 15 s: %d lines, want 1:\n%s", n, errw.String())
					}
				}
			}
			p.Done()
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(errw.String()), "\n") {
				if l != "" {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestLongCommandsQuiet: --quiet leaves stderr to errors and summaries;
// without it a non-terminal gets no bar (no carriage returns or escapes).
func TestLongCommandsQuiet(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	for _, args := range [][]string{{"classify"}, {"index"}, {"export", "--format", "csv", "--out", "-"}} {
		t.Run(args[0], func(t *testing.T) {
			code, _, errOut := c.run(append([]string{"--quiet"}, args...)...)
			if code != 0 || strings.ContainsAny(errOut, "\r\x1b") || strings.Contains(errOut, " of ") {
				t.Errorf("%v --quiet: exit %d, stderr %q", args, code, errOut)
			}
			code, _, errOut = c.run(args...)
			if code != 0 || strings.ContainsAny(errOut, "\r\x1b") {
				t.Errorf("%v: exit %d, a bar on a stderr that is not a terminal: %q", args, code, errOut)
			}
		})
	}
}
