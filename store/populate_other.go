//go:build !linux

package store

// populateMap is a no-op off Linux (see populate_linux.go).
func populateMap(path string) error { return nil }
