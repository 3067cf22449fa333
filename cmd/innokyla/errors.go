package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit codes, documented in the root help.
const (
	exitOK       = 0
	exitError    = 1 // the work failed: bad input, unreachable site, broken file
	exitUsage    = 2 // unknown command or flag, bad flag value
	exitCanceled = 130
)

type usageErr struct{ err error }

func (e usageErr) Error() string { return e.err.Error() }
func (e usageErr) Unwrap() error { return e.err }

// usageError marks err as a problem with how the command was called.
func usageError(err error) error { return usageErr{err} }

type hintErr struct {
	err  error
	hint string
}

func (e hintErr) Error() string { return e.err.Error() }
func (e hintErr) Unwrap() error { return e.err }

// withHint attaches a line telling the user what to try.
func withHint(err error, hint string) error {
	if err == nil {
		return nil
	}
	return hintErr{err, hint}
}

// printError is the one place errors reach the user. It returns the exit code.
func printError(w io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "innokyla: interrupted; what was stored so far is kept")
		return exitCanceled
	}
	fmt.Fprintf(w, "innokyla: %s\n", strings.TrimSpace(err.Error()))
	var h hintErr
	if errors.As(err, &h) && h.hint != "" {
		fmt.Fprintf(w, "%s\n", h.hint)
	}
	var u usageErr
	if errors.As(err, &u) {
		if !errors.As(err, &h) {
			fmt.Fprintln(w, "Try: innokyla --help")
		}
		return exitUsage
	}
	return exitError
}

// hintOf is the hint attached to err, or "".
func hintOf(err error) string {
	var h hintErr
	if errors.As(err, &h) {
		return h.hint
	}
	return ""
}
