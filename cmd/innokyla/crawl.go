package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/innokyla/innokyla/crawler"
	"github.com/spf13/cobra"
)

// CrawlOptions are the flags and arguments of the crawl command.
type CrawlOptions struct {
	F         *Factory
	Site      string   // URL or a saved mirror directory
	URLs      []string // explicit model page URLs
	Regions   []string // --region filters as given
	Since     string
	Max       int
	Delay     time.Duration
	Parallel  int
	UserAgent string
	JSON      bool

	// Transport replaces the HTTP transport (tests); nil: the network.
	Transport http.RoundTripper
	// Timeout and Backoff tune retries (tests); zero: the defaults.
	Timeout, Backoff time.Duration
}

// NewCmdCrawl builds the crawl command.
func NewCmdCrawl(f *Factory, runF func(context.Context, *CrawlOptions) error) *cobra.Command {
	opts := &CrawlOptions{F: f}
	cmd := &cobra.Command{
		Use:   "crawl --site URL|DIR [URL...]",
		Short: "Fetch practice models from an Innokylä-style site or a saved mirror into the corpus",
		Long: `Fetch practice models (toimintamallit) into the corpus.

--site is the site's address (https://innokyla.fi) or a saved mirror
directory (testdata/site). Models are found from the sitemap (with lastmod),
else the listing pages and their pagination, and from project pages. Give
model URLs as arguments to fetch only those.

The crawl is polite: robots.txt is obeyed, the User-Agent names innokyla and
where to read about it, one request per second to the host by default
(--delay, --parallel), Retry-After is honoured, failing requests are retried
a few times with growing pauses.

Stop it at any time (Ctrl-C): what was stored is kept, and the same command
resumes without fetching stored pages again. A later crawl asks the site
only for what changed (ETag, Last-Modified, sitemap lastmod); a changed
model gets a new version and the old one is kept. Pages that keep failing
are listed in the summary and tried again on the next run.

A complete crawl (no --max, --region, --since or model URLs) marks the
stored models of the site it no longer finds, or that answer 404 or 410,
as withdrawn (their versions stay; reports leave them out), unless that
is more than a fifth of them: then it withdraws nothing and says why. A
withdrawn model found again is restored. innokyla crawls lists the crawls.

On the real site, the same forms:
  innokyla crawl --site https://innokyla.fi --region Pirkanmaa --since 2024-01-01
  innokyla crawl --site https://innokyla.fi https://innokyla.fi/fi/toimintamalli/SLUG

Exit codes: 0 done (also with some failed pages, listed), 1 nothing could be
crawled or the corpus could not be written, 2 bad flags, 130 interrupted.`,
		Example: `  innokyla crawl --site testdata/site
  innokyla crawl --site testdata/site --region Pirkanmaa --since 2024-01-01
  innokyla crawl --site testdata/site https://innokyla.example/fi/toimintamalli/kotihoidon-digiohjaus-lahti`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.URLs = args
			if !cmd.Flags().Changed("delay") && opts.Site != "" && !isHTTPSite(opts.Site) {
				opts.Delay = 0 // a mirror directory is no host to spare
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCrawl(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Site, "site", "", "site URL or saved mirror directory")
	fl.StringArrayVar(&opts.Regions, "region", nil, "only models of this welfare region (name, short name, maakunta or municipality; repeatable)")
	fl.StringVar(&opts.Since, "since", "", "only models modified on or after `YYYY-MM-DD`")
	fl.IntVar(&opts.Max, "max", 0, "at most `N` models (0: all)")
	fl.DurationVar(&opts.Delay, "delay", crawler.DefaultDelay, "pause between requests to the host (a mirror directory: none unless given)")
	fl.IntVar(&opts.Parallel, "parallel", 1, "requests in flight to the host")
	fl.StringVar(&opts.UserAgent, "user-agent", "", "User-Agent header (default names innokyla and its home page)")
	fl.BoolVar(&opts.JSON, "json", false, "print the summary as JSON on stdout")
	return cmd
}

// crawlPlan is what runCrawl makes of the options.
type crawlPlan struct {
	site, name string
	transport  http.RoundTripper
	regions    []string
	urls       []string
}

func planCrawl(opts *CrawlOptions) (*crawlPlan, error) {
	p := &crawlPlan{transport: opts.Transport}
	switch {
	case opts.Site == "" && len(opts.URLs) == 0:
		return nil, usageError(fmt.Errorf("crawl: give --site URL|DIR or model URLs"))
	case opts.Site == "":
	case isHTTPSite(opts.Site):
		p.site = opts.Site
	default:
		if err := p.mirror(opts.Site, opts.URLs); err != nil {
			return nil, err
		}
	}
	if p.urls == nil {
		p.urls = opts.URLs
	}
	regions, err := parseRegions(opts.Regions)
	if err != nil {
		return nil, err
	}
	p.regions = regions
	sort.Strings(p.regions)
	if opts.Since != "" {
		if _, err := time.Parse("2006-01-02", opts.Since); err != nil {
			return nil, usageError(fmt.Errorf("crawl: --since %q is not a date YYYY-MM-DD", opts.Since))
		}
	}
	switch {
	case opts.Max < 0:
		return nil, usageError(fmt.Errorf("crawl: --max %d is negative", opts.Max))
	case opts.Delay < 0:
		return nil, usageError(fmt.Errorf("crawl: --delay %s is negative", opts.Delay))
	case opts.Parallel < 1:
		return nil, usageError(fmt.Errorf("crawl: --parallel %d: need at least 1", opts.Parallel))
	}
	return p, nil
}

// mirror plans a crawl of a saved mirror directory: its transport, and the
// model URLs given as paths in it.
func (p *crawlPlan) mirror(site string, urls []string) error {
	dir := strings.TrimPrefix(site, "file://")
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		what := "does not exist"
		if err == nil {
			what = "is not a directory"
		}
		return withHint(fmt.Errorf("crawl: site %s %s", site, what),
			"Try: --site https://innokyla.fi, or --site DIR naming a saved mirror (e.g. testdata/site)")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("crawl: site %s: %w", dir, err)
	}
	tr, err := crawler.NewMirrorTransport(abs, nil)
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	p.site, p.name, p.transport = crawler.MirrorRoot, "mirror:"+abs, tr
	// A model's published URL names its page in the mirror by its path.
	for _, u := range urls {
		if pu, err := url.Parse(u); err == nil && isHTTPSite(u) {
			u = pu.Path
		}
		p.urls = append(p.urls, u)
	}
	return nil
}

// isHTTPSite reports whether --site names a web site rather than a directory.
func isHTTPSite(site string) bool {
	return strings.HasPrefix(site, "http://") || strings.HasPrefix(site, "https://")
}

func runCrawl(ctx context.Context, opts *CrawlOptions) error {
	plan, err := planCrawl(opts)
	if err != nil {
		return err
	}
	s, err := opts.F.WriteStore(ctx, true)
	if err != nil {
		return err
	}
	ua := opts.UserAgent
	if ua == "" {
		ua = crawler.DefaultUserAgent(opts.F.Version)
	}
	co := crawler.Options{
		Site: plan.site, Name: plan.name, URLs: plan.urls, Regions: plan.regions, Since: opts.Since,
		Max: opts.Max, Delay: opts.Delay, Parallel: opts.Parallel, UserAgent: ua,
		Transport: plan.transport, Timeout: opts.Timeout, Backoff: opts.Backoff, Now: opts.F.Now,
	}
	p := opts.F.Progress("crawl", "model", -1)
	defer p.Done()
	co.OnProgress = p.Set
	c, err := crawler.New(co, s)
	if err != nil {
		return usageError(err)
	}
	sum, err := c.Run(ctx)
	p.Done() // before the summary
	if sum != nil && plan.name != "" {
		sum.Site = opts.Site // the mirror directory, not file:///
	}
	if uerr, ok := unreachable(opts.Site, sum, err); ok {
		return uerr // nothing was read: the one line says it all
	}
	if sum != nil {
		if perr := printCrawlSummary(opts, sum); perr != nil && err == nil {
			err = perr
		}
	}
	return err
}

func printCrawlSummary(opts *CrawlOptions, sum *crawler.Summary) error {
	if opts.JSON {
		return writeJSON(opts.F.Out, sum)
	}
	return writeCrawlSummary(opts.F.Err, sum)
}

// writeCrawlSummary writes the human summary of a crawl.
func writeCrawlSummary(w io.Writer, s *crawler.Summary) error {
	resumed := ""
	if s.Resumed {
		resumed = " (resumed)"
	}
	fmt.Fprintf(w, "crawl %s%s: %d models found, %d pages fetched, %d not modified, %d requests in %.1fs\n",
		s.Site, resumed, s.Targets, s.Fetched, s.NotModified, s.Requests, s.Seconds)
	fmt.Fprintf(w, "models: %d new, %d changed, %d unchanged, %d skipped by filters, %d done before the resume\n",
		s.New, s.Changed, s.Unchanged, s.Skipped, s.Done)
	if s.Blocked > 0 {
		fmt.Fprintf(w, "robots.txt disallowed %d pages\n", s.Blocked)
	}
	writeWithdrawals(w, s)
	if s.Shrunk > 0 {
		fmt.Fprintf(w, "warning: %d changed models lost most of their sections; stored as new versions, the earlier ones kept:\n", s.Shrunk)
		for _, m := range s.ShrunkModels {
			fmt.Fprintf(w, "  %s: %d sections with text, was %d\n", m.URL, m.After, m.Before)
		}
		if s.Shrunk > len(s.ShrunkModels) {
			fmt.Fprintf(w, "  ... and %d more\n", s.Shrunk-len(s.ShrunkModels))
		}
	}
	if s.NotModel > 0 {
		fmt.Fprintf(w, "not a model page: %d (answered 200 without a title and Perustiedot; nothing stored, stored versions kept)\n", s.NotModel)
		for _, u := range s.NotModelPages {
			fmt.Fprintf(w, "  %s\n", u)
		}
		if s.NotModel > len(s.NotModelPages) {
			fmt.Fprintf(w, "  ... and %d more\n", s.NotModel-len(s.NotModelPages))
		}
	}
	if n := s.FailedTotal(); n > 0 {
		kinds := make([]string, 0, len(s.Failed))
		for k, v := range s.Failed {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, v))
		}
		sort.Strings(kinds)
		fmt.Fprintf(w, "failed: %d (%s); they are tried again on the next crawl\n", n, strings.Join(kinds, ", "))
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  %s: %s\n", f.Kind, f.Error)
		}
		if n > len(s.Failures) {
			fmt.Fprintf(w, "  ... and %d more\n", n-len(s.Failures))
		}
	}
	return nil
}
