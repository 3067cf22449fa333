package crawler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"

	"github.com/innokyla/innokyla/model"
)

// DefaultUserAgent names the tool and where to read about it.
func DefaultUserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "innokyla/" + version + " (+https://github.com/innokyla/innokyla)"
}

// Defaults of Options.
const (
	DefaultDelay         = time.Second
	DefaultTimeout       = 30 * time.Second
	DefaultRetries       = 3
	DefaultBackoff       = time.Second
	DefaultMaxBackoff    = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
	DefaultMaxBodySize   = 4 << 20
)

// Options configure a crawl. Zero values take the defaults above, except
// Delay: zero means no delay (the CLI's default is DefaultDelay).
type Options struct {
	Site string // the site's root URL; MirrorRoot for a mirror
	// Name identifies the site in the frontier (default: Site). A mirror
	// crawl names its directory, so two mirrors keep apart.
	Name    string
	URLs    []string // explicit model page URLs: no discovery
	Regions []string // canonical region names; empty: every region
	Since   string   // YYYY-MM-DD: models modified (else created) on or after
	// Max is the most models read from the site (0: no limit); models
	// found unchanged without reading them (sitemap lastmod, 304) do not
	// count.
	Max int

	Delay     time.Duration // between requests to the host, per parallel slot
	Parallel  int           // requests in flight to the host (default 1)
	UserAgent string

	Timeout       time.Duration // per attempt
	Retries       int           // retries after the first attempt (negative: none)
	Backoff       time.Duration // first backoff; doubles with jitter
	MaxBackoff    time.Duration
	MaxRetryAfter time.Duration // longest Retry-After honoured; longer fails
	MaxBodySize   int64

	// Transport fetches; nil is a fresh http.Transport. A mirror crawl
	// passes NewMirrorTransport.
	Transport http.RoundTripper
	Progress  io.Writer // a progress line while crawling; nil: none
	// OnProgress is called with the models done and found so far, at most
	// ten times a second and once at the end; nil: not called.
	OnProgress func(done, found int)
	Now        func() time.Time
}

// Summary tells what a crawl did.
type Summary struct {
	Site        string         `json:"site"`
	Run         int64          `json:"run"`
	Resumed     bool           `json:"resumed"`
	Targets     int            `json:"targets"`      // model pages found
	Requests    int64          `json:"requests"`     // HTTP attempts, retries included
	Fetched     int            `json:"fetched"`      // pages received whole
	NotModified int            `json:"not_modified"` // pages answered 304
	New         int            `json:"new"`
	Changed     int            `json:"changed"`
	Unchanged   int            `json:"unchanged"`
	Skipped     int            `json:"skipped"` // filtered out by --region, --since or --max
	Done        int            `json:"done"`    // already done by the resumed run
	Blocked     int            `json:"blocked"` // disallowed by robots.txt
	Failed      map[string]int `json:"failed"`  // by kind
	Failures    []Failure      `json:"failures,omitempty"`
	// NotModel counts pages at model URLs that were not model pages;
	// nothing was stored from them and stored versions stay as they were.
	NotModel      int      `json:"not_model"`
	NotModelPages []string `json:"not_model_pages,omitempty"` // the first ones
	// Shrunk counts changed models stored with most of their sections
	// gone: kept as a new version, but worth a look.
	Shrunk       int      `json:"shrunk"`
	ShrunkModels []Shrink `json:"shrunk_models,omitempty"` // the first ones
	// Complete says the run read the whole site (no --max, --region,
	// --since or URLs; discovery finished; not stopped), so it may
	// withdraw the stored models it no longer found.
	Complete  bool     `json:"complete"`
	Withdrawn []string `json:"withdrawn,omitempty"` // ids withdrawn by the run
	Restored  []string `json:"restored,omitempty"`  // withdrawn before, found again
	// WithdrawRefused says why a complete run withdrew nothing although
	// models were missing (too many at once).
	WithdrawRefused string  `json:"withdraw_refused,omitempty"`
	Seconds         float64 `json:"seconds"`
}

// Shrink is a model stored with most of its sections gone.
type Shrink struct {
	URL    string `json:"url"`
	Before int    `json:"sections_before"` // non-empty sections
	After  int    `json:"sections_after"`
}

// Failure is one page that could not be crawled.
type Failure struct {
	URL   string `json:"url"`
	Kind  string `json:"kind"`
	Error string `json:"error"`
}

// FailedTotal is the number of failed targets.
func (s *Summary) FailedTotal() int {
	n := 0
	for _, v := range s.Failed {
		n += v
	}
	return n
}

// Crawler crawls one site into a model.Frontier.
type Crawler struct {
	opts     Options
	front    model.Frontier
	site     *url.URL
	name     string
	regions  map[string]bool
	col      *colly.Collector
	polite   *politeTransport
	rule     *colly.LimitRule // its Delay may grow by robots.txt Crawl-delay
	settling bool             // reading robots.txt: a redirect to the site's https or www. twin is followed
	// robotsSitemaps are the Sitemap lines of robots.txt.
	robotsSitemaps []*url.URL
	robots         *robotstxt.Group // the rules for our User-Agent; nil: none
	robotsErr      error            // robots.txt could not be read: no request is made
	mu             sync.Mutex
	sum            Summary
	accepted       int // models counted against Max
	commits        *committer
	lastProgress   time.Time
	gone           []string // targets whose main page answered 404 or 410
}

// New checks opts and builds a crawler.
func New(opts Options, front model.Frontier) (*Crawler, error) {
	if opts.Site == "" && len(opts.URLs) > 0 {
		u, err := url.Parse(opts.URLs[0])
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("crawl: %q is not an absolute URL", opts.URLs[0])
		}
		opts.Site = u.Scheme + "://" + u.Host + "/"
	}
	site, err := url.Parse(opts.Site)
	if err != nil || site.Scheme == "" || (site.Host == "" && site.Scheme != "file") {
		return nil, fmt.Errorf("crawl: site %q is not an absolute URL", opts.Site)
	}
	if site.Path == "" {
		site.Path = "/"
	}
	for _, u := range opts.URLs {
		pu, err := site.Parse(u)
		if err != nil || !sameSite(site, pu) {
			return nil, fmt.Errorf("crawl: %q is not a page of %s", u, site)
		}
	}
	if opts.Since != "" {
		if _, err := time.Parse("2006-01-02", opts.Since); err != nil {
			return nil, fmt.Errorf("crawl: since %q is not a date YYYY-MM-DD", opts.Since)
		}
	}
	fillDefaults(&opts)
	c := &Crawler{opts: opts, front: front, site: site, name: opts.Name, regions: map[string]bool{}}
	if c.name == "" {
		c.name = site.String()
	}
	for _, r := range opts.Regions {
		c.regions[r] = true
	}
	c.sum.Site = site.String()
	c.sum.Failed = map[string]int{}
	return c, nil
}

func fillDefaults(o *Options) {
	if o.Parallel <= 0 {
		o.Parallel = 1
	}
	if o.Delay < 0 {
		o.Delay = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent("dev")
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if o.MaxBodySize <= 0 {
		o.MaxBodySize = DefaultMaxBodySize
	}
	if o.Transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = max(o.Parallel, 2)
		o.Transport = t
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// key identifies "the same command" for resuming.
func (c *Crawler) key() string {
	regions := slices.Clone(c.opts.Regions)
	sort.Strings(regions)
	urls := slices.Clone(c.opts.URLs)
	sort.Strings(urls)
	b, _ := json.Marshal(struct {
		Site          string
		Regions, URLs []string
		Since         string
		Max           int
	}{c.name, regions, urls, c.opts.Since, c.opts.Max})
	return string(b)
}

// Run crawls the site. Cancelling ctx stops it: requests in flight finish,
// what was fetched is kept, and the same options resume the run later. The
// summary is returned also with an error.
func (c *Crawler) Run(ctx context.Context) (*Summary, error) {
	start := c.opts.Now()
	run, err := c.front.BeginCrawl(ctx, c.key(), start)
	if err != nil {
		return nil, fmt.Errorf("crawl %s: %w", c.site, err)
	}
	c.sum.Run, c.sum.Resumed = run.ID, run.Resumed
	c.setupCollector(ctx)
	c.readRobots(ctx)
	err = c.crawl(ctx, run)
	c.sum.Requests = c.polite.requests.Load()
	c.sum.Seconds = c.opts.Now().Sub(start).Seconds()
	if c.opts.Progress != nil || c.opts.OnProgress != nil {
		c.progress(true)
	}
	if err != nil {
		return &c.sum, err
	}
	if ctx.Err() != nil {
		return &c.sum, fmt.Errorf("crawl %s: %w", c.site, ctx.Err())
	}
	if err := c.settleRun(ctx, run.ID); err != nil {
		return &c.sum, err
	}
	sumJSON, _ := json.Marshal(&c.sum)
	if err := c.front.EndCrawl(context.WithoutCancel(ctx), run.ID, c.opts.Now(), string(sumJSON)); err != nil {
		return &c.sum, fmt.Errorf("crawl %s: %w", c.site, err)
	}
	if c.sum.Targets > 0 && c.sum.FailedTotal() == c.sum.Targets {
		return &c.sum, fmt.Errorf("crawl %s: every one of %d models failed (first: %s)", c.site, c.sum.Targets, c.sum.Failures[0].Error)
	}
	return &c.sum, nil
}

func (c *Crawler) crawl(ctx context.Context, run model.CrawlRun) error {
	if !run.Discovered {
		if err := c.discover(ctx, run.ID); err != nil {
			return fmt.Errorf("crawl %s: %w", c.site, err)
		}
		if ctx.Err() != nil {
			return nil
		}
		if err := c.front.MarkCrawlDiscovered(ctx, run.ID); err != nil {
			return fmt.Errorf("crawl %s: %w", c.site, err)
		}
	}
	n, err := c.front.CountCrawlTargets(ctx, run.ID, c.name)
	if err != nil {
		return fmt.Errorf("crawl %s: %w", c.site, err)
	}
	c.sum.Targets = n
	return c.process(ctx, run)
}

// setupCollector builds the colly collector: robots.txt obeyed, the
// User-Agent, the per-host delay and parallelism, redirects kept on the
// site, and the polite transport under it.
func (c *Crawler) setupCollector(ctx context.Context) {
	c.polite = &politeTransport{
		base: c.opts.Transport, stop: ctx, timeout: c.opts.Timeout, maxBody: c.opts.MaxBodySize,
		retries: c.opts.Retries, backoff: c.opts.Backoff, maxBackoff: c.opts.MaxBackoff,
		maxRetryAfter: c.opts.MaxRetryAfter,
	}
	col := colly.NewCollector()
	col.UserAgent = c.opts.UserAgent
	// robots.txt is read once by readRobots and checked by fetch: colly
	// would fetch it a second time.
	col.IgnoreRobotsTxt = true
	col.AllowURLRevisit = true
	col.ParseHTTPErrorResponse = true
	col.DetectCharset = false
	col.MaxBodySize = 0 // the polite transport enforces the limit as an error
	col.AllowedDomains = []string{c.site.Hostname()}
	// Requests in flight finish after a cancel, so a page the server sent
	// is not lost and fetched again on resume.
	col.Context = context.WithoutCancel(ctx)
	col.SetClient(&http.Client{Transport: c.polite, CheckRedirect: c.checkRedirect})
	c.rule = &colly.LimitRule{DomainGlob: "*", Delay: c.opts.Delay, Parallelism: c.opts.Parallel}
	col.Limit(c.rule)
	col.OnResponse(func(r *colly.Response) {
		r.Ctx.Put("response", r)
	})
	col.OnError(func(r *colly.Response, err error) {
		r.Ctx.Put("error", err)
		r.Ctx.Put("response", r)
	})
	c.col = col
}

func (c *Crawler) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return &FetchError{Kind: KindRedirect, URL: via[0].URL.String(), Err: errors.New("stopped after 10 redirects (a redirect loop?)")}
	}
	if !sameSite(c.site, req.URL) && !(c.settling && siteVariant(c.site, req.URL)) {
		return &FetchError{Kind: KindRedirect, URL: via[0].URL.String(), Err: fmt.Errorf("redirect off the site to %s", req.URL.Redacted())}
	}
	return nil
}

// sameSite reports whether u is on the site's scheme and host.
func sameSite(site, u *url.URL) bool {
	return strings.EqualFold(u.Scheme, site.Scheme) && strings.EqualFold(u.Host, site.Host)
}

func (c *Crawler) count(f func(s *Summary)) {
	c.mu.Lock()
	f(&c.sum)
	c.mu.Unlock()
	if c.opts.Progress != nil || c.opts.OnProgress != nil {
		c.progress(false)
	}
}
