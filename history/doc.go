// Package history says what changed between two stored versions of a
// practice model: the Perustiedot fields (old and new value), the
// sentences added to and removed from each section whose text changed,
// and how the coding changed (described or not, methods and phases
// gained or lost, with the sentence each was read from).
//
// It depends on model alone; the store finds the versions and reports
// renders the changes.
package history
