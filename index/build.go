package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/innokyla/innokyla/model"
)

// An empty index is built apart from scorch's online path: bleve applies
// one batch at a time and builds its segment on one goroutine, so a build
// left a third of two cores idle, and its merger planned merges for an
// index still growing. build instead analyses batches and writes their
// segments on every core at once, merges them in tiers as they come, and
// hands scorch the finished segments in a root of its own format (see
// root.go).

// buildBatch is how many models a segment of a build starts with: each
// worker holds one batch, analysed, and its segment while it writes it.
var buildBatch = 250

// firstWidth is how many of the first segments are merged into one: 40
// of 250 models, 10,000, so that a model is merged once up to 100,000
// (as often as scorch's merger merged it, the build's largest cost after
// writing segments). mergeWidth is how many segments of a later tier are
// merged into one of the next, as scorch's tiered plan does
// (SegmentsPerMergeTask); a build leaves at most that many in a tier, and
// scorch's plan (Compact) then finds nothing to merge.
var firstWidth = 40

const mergeWidth = 10

// maxWorkers bounds the workers of a build: each holds a batch analysed
// and its segment, 10-15 MB, under index's soft memory limit of 180 MB
// (cmd/innokyla/memory.go), where a build's live heap is about 50 MB
// with two.
const maxWorkers = 4

// buildDir is where a build writes its segments inside the index
// directory; it becomes the store when the build is done.
const buildDir = "build"

// builder is one build: the documents cut into batches, the workers that
// write their segments and the merger that merges them in tiers.
type builder struct {
	ix     *Index
	dir    string
	sc     *scorch.Scorch // the empty index: its mapping and analysis
	plugin *zap.ZapPlugin

	firstErr
	mu   sync.Mutex
	next uint64 // the last segment id taken

	// Segments are known by their number: the file's name and scorch's
	// segment id.
	jobs   chan []*bdoc.Document
	done   chan uint64 // segments written by workers, for the merger
	tiers  [][]uint64  // the merger's segments by tier
	wg     sync.WaitGroup
	merged chan struct{}
}

// build indexes every model each yields into the empty index ix; see
// Sync. It returns what was added. A cancelled ctx stops between models:
// the models handed out so far are indexed.
func (ix *Index) build(ctx context.Context, each Each, st Stats) (Stats, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return st, fmt.Errorf("build index %s: %w", ix.path, err)
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return st, fmt.Errorf("build index %s: not a scorch index (%T)", ix.path, adv)
	}
	if err := ix.bg.failed(); err != nil {
		return st, err
	}
	b := &builder{ix: ix, dir: filepath.Join(ix.path, buildDir), sc: sc, plugin: &zap.ZapPlugin{},
		done: make(chan uint64, 2*mergeWidth), merged: make(chan struct{}), tiers: make([][]uint64, 1)}
	if err := os.RemoveAll(b.dir); err != nil { // what a killed build left
		return st, fmt.Errorf("build index %s: %w", ix.path, err)
	}
	if err := os.MkdirAll(b.dir, 0o700); err != nil {
		return st, fmt.Errorf("build index %s: %w", ix.path, err)
	}
	// Signatures a killed build stored name models its index never took.
	if err := ix.sigs.clear(); err != nil {
		return st, fmt.Errorf("build index %s: %w", ix.path, err)
	}
	put := map[string]string{}

	workers := min(runtime.GOMAXPROCS(0), maxWorkers)
	b.jobs = make(chan []*bdoc.Document)
	for i := 0; i < workers; i++ {
		b.wg.Add(1)
		go b.work()
	}
	go b.merge()

	m := ix.b.Mapping()
	batch := make([]*bdoc.Document, 0, buildBatch)
	send := func() {
		if len(batch) > 0 {
			b.jobs <- batch
			batch = make([]*bdoc.Document, 0, buildBatch)
		}
	}
	eachErr := each(func(md *model.Model) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.failed(); err != nil {
			return err
		}
		if err := checkID(md); err != nil {
			return err
		}
		d := bdoc.NewDocument(md.ID)
		if err := m.MapDocument(d, document(md, ix.pr, ix.facets)); err != nil {
			return fmt.Errorf("index %s: %w", md.ID, err)
		}
		// Signatures go in as the models are handed out, in the
		// goroutine that waits most: a build that does not finish leaves
		// its index empty, and the next Sync starts over (see empty).
		put[md.ID] = signature(md)
		if len(put) == sigBatch {
			if err := ix.sigs.apply(put, nil); err != nil {
				return fmt.Errorf("build index %s: %w", ix.path, err)
			}
			clear(put)
		}
		st.Added++
		batch = append(batch, d)
		if len(batch) == buildBatch {
			send()
		}
		return nil
	})
	send()
	if err := ix.sigs.apply(put, nil); err != nil && eachErr == nil {
		eachErr = fmt.Errorf("build index %s: %w", ix.path, err)
	}
	close(b.jobs)
	b.wg.Wait()
	close(b.done)
	<-b.merged

	werr := b.failed()
	if werr == nil {
		werr = ix.bg.failed() // the empty index's own goroutines
	}
	if werr != nil || (eachErr != nil && !errors.Is(eachErr, context.Canceled)) {
		// The index stays empty (and marked incomplete).
		os.RemoveAll(b.dir)
		if eachErr == werr { // the walk stopped on the workers' error
			return st, werr
		}
		return st, errors.Join(eachErr, werr)
	}
	// Cancelled or done: what was handed out is written; it goes in.
	if err := b.install(); err != nil {
		return st, errors.Join(eachErr, err)
	}
	return st, eachErr
}

// newID takes the next segment id.
func (b *builder) newID() uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	return b.next
}

func (b *builder) path(id uint64) string {
	return filepath.Join(b.dir, segName(id))
}

// work analyses batches as scorch's Batch does and writes each as a
// segment file.
func (b *builder) work() {
	defer b.wg.Done()
	for docs := range b.jobs {
		if b.failed() != nil {
			continue // drain
		}
		id := b.newID()
		if err := b.write(docs, b.path(id)); err != nil {
			b.fail(err)
			continue
		}
		b.done <- id
	}
}

// write analyses docs and writes them as a segment file at path.
func (b *builder) write(docs []*bdoc.Document, path string) error {
	results := make([]index.Document, len(docs))
	for i, d := range docs {
		d.AddIDField()
		b.sc.Analyze(d)
		results[i] = d
	}
	s, _, err := b.plugin.New(results)
	if err != nil {
		return fmt.Errorf("build segment: %w", err)
	}
	if err := s.(segment.UnpersistedSegment).Persist(path); err != nil {
		return fmt.Errorf("write segment: %w", err)
	}
	return nil
}

// merge gathers the written segments by tier. A tier is merged into one
// segment of the next once it holds its width (firstWidth, then
// mergeWidth) and another segment comes, so the end of a build waits for
// no merge of large segments (a full tier is what scorch's tiered plan
// keeps too). At the end the first tier's rest, the smallest segments, is
// merged in one part per core at once.
func (b *builder) merge() {
	defer close(b.merged)
	for s := range b.done {
		if b.failed() != nil {
			continue
		}
		for t := range b.tiers {
			if len(b.tiers[t]) >= tierWidth(t) {
				b.push(t)
			}
		}
		b.tiers[0] = append(b.tiers[0], s)
	}
	rest := b.tiers[0]
	if len(rest) < 2 || b.failed() != nil {
		return
	}
	parts := min(runtime.GOMAXPROCS(0), len(rest)/2)
	out := make([]uint64, parts)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m, err := b.mergeSegs(rest[i*len(rest)/parts : (i+1)*len(rest)/parts])
			if err != nil {
				b.fail(err)
			}
			out[i] = m
		}()
	}
	wg.Wait()
	b.tiers[0] = out
}

func tierWidth(t int) int {
	if t == 0 {
		return firstWidth
	}
	return mergeWidth
}

// push merges the segments of tier t into one of tier t+1.
func (b *builder) push(t int) {
	m, err := b.mergeSegs(b.tiers[t])
	if err != nil {
		b.fail(err)
		return
	}
	b.tiers[t] = nil
	if len(b.tiers) == t+1 {
		b.tiers = append(b.tiers, nil)
	}
	b.tiers[t+1] = append(b.tiers[t+1], m)
}

// mergeSegs merges segments into a new one and removes their files.
func (b *builder) mergeSegs(in []uint64) (uint64, error) {
	out := b.newID()
	open := make([]segment.Segment, 0, len(in))
	defer func() {
		for _, s := range open {
			s.Close()
		}
	}()
	for _, id := range in {
		o, err := b.plugin.Open(b.path(id))
		if err != nil {
			return out, fmt.Errorf("merge segments: %w", err)
		}
		open = append(open, o)
	}
	if _, _, err := b.plugin.Merge(open, make([]*roaring.Bitmap, len(open)), b.path(out), nil, nil); err != nil {
		return out, fmt.Errorf("merge segments: %w", err)
	}
	for _, s := range open {
		s.Close()
	}
	open = nil
	for _, id := range in {
		if err := os.Remove(b.path(id)); err != nil {
			return out, fmt.Errorf("merge segments: %w", err)
		}
	}
	return out, nil
}

// install writes scorch's root for the build's segments, puts them in the
// place of the empty index's store and opens it.
func (b *builder) install() error {
	ix := b.ix
	var segs []uint64
	for _, t := range b.tiers {
		segs = append(segs, t...)
	}
	internal := map[string][]byte{}
	// The facet values are those of the empty index (an index whose models
	// were all removed keeps its codes) and the build's new ones.
	for _, k := range []string{string(util.MappingInternalKey), internalSchema, internalFacets} {
		v, err := ix.b.GetInternal([]byte(k))
		if err != nil {
			return fmt.Errorf("build index %s: %w", ix.path, err)
		}
		if v != nil {
			internal[k] = v
		}
	}
	if v, ok := ix.facets.pending(); ok {
		internal[internalFacets] = v
	}
	store := storePath(ix.path)
	if err := writeRoot(b.dir, store, b.plugin, segs, internal); err != nil {
		return fmt.Errorf("build index %s: %w", ix.path, err)
	}
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("build index %s: %w", ix.path, err)
	}
	if err := os.RemoveAll(store); err != nil {
		return fmt.Errorf("build index %s: %w", ix.path, err)
	}
	if err := os.Rename(b.dir, store); err != nil {
		return fmt.Errorf("build index %s: %w", ix.path, err)
	}
	nb, err := bleve.OpenUsing(ix.path, writerConfig(DefaultLockTimeout))
	if err != nil {
		return fmt.Errorf("build index %s: %w", ix.path, lockErr(err))
	}
	ix.b = nb
	return ix.sigs.sync()
}

// sigBatch is how many signatures a build stores in one transaction.
const sigBatch = 10000
