package main

import (
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestTuneMemory(t *testing.T) {
	for _, tc := range []struct {
		name, command string
		env           map[string]string
		gc            int
		limit         int64 // -1: left alone
	}{
		{"crawl", "crawl", nil, 300, 64 << 20},
		{"index", "index", nil, 300, indexMemoryLimit},
		{"run takes the larger", "run", nil, 300, indexMemoryLimit},
		{"GOGC wins", "index", map[string]string{"GOGC": "100"}, -1, -1},
		{"GOMEMLIMIT keeps the limit", "crawl", map[string]string{"GOMEMLIMIT": "1GiB"}, 300, -1},
		{"search keeps the defaults", "search", nil, -1, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gc0, limit0 := gcPercent(), debug.SetMemoryLimit(-1)
			restore := tuneMemory(tc.command, func(k string) string { return tc.env[k] })
			wantGC, wantLimit := tc.gc, tc.limit
			if wantGC < 0 {
				wantGC = gc0
			}
			if wantLimit < 0 {
				wantLimit = limit0
			}
			if gc, limit := gcPercent(), debug.SetMemoryLimit(-1); gc != wantGC || limit != wantLimit {
				t.Errorf("tuned: GOGC %d, limit %d; want %d, %d", gc, limit, wantGC, wantLimit)
			}
			restore()
			if gc, limit := gcPercent(), debug.SetMemoryLimit(-1); gc != gc0 || limit != limit0 {
				t.Errorf("restored: GOGC %d, limit %d; want %d, %d", gc, limit, gc0, limit0)
			}
		})
	}
}
