package crawler

import (
	"fmt"
	"time"
)

// progress writes one status line (and calls OnProgress), at most ten
// times a second, or the last one with a newline when final.
func (c *Crawler) progress(final bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := time.Now()
	if !final && now.Sub(c.lastProgress) < 100*time.Millisecond {
		return
	}
	c.lastProgress = now
	s := &c.sum
	done := s.New + s.Changed + s.Unchanged + s.Skipped + s.Done + s.FailedTotal()
	if c.opts.OnProgress != nil {
		c.opts.OnProgress(done, s.Targets)
	}
	if c.opts.Progress == nil {
		return
	}
	fmt.Fprintf(c.opts.Progress, "\rcrawl: %d/%d models  %d new  %d changed  %d unchanged  %d failed ",
		done, s.Targets, s.New, s.Changed, s.Unchanged, s.FailedTotal())
	if final {
		fmt.Fprintln(c.opts.Progress)
	}
}
