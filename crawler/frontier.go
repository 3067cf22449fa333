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
	AddTargets(ctx context.Context, run int64, site string, ts []Target) error
	// Targets returns the run's targets, ordered by URL, with what earlier
	// runs learnt about them.
	Targets(ctx context.Context, run int64, site string) ([]Target, error)
	// SavePartial keeps a fetched main page until its model is committed.
	SavePartial(ctx context.Context, run int64, site, target string, p Partial) error
	// Commit stores c.Model (when not nil), the validators and what the
	// filters need, and marks the target done in the run.
	Commit(ctx context.Context, site string, c Commit) (Outcome, error)
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
