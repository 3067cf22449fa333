package model

import (
	"context"
	"time"
)

// Frontier keeps what a crawl must remember between runs: the runs, the
// model pages found (targets) with their sitemap lastmod and HTTP
// validators, failures, and a fetched main page whose kehittämisen polku
// page is still pending. It also stores models: CommitCrawls writes a
// model and marks its target done in one step, so a crawl killed at any
// moment never stores a model twice. The crawler uses it; store.Store
// implements it on the corpus database.
type Frontier interface {
	// BeginCrawl resumes the latest unfinished run with this key, or
	// starts a new one.
	BeginCrawl(ctx context.Context, key string, now time.Time) (CrawlRun, error)
	// EndCrawl marks a run finished with its summary (JSON).
	EndCrawl(ctx context.Context, run int64, now time.Time, summary string) error
	// MarkCrawlDiscovered records that discovery of the run is complete.
	MarkCrawlDiscovered(ctx context.Context, run int64) error
	// AddCrawlTargets records model pages found by the run, with their
	// lastmod. Discovery calls it once for every batch of pages it finds;
	// a page given again in the same run keeps its first non-empty lastmod.
	AddCrawlTargets(ctx context.Context, run int64, site string, ts []CrawlTarget) error
	// CountCrawlTargets is the number of the run's targets.
	CountCrawlTargets(ctx context.Context, run int64, site string) (int, error)
	// CrawlTargets returns at most limit of the run's targets whose URL
	// sorts after the given one, ordered by URL, with what earlier runs
	// learnt about them. The crawl reads them page by page, so its memory
	// does not grow with the size of the site.
	CrawlTargets(ctx context.Context, run int64, site, after string, limit int) ([]CrawlTarget, error)
	// SaveCrawlPartial keeps a fetched main page until its model is
	// committed. The crawler keeps one only when it stops (cancelled)
	// between the main page and its kehittämisen polku page.
	SaveCrawlPartial(ctx context.Context, run int64, site, target string, p CrawlPartial) error
	// CommitCrawls stores each commit's Model (when not nil), the
	// validators and what the filters need, and marks its target done in
	// the run, all in one transaction; it returns one outcome per commit.
	CommitCrawls(ctx context.Context, site string, cs []CrawlCommit) ([]CrawlOutcome, error)
	// FailCrawl records a failure of the target in the run; the next run
	// retries it.
	FailCrawl(ctx context.Context, run int64, site, target, kind, msg string, now time.Time) error
}

// CrawlRun is one crawl run.
type CrawlRun struct {
	ID         int64
	Resumed    bool // an unfinished run of the same key continues
	Discovered bool // its discovery had finished
}

// CrawlTarget is a model's main page with what earlier runs learnt about it.
type CrawlTarget struct {
	URL     string
	Lastmod string // from the sitemap, "" when unknown

	ModelID       string   // id of the model last read from it
	Regions       []string // its normalised regions, primary first
	Modified      string   // its modified (else created) date
	StoredLastmod string   // lastmod when the model was last stored or found unchanged
	ReadLastmod   string   // lastmod when the model was last read, stored or filtered out
	DoneRun       int64    // the last run that finished it
	Sections      int      // non-empty sections of the model last stored from it; 0 when unknown

	MainETag, MainLastModified string // validators of the main page
	PathETag, PathLastModified string // and of the kehittämisen polku page

	Partial *CrawlPartial // main page fetched in this run, its path page pending
}

// CrawlPartial is a fetched main page kept until its model is committed.
type CrawlPartial struct {
	URL, ContentType, ETag, LastModified string
	Body                                 []byte
}

// CrawlCommit is the result of crawling one target.
type CrawlCommit struct {
	Run     int64
	Target  string
	Lastmod string
	Model   *Model // nil: nothing to store (not modified, or filtered out)
	Stored  bool   // Model stored or found unchanged: lastmod may skip it next time

	ModelID  string
	Regions  []string // the model's normalised regions, for the --region filter next time
	Modified string

	MainETag, MainLastModified string
	PathETag, PathLastModified string
	Now                        time.Time
}

// CrawlOutcome is what CommitCrawls did with a model.
type CrawlOutcome int

// Outcomes of CommitCrawls.
const (
	CrawlNone      CrawlOutcome = iota // no model given
	CrawlUnchanged                     // same content as stored
	CrawlNew                           // a model not stored before
	CrawlChanged                       // a new version of a stored model
)

// Settler is the part of a frontier that learns from a finished run which
// stored models the site still publishes. store.Store implements it; the
// crawler calls it when the frontier has it.
type Settler interface {
	// SettleCrawl restores the withdrawn models the run found again and,
	// when the run was complete, withdraws the stored models of the site
	// that it no longer found or that answered 404 or 410, unless that is
	// more than a fifth of them (then nothing, and Refused says why).
	SettleCrawl(ctx context.Context, s CrawlSettle) (CrawlSettled, error)
}

// CrawlSettle is what a finished run tells SettleCrawl.
type CrawlSettle struct {
	Run  int64
	Site string
	// Complete says the run read the whole site: no --max, --region,
	// --since or URLs, its discovery finished, it was not stopped.
	Complete bool
	Gone     []string // target URLs whose main page answered 404 or 410
	Now      time.Time
}

// CrawlSettled is what SettleCrawl did.
type CrawlSettled struct {
	Withdrawn []string // ids, sorted
	Restored  []string // withdrawn before, found again; sorted
	Refused   string   // why nothing was withdrawn although some were missing
}
