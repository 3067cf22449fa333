package main

import (
	"runtime/debug"
)

// memoryTuning is the GC target and soft memory limit a command runs with.
type memoryTuning struct {
	gcPercent int
	limit     int64
}

// indexMemoryLimit is the soft memory limit of index and run.
const indexMemoryLimit = 180 << 20

// tuningFor says how a command tunes the garbage collector; ok is false
// for commands that keep Go's defaults.
//
// A crawl's live heap is small and flat (pages in flight, one group of
// commits) but every page allocates its parse tree: a collection per 4x
// the live heap instead of 2x halves the GC's share of its CPU time, and
// the limit keeps the heap from growing 4x over a large sitemap. Indexing
// allocates a great deal of short-lived memory over a live heap of about
// 100 MB; the limit keeps merges that briefly hold more from growing it
// 4x. At 512 MB the heap grew to 300 MB of garbage at 10,000 models. A
// build's live heap is about 50 MB and the limit sets how often the
// collector runs: 190 against 160 MB took 10% less CPU at 100,000 models
// (paired, under load); at 180 MB the heap peaks near 183 MB. run takes
// the larger of its stages'. The index package's BenchmarkIndexBuild uses
// the index figures.
func tuningFor(command string) (memoryTuning, bool) {
	switch command {
	case "crawl":
		return memoryTuning{gcPercent: 300, limit: 64 << 20}, true
	case "classify":
		// Workers decode and code records over a small live heap (the
		// pipeline holds a few hundred models): at GOGC 400 the
		// collector's share of 100,000 models fell from 7.2 to 6.7 CPU-s.
		return memoryTuning{gcPercent: 400, limit: 128 << 20}, true
	case "index", "run":
		return memoryTuning{gcPercent: 300, limit: indexMemoryLimit}, true
	}
	return memoryTuning{}, false
}

// tuneMemory sets the tuning of command once, before it runs, unless
// GOGC is set in the environment (GOMEMLIMIT keeps the limit alone). It
// returns what restores the earlier settings, for tests that run several
// commands in one process.
func tuneMemory(command string, getenv func(string) string) (restore func()) {
	t, ok := tuningFor(command)
	if !ok || getenv("GOGC") != "" {
		return func() {}
	}
	gc := debug.SetGCPercent(t.gcPercent)
	if getenv("GOMEMLIMIT") != "" {
		return func() { debug.SetGCPercent(gc) }
	}
	limit := debug.SetMemoryLimit(t.limit)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}
