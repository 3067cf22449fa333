package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"

	"github.com/innokyla/innokyla/model"
)

// complete reports whether the run reads the whole site: no filter limits
// it. Run settles only a run that finished its discovery and its targets.
func (c *Crawler) complete() bool {
	o := c.opts
	return len(o.URLs) == 0 && len(o.Regions) == 0 && o.Since == "" && o.Max == 0
}

// settleRun tells a frontier that keeps withdrawals what the finished run
// found: withdrawn models found again are restored, and a complete run
// withdraws the stored models it no longer found or that are gone.
func (c *Crawler) settleRun(ctx context.Context, run int64) error {
	st, ok := c.front.(model.Settler)
	c.sum.Complete = c.complete()
	if !ok {
		return nil
	}
	c.mu.Lock()
	gone := append([]string(nil), c.gone...)
	c.mu.Unlock()
	sort.Strings(gone)
	res, err := st.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: c.name, Complete: c.sum.Complete, Gone: gone, Now: c.opts.Now()})
	if err != nil {
		return fmt.Errorf("crawl %s: %w", c.site, err)
	}
	c.sum.Withdrawn, c.sum.Restored, c.sum.WithdrawRefused = res.Withdrawn, res.Restored, res.Refused
	return nil
}

// noteGone remembers a target whose main page answered 404 or 410.
func (c *Crawler) noteGone(target string, err error) {
	var fe *FetchError
	if !errors.As(err, &fe) || fe.URL != target || (fe.Status != http.StatusNotFound && fe.Status != http.StatusGone) {
		return
	}
	c.mu.Lock()
	c.gone = append(c.gone, target)
	c.mu.Unlock()
}
