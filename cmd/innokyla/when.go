package main

import (
	"fmt"
	"time"
)

// parseWhen reads a DATE (YYYY-MM-DD, UTC) or an RFC 3339 time given to
// flag. A date stands for its first moment, or with endOfDay for its last
// second (as-of a day includes what was stored that day).
func parseWhen(flag, s string, endOfDay bool) (time.Time, error) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		if endOfDay {
			d = d.AddDate(0, 0, 1).Add(-time.Second)
		}
		return d, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, withHint(usageError(fmt.Errorf("%s %q is not a date or an RFC 3339 time", flag, s)),
			"Try: "+flag+" 2026-12-04 or "+flag+" 2026-12-04T13:00:00Z")
	}
	return t.UTC(), nil
}
