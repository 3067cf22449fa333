package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/schollz/progressbar/v3"
)

// defaultProgressEvery is how often a long command writes a plain progress
// line when stderr is not a terminal (a log file, CI).
const defaultProgressEvery = 10 * time.Second

// progress tells how far a long command (crawl, import, classify, index,
// report, export) is, on stderr: a bar with count, rate and time left
// when stderr is a terminal, a plain line every ProgressEvery when it is
// not, nothing with --quiet. Safe for use by several goroutines.
type progress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar // terminal
	w     io.Writer                // plain lines
	what  string
	unit  string
	done  int64
	total int64 // -1: unknown
	every time.Duration
	start time.Time
	last  time.Time
	now   func() time.Time
}

// Progress starts the progress of what ("classify"), counting unit
// ("model") up to total (-1 when not known yet).
func (f *Factory) Progress(what, unit string, total int) *progress {
	p := &progress{what: what, unit: unit, total: int64(total), now: f.now}
	p.start, p.last = p.now(), p.now()
	switch {
	case f.Quiet:
	case IsTerminal(f.Err):
		p.bar = progressbar.NewOptions64(p.total,
			progressbar.OptionSetWriter(rawTerminal(f.Err)),
			progressbar.OptionSetDescription(what),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString(unit+"s"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth(),
		)
	default:
		p.w, p.every = f.Err, f.ProgressEvery
		if p.every == 0 {
			p.every = defaultProgressEvery
		}
	}
	return p
}

// SetTotal sets the total once it is known.
func (p *progress) SetTotal(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = int64(total)
	if p.bar != nil {
		p.bar.ChangeMax64(p.total)
	}
}

// Set sets how many are done of how many found so far (a crawl finds its
// models as it goes).
func (p *progress) Set(done, total int) {
	p.mu.Lock()
	if int64(total) != p.total {
		p.total = int64(total)
		if p.bar != nil {
			p.bar.ChangeMax64(p.total)
		}
	}
	n := int64(done) - p.done
	p.mu.Unlock()
	if n > 0 {
		p.Add(int(n))
	}
}

// Add counts n more done.
func (p *progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += int64(n)
	if p.bar != nil {
		_ = p.bar.Add(n) // a terminal write that fails is not the work's failure
		return
	}
	if p.w == nil {
		return
	}
	if now := p.now(); now.Sub(p.last) >= p.every {
		p.last = now
		fmt.Fprintln(p.w, p.line(now))
	}
}

// Done removes the bar; the command's summary follows.
func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}

// line is the plain progress line: "classify: 12,000 of 100,000 models
// (12 %), 9,500 models/s, about 9s left".
func (p *progress) line(now time.Time) string {
	s := fmt.Sprintf("%s: %s", p.what, count(p.done, p.unit))
	if p.total >= 0 {
		s = fmt.Sprintf("%s: %d of %s", p.what, p.done, count(p.total, p.unit))
		if p.total > 0 {
			s += fmt.Sprintf(" (%.0f %%)", 100*float64(p.done)/float64(p.total))
		}
	}
	el := now.Sub(p.start).Seconds()
	if el > 0 && p.done > 0 {
		rate := float64(p.done) / el
		s += fmt.Sprintf(", %.0f %ss/s", rate, p.unit)
		if p.total > p.done {
			left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
			s += fmt.Sprintf(", about %s left", left.Round(time.Second))
		}
	}
	return s
}

// eachProgress walks the models of q like s.Each, with the progress of
// what. The total is known for a walk of every model.
func eachProgress(ctx context.Context, f *Factory, s *store.Store, q store.Query, what string, fn func(*model.Model) error) error {
	total := -1
	if len(q.IDs)+len(q.URLs)+len(q.Regions) == 0 && q.Since == "" && q.Until == "" && q.Coding != store.CodingReviewed {
		if n, err := s.Count(ctx); err == nil {
			total = n
		}
	}
	p := f.Progress(what, "model", total)
	defer p.Done()
	return s.Each(ctx, q, func(m *model.Model) error {
		p.Add(1)
		return fn(m)
	})
}
