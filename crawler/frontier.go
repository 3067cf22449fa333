package crawler

import (
	"context"
	"time"

	"github.com/innokyla/innokyla/model"
)

// Frontier keeps what a crawl must remember between runs: the runs, the
// model pages found (targets) with their sitemap lastmod and HTTP
// validators, failures, and a fetched main page whose kehittämisen polku
// page is still pending. It also stores models: Commit writes a model and
// marks its target done in one step, so a crawl killed at any moment never
// stores a model twice. The CLI passes one backed by the corpus database.
type Frontier interface {
	// BeginRun resumes the latest unfinished run with this key, or starts
	// a new one.
	BeginRun(ctx context.Context, key string, now time.Time) (Run, error)
	// EndRun marks a run finished with its summary (JSON).
	EndRun(ctx context.Context, run int64, now time.Time, summary string) error
	// MarkDiscovered records that discovery of the run is complete.
	MarkDiscovered(ctx context.Context, run int64) error
	// AddTargets records model pages found by the run, with their lastmod.
	// Discovery calls it once for every batch of pages it finds; a page
	// given again in the same run keeps its first non-empty lastmod.
	AddTargets(ctx context.Context, run int64, site string, ts []Target) error
	// CountTargets is the number of the run's targets.
	CountTargets(ctx context.Context, run int64, site string) (int, error)
	// Targets returns at most limit of the run's targets whose URL sorts
	// after the given one, ordered by URL, with what earlier runs learnt
	// about them. The crawl reads them page by page, so its memory does
	// not grow with the size of the site.
	Targets(ctx context.Context, run int64, site, after string, limit int) ([]Target, error)
	// SavePartial keeps a fetched main page until its model is committed.
	// The crawler keeps one only when it stops (cancelled) between the
	// main page and its kehittämisen polku page.
	SavePartial(ctx context.Context, run int64, site, target string, p Partial) error
	// Commit stores each commit's Model (when not nil), the validators and
	// what the filters need, and marks its target done in the run, all in
	// one transaction; it returns one outcome per commit.
	Commit(ctx context.Context, site string, cs []Commit) ([]Outcome, error)
	// Fail records a failure of the target in the run; the next run retries it.
	Fail(ctx context.Context, run int64, site, target, kind, msg string, now time.Time) error
}

// Run is one crawl run.
type Run struct {
	ID         int64
	Resumed    bool // an unfinished run of the same key continues
	Discovered bool // its discovery had finished
}

// Target is a model's main page with what earlier runs learnt about it.
type Target struct {
	URL     string
	Lastmod string // from the sitemap, "" when unknown

	ModelID       string // id of the model last read from it
	Region        string // its normalised regions, one a line, primary first
	Modified      string // its modified (else created) date
	StoredLastmod string // lastmod when the model was last stored or found unchanged
	ReadLastmod   string // lastmod when the model was last read, stored or filtered out
	DoneRun       int64  // the last run that finished it
	Sections      int    // non-empty sections of the model last stored from it; 0 when unknown

	MainETag, MainLastModified string // validators of the main page
	PathETag, PathLastModified string // and of the kehittämisen polku page

	Partial *Partial // main page fetched in this run, its path page pending
}

// Partial is a fetched main page kept until its model is committed.
type Partial struct {
	URL, ContentType, ETag, LastModified string
	Body                                 []byte
}

// Commit is the result of crawling one target.
type Commit struct {
	Run     int64
	Target  string
	Lastmod string
	Model   *model.Model // nil: nothing to store (not modified, or filtered out)
	Stored  bool         // Model stored or found unchanged: lastmod may skip it next time

	ModelID, Region, Modified string

	MainETag, MainLastModified string
	PathETag, PathLastModified string
	Now                        time.Time
}

// Outcome is what Commit did with a model.
type Outcome int

// Outcomes of Commit.
const (
	OutcomeNone      Outcome = iota // no model given
	OutcomeUnchanged                // same content as stored
	OutcomeNew                      // a model not stored before
	OutcomeChanged                  // a new version of a stored model
)
