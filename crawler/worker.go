package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/innokyla/innokyla/model"
)

// maxFailures is how many failures the summary lists one by one.
const maxFailures = 20

// targetPage is how many targets the crawl reads from the frontier at a
// time.
const targetPage = 512

// process crawls the run's targets with Parallel workers, reading them
// from the frontier page by page. After ctx is cancelled no new target
// starts.
func (c *Crawler) process(ctx context.Context, run model.CrawlRun) error {
	c.commits = startCommitter(ctx, c.front, c.name)
	work := make(chan *model.CrawlTarget)
	errc := make(chan error, c.opts.Parallel)
	var wg sync.WaitGroup
	for range c.opts.Parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				if err := c.target(ctx, run, t); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	var err error
	after := ""
feed:
	for ctx.Err() == nil {
		ts, ferr := c.front.CrawlTargets(ctx, run.ID, c.name, after, targetPage)
		if ferr != nil {
			if ctx.Err() == nil {
				err = fmt.Errorf("crawl %s: %w", c.site, ferr)
			}
			break
		}
		if len(ts) == 0 {
			break
		}
		after = ts[len(ts)-1].URL
		for i := range ts {
			select {
			case <-ctx.Done():
				break feed
			case err = <-errc:
				break feed
			case work <- &ts[i]:
			}
		}
	}
	close(work)
	wg.Wait()
	c.commits.stop()
	close(errc)
	if err == nil {
		err = <-errc
	}
	return err
}

// target crawls one model. Errors of the site are recorded as failures;
// only an error of the frontier (the store) is returned.
func (c *Crawler) target(ctx context.Context, run model.CrawlRun, t *model.CrawlTarget) error {
	if t.DoneRun == run.ID {
		c.count(func(s *Summary) { s.Done++ })
		return nil
	}
	if c.opts.Since != "" && t.Lastmod != "" && t.Lastmod < c.opts.Since {
		c.count(func(s *Summary) { s.Skipped++ })
		return nil
	}
	// The sitemap says the model did not change since it was last read:
	// the filters decide from what was read then, and a stored model is
	// unchanged.
	if t.Lastmod != "" && t.Lastmod == t.ReadLastmod && t.ModelID != "" {
		if !c.anyRegion(t.Regions) || c.opts.Since != "" && t.Modified != "" && t.Modified < c.opts.Since {
			c.count(func(s *Summary) { s.Skipped++ })
			return nil
		}
		if t.Lastmod == t.StoredLastmod {
			// Found unchanged without a request: not counted against Max.
			return c.commit(ctx, model.CrawlCommit{Run: run.ID, Target: t.URL, Lastmod: t.Lastmod, Stored: true,
				ModelID: t.ModelID, Regions: t.Regions, Modified: t.Modified,
				MainETag: t.MainETag, MainLastModified: t.MainLastModified,
				PathETag: t.PathETag, PathLastModified: t.PathLastModified}, model.CrawlUnchanged)
		}
	}
	if !c.reserve() {
		c.count(func(s *Summary) { s.Skipped++ })
		return nil
	}
	main := t.Partial
	if main == nil {
		// Ask conditionally when the model was stored before and no
		// sitemap lastmod says it changed (Last-Modified has one-second
		// resolution; a changed lastmod is the better word).
		etag, lm := "", ""
		if t.ModelID != "" && t.Lastmod == "" {
			etag, lm = t.MainETag, t.MainLastModified
		}
		pg, err := c.fetch(t.URL, etag, lm)
		if err != nil {
			c.release()
			return c.fail(ctx, run, t.URL, err)
		}
		if pg.Status == http.StatusNotModified {
			return c.notModified(ctx, run, t)
		}
		main = &model.CrawlPartial{URL: pg.URL, ContentType: pg.ContentType, ETag: pg.ETag, LastModified: pg.LastModified, Body: pg.Body}
	}
	return c.withMain(ctx, run, t, main)
}

// notModified handles a 304 for the main page: the filters decide from
// what was read before, then the path page decides.
func (c *Crawler) notModified(ctx context.Context, run model.CrawlRun, t *model.CrawlTarget) error {
	if !c.anyRegion(t.Regions) || c.opts.Since != "" && t.Modified != "" && t.Modified < c.opts.Since {
		c.release()
		c.count(func(s *Summary) { s.Skipped++ })
		return nil
	}
	pathURL := pathPageURL(t.URL, nil)
	pg, err := c.fetch(pathURL, t.PathETag, t.PathLastModified)
	var fe *FetchError
	switch {
	case err == nil && pg.Status == http.StatusNotModified,
		errors.As(err, &fe) && fe.Status == http.StatusNotFound && t.PathETag == "" && t.PathLastModified == "":
		c.release() // unchanged: not counted against Max
		return c.commit(ctx, model.CrawlCommit{Run: run.ID, Target: t.URL, Lastmod: t.Lastmod, Stored: true,
			ModelID: t.ModelID, Regions: t.Regions, Modified: t.Modified,
			MainETag: t.MainETag, MainLastModified: t.MainLastModified,
			PathETag: t.PathETag, PathLastModified: t.PathLastModified}, model.CrawlUnchanged)
	case err != nil:
		c.release()
		return c.fail(ctx, run, t.URL, err)
	}
	// The path page changed: fetch the main page again, whole.
	mp, err := c.fetch(t.URL, "", "")
	if err != nil {
		c.release()
		return c.fail(ctx, run, t.URL, err)
	}
	main := &model.CrawlPartial{URL: mp.URL, ContentType: mp.ContentType, ETag: mp.ETag, LastModified: mp.LastModified, Body: mp.Body}
	m, _, err := c.readMain(main)
	if err != nil {
		c.release()
		return c.fail(ctx, run, t.URL, err)
	}
	return c.finish(ctx, run, t, m, main, pg)
}

// readMain parses and reads a main page.
func (c *Crawler) readMain(main *model.CrawlPartial) (*model.Model, *goquery.Document, error) {
	mp := &page{URL: main.URL, ContentType: main.ContentType, Body: main.Body}
	doc, err := mp.document()
	if err != nil {
		return nil, nil, &FetchError{Kind: KindExtract, URL: main.URL, Err: err}
	}
	m, err := extractMain(doc, main.URL)
	if err != nil {
		kind := KindExtract
		if errors.Is(err, ErrNotModel) {
			kind = KindNotModel
		}
		return nil, nil, &FetchError{Kind: kind, URL: main.URL, Err: err}
	}
	return m, doc, nil
}

// withMain reads the main page, applies the filters, keeps the page and
// fetches the kehittämisen polku page.
func (c *Crawler) withMain(ctx context.Context, run model.CrawlRun, t *model.CrawlTarget, main *model.CrawlPartial) error {
	m, doc, err := c.readMain(main)
	if err != nil {
		c.release()
		return c.fail(ctx, run, t.URL, err)
	}
	if !c.wanted(m) {
		c.release()
		c.count(func(s *Summary) { s.Skipped++ })
		return c.commit(ctx, model.CrawlCommit{Run: run.ID, Target: t.URL, Lastmod: t.Lastmod,
			ModelID: m.ID, Regions: m.Regions, Modified: modifiedOf(m)}, model.CrawlNone)
	}
	if ctx.Err() != nil {
		return c.keep(ctx, run, t, main)
	}
	base, _ := url.Parse(main.URL)
	pathURL := pathPageURL(t.URL, c.pathLink(doc, base, m.ID))
	pg, err := c.fetch(pathURL, "", "")
	var fe *FetchError
	switch {
	case err == nil:
	case errors.As(err, &fe) && fe.Status == http.StatusNotFound:
		pg = nil // a model without a kehittämisen polku page
	case errors.As(err, &fe) && fe.Kind == KindCanceled:
		return c.keep(ctx, run, t, main)
	default:
		c.release()
		return c.fail(ctx, run, t.URL, err)
	}
	return c.finish(ctx, run, t, m, main, pg)
}

// keep saves a fetched main page when the crawl stops before its model is
// committed, so the resumed run does not fetch it again. A running crawl
// does not write pages it is about to commit: after a kill -9 only the
// pages in flight are fetched again.
func (c *Crawler) keep(ctx context.Context, run model.CrawlRun, t *model.CrawlTarget, main *model.CrawlPartial) error {
	c.release()
	if t.Partial != nil {
		return nil // kept by an earlier run
	}
	if err := c.front.SaveCrawlPartial(context.WithoutCancel(ctx), run.ID, c.name, t.URL, *main); err != nil {
		return fmt.Errorf("crawl %s: %w", t.URL, err)
	}
	return nil
}

// finish adds the kehittämisen polku page (when there is one) to the model
// read from the main page and commits it.
func (c *Crawler) finish(ctx context.Context, run model.CrawlRun, t *model.CrawlTarget, m *model.Model, main *model.CrawlPartial, path *page) error {
	if path != nil {
		pathDoc, err := path.document()
		if err != nil {
			c.release()
			return c.fail(ctx, run, t.URL, &FetchError{Kind: KindExtract, URL: path.URL, Err: err})
		}
		addPath(m, pathDoc)
	}
	m.FetchedAt = c.opts.Now().UTC().Truncate(time.Second)
	cm := model.CrawlCommit{Run: run.ID, Target: t.URL, Lastmod: t.Lastmod, Model: m, Stored: true,
		ModelID: m.ID, Regions: m.Regions, Modified: modifiedOf(m),
		MainETag: main.ETag, MainLastModified: main.LastModified}
	if path != nil {
		cm.PathETag, cm.PathLastModified = path.ETag, path.LastModified
	}
	return c.commitModel(ctx, cm, model.CrawlNone, t.Sections)
}

// commit writes through the frontier and counts the outcome; counted is
// the outcome to count when no model is given.
func (c *Crawler) commit(ctx context.Context, cm model.CrawlCommit, counted model.CrawlOutcome) error {
	return c.commitModel(ctx, cm, counted, 0)
}

// commitModel is commit for a model whose stored version had before
// sections with text (0: unknown).
func (c *Crawler) commitModel(ctx context.Context, cm model.CrawlCommit, counted model.CrawlOutcome, before int) error {
	cm.Now = c.opts.Now()
	out, err := c.commits.commit(cm)
	if err != nil {
		return fmt.Errorf("crawl %s: %w", cm.Target, err)
	}
	if cm.Model == nil {
		out = counted
	}
	c.count(func(s *Summary) {
		switch out {
		case model.CrawlNew:
			s.New++
		case model.CrawlChanged:
			s.Changed++
			if after := cm.Model.FilledSections(); shrunk(before, after) {
				s.Shrunk++
				if len(s.ShrunkModels) < maxFailures {
					s.ShrunkModels = append(s.ShrunkModels, Shrink{URL: cm.Target, Before: before, After: after})
				}
			}
		case model.CrawlUnchanged:
			s.Unchanged++
		}
	})
	return nil
}

// shrunk reports whether a model that had before non-empty sections
// shrank to almost nothing: most of them gone.
func shrunk(before, after int) bool {
	return before >= 2 && 2*after < before
}

// fail records a failed target; the next run tries it again.
func (c *Crawler) fail(ctx context.Context, run model.CrawlRun, target string, err error) error {
	var fe *FetchError
	if errors.As(err, &fe) && fe.Kind == KindCanceled {
		return nil // stopped, not failed: the resumed run fetches it
	}
	kind := c.noteFailure(target, err)
	c.noteGone(target, err)
	if kind == KindRobots {
		return nil
	}
	if ferr := c.front.FailCrawl(context.WithoutCancel(ctx), run.ID, c.name, target, kind, err.Error(), c.opts.Now()); ferr != nil {
		return fmt.Errorf("crawl %s: %w", target, ferr)
	}
	return nil
}

// noteFailure counts a failure in the summary and returns its kind.
func (c *Crawler) noteFailure(u string, err error) string {
	kind := KindNetwork
	var fe *FetchError
	if errors.As(err, &fe) {
		kind = fe.Kind
	}
	c.count(func(s *Summary) {
		switch kind {
		case KindRobots:
			s.Blocked++
			return
		case KindNotModel:
			s.NotModel++
			if len(s.NotModelPages) < maxFailures {
				s.NotModelPages = append(s.NotModelPages, u)
			}
			return
		}
		s.Failed[kind]++
		if len(s.Failures) < maxFailures {
			s.Failures = append(s.Failures, Failure{URL: u, Kind: kind, Error: err.Error()})
		}
	})
	return kind
}

// wanted applies --region and --since to a read model.
func (c *Crawler) wanted(m *model.Model) bool {
	if !c.anyRegion(m.Regions) {
		return false
	}
	if c.opts.Since != "" {
		if d := modifiedOf(m); d != "" && d < c.opts.Since {
			return false
		}
	}
	return true
}

// anyRegion reports whether one of regions passes --region (always true
// without the filter).
func (c *Crawler) anyRegion(regions []string) bool {
	if len(c.regions) == 0 {
		return true
	}
	for _, r := range regions {
		if c.regions[r] {
			return true
		}
	}
	return false
}

func modifiedOf(m *model.Model) string {
	if m.Modified != "" {
		return m.Modified
	}
	return m.Created
}

// reserve counts a model against Max; false when Max is reached.
func (c *Crawler) reserve() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.opts.Max > 0 && c.accepted >= c.opts.Max {
		return false
	}
	c.accepted++
	return true
}

func (c *Crawler) release() {
	c.mu.Lock()
	c.accepted--
	c.mu.Unlock()
}

// pathLink finds the main page's link to its kehittämisen polku page.
func (c *Crawler) pathLink(doc *goquery.Document, base *url.URL, id string) *url.URL {
	var found *url.URL
	doc.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		href, _ := s.Attr("href")
		if u, ok := c.onSite(base, href); ok && strings.Contains(u.Path, "/"+id+"/kehittamisen-polku") {
			found = u
			return false
		}
		return true
	})
	return found
}

// pathPageURL is the kehittämisen polku page of a model page: the link
// found on it, else the model URL with /kehittamisen-polku appended (with
// a trailing slash when the model URL has one).
func pathPageURL(target string, link *url.URL) string {
	if link != nil {
		return link.String()
	}
	if strings.HasSuffix(target, "/") {
		return target + "kehittamisen-polku/"
	}
	return target + "/kehittamisen-polku"
}
