package crawler

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/innokyla/innokyla/model"
)

// memFrontier is an in-memory model.Frontier for the package tests; the SQLite
// one (store.Frontier) is tested in its package and through the CLI.
type memFrontier struct {
	mu      sync.Mutex
	runs    []memRun
	targets map[string]*memTarget
	models  map[string][]*model.Model // id -> versions
	puts    map[string]int            // id -> CommitCrawls calls with a model
	fails   map[string]string         // target -> kind of the last failure
}

type memRun struct {
	key        string
	finished   bool
	discovered bool
}

type memTarget struct {
	model.CrawlTarget
	site        string
	seenRun     int64
	partialRun  int64
	partialPage *model.CrawlPartial
}

func newMemFrontier() *memFrontier {
	return &memFrontier{targets: map[string]*memTarget{}, models: map[string][]*model.Model{},
		puts: map[string]int{}, fails: map[string]string{}}
}

func (f *memFrontier) BeginCrawl(_ context.Context, key string, _ time.Time) (model.CrawlRun, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.runs) - 1; i >= 0; i-- {
		if f.runs[i].key == key && !f.runs[i].finished {
			return model.CrawlRun{ID: int64(i + 1), Resumed: true, Discovered: f.runs[i].discovered}, nil
		}
	}
	f.runs = append(f.runs, memRun{key: key})
	return model.CrawlRun{ID: int64(len(f.runs))}, nil
}

func (f *memFrontier) EndCrawl(_ context.Context, run int64, _ time.Time, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.runs[run-1].finished = true
	return nil
}

func (f *memFrontier) MarkCrawlDiscovered(_ context.Context, run int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.runs[run-1].discovered = true
	return nil
}

func (f *memFrontier) AddCrawlTargets(_ context.Context, run int64, site string, ts []model.CrawlTarget) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range ts {
		mt, ok := f.targets[t.URL]
		if !ok {
			mt = &memTarget{CrawlTarget: model.CrawlTarget{URL: t.URL}, site: site}
			f.targets[t.URL] = mt
		}
		if mt.seenRun != run || mt.Lastmod == "" {
			mt.Lastmod = t.Lastmod // the first non-empty lastmod of the run wins
		}
		mt.seenRun = run
	}
	return nil
}

func (f *memFrontier) CountCrawlTargets(_ context.Context, run int64, site string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, mt := range f.targets {
		if mt.site == site && mt.seenRun == run {
			n++
		}
	}
	return n, nil
}

func (f *memFrontier) CrawlTargets(_ context.Context, run int64, site, after string, limit int) ([]model.CrawlTarget, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.CrawlTarget
	for _, mt := range f.targets {
		if mt.site != site || mt.seenRun != run || mt.URL <= after {
			continue
		}
		t := mt.CrawlTarget
		t.Partial = nil
		if mt.partialRun == run {
			t.Partial = mt.partialPage
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *memFrontier) SaveCrawlPartial(_ context.Context, run int64, _, target string, p model.CrawlPartial) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	mt := f.targets[target]
	mt.partialRun, mt.partialPage = run, &p
	return nil
}

func (f *memFrontier) CommitCrawls(_ context.Context, _ string, cs []model.CrawlCommit) ([]model.CrawlOutcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	outs := make([]model.CrawlOutcome, len(cs))
	for i, c := range cs {
		outs[i] = f.commit(c)
	}
	return outs, nil
}

func (f *memFrontier) commit(c model.CrawlCommit) model.CrawlOutcome {
	mt := f.targets[c.Target]
	out := model.CrawlNone
	if c.Model != nil {
		f.puts[c.Model.ID]++
		vs := f.models[c.Model.ID]
		h := c.Model.Hash()
		switch {
		case len(vs) == 0:
			out = model.CrawlNew
		case vs[len(vs)-1].Hash() == h:
			out = model.CrawlUnchanged
		default:
			out = model.CrawlChanged
		}
		mt.Sections = c.Model.FilledSections()
		if out != model.CrawlUnchanged {
			m := *c.Model
			m.Version = len(vs) + 1
			f.models[c.Model.ID] = append(vs, &m)
		}
	}
	mt.ModelID, mt.Regions, mt.Modified, mt.ReadLastmod = c.ModelID, c.Regions, c.Modified, c.Lastmod
	if c.Stored {
		mt.StoredLastmod = c.Lastmod
		mt.MainETag, mt.MainLastModified = c.MainETag, c.MainLastModified
		mt.PathETag, mt.PathLastModified = c.PathETag, c.PathLastModified
	}
	mt.DoneRun = c.Run
	mt.partialRun, mt.partialPage = 0, nil
	return out
}

func (f *memFrontier) FailCrawl(_ context.Context, run int64, _, target, kind, msg string, _ time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fails[target] = kind
	return nil
}

// latest returns the latest version of every stored model.
func (f *memFrontier) latest() map[string]*model.Model {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]*model.Model{}
	for id, vs := range f.models {
		out[id] = vs[len(vs)-1]
	}
	return out
}
