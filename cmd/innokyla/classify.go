package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"text/tabwriter"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
)

// ClassifyOptions are the flags of the classify command.
type ClassifyOptions struct {
	F            *Factory
	CodebookPath string   // --codebook: replaces the embedded codebook
	URLs         []string // --url: code only these models (url or id)
	BatchSize    int      // codings stored per transaction
	JSON         bool     // --json: the summary as one JSON object
	Recode       bool     // --recode: code versions this codebook coded before too
}

// NewCmdClassify builds the classify command.
func NewCmdClassify(f *Factory, runF func(context.Context, *ClassifyOptions) error) *cobra.Command {
	opts := &ClassifyOptions{F: f, BatchSize: store.BatchSize}
	cmd := &cobra.Command{
		Use:   "classify",
		Short: "Code how clients took part in developing each stored model",
		Long: `Code every stored model (or those given with --url) for client involvement:
whether it is described, by which methods and in which phases, with the
sentence behind every code. The coding is stored with the codebook's
identity (version, source and content hash); codings by other codebooks are
kept. A model version the same codebook already coded is not coded again
(its stored coding is counted in the summary); --recode codes every model.
Models are coded on all cores while one writer stores the codings.

The codebook is embedded; --codebook FILE replaces it with an edited copy
(see classify/codebook.yaml in the source). A bad codebook is refused with
its file, line and reason. Prints a summary: models, described, per-method
and per-phase counts (--json: as one object).`,
		Example: "  innokyla classify\n  innokyla classify --url kotihoidon-digiohjaus-lahti --json\n  innokyla classify --codebook classify/codebook.yaml",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.BatchSize < 1 {
				return usageError(fmt.Errorf("--batch %d: must be at least 1", opts.BatchSize))
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runClassify(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.CodebookPath, "codebook", "", "codebook YAML `FILE` to use instead of the embedded one")
	cmd.Flags().StringArrayVar(&opts.URLs, "url", nil, "code only the model with this `URL` or id (repeatable)")
	cmd.Flags().IntVar(&opts.BatchSize, "batch", store.BatchSize, "codings stored per transaction")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write the summary as one JSON object")
	cmd.Flags().BoolVar(&opts.Recode, "recode", false, "code again the model versions this codebook already coded")
	return cmd
}

// loadCodebook reads --codebook FILE, or gives the embedded codebook.
func loadCodebook(path string) (*classify.Codebook, error) {
	if path == "" {
		return classify.Default(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	defer f.Close()
	cb, err := classify.Load(f, path)
	if err != nil {
		return nil, withHint(err, "Try: fix the codebook, or drop --codebook to use the embedded one")
	}
	return cb, nil
}

// classifySummary counts what a classify run coded.
type classifySummary struct {
	models, described int
	kept              int // coded before by the same codebook, not coded again
	methods, phases   map[string]int
}

func runClassify(ctx context.Context, opts *ClassifyOptions) error {
	cb, err := loadCodebook(opts.CodebookPath)
	if err != nil {
		return err
	}
	s, err := opts.F.WriteStore(ctx, false)
	if err != nil {
		return err
	}
	c := classify.New(cb)
	identity := cb.Identity() // name, version and content hash: an edited codebook codes apart
	size := opts.BatchSize
	if size < 1 {
		size = store.BatchSize // callers such as run may leave it unset
	}
	sum := classifySummary{methods: map[string]int{}, phases: map[string]int{}}
	if len(opts.URLs) > 0 {
		err = classifyURLs(ctx, opts.F, s, c, identity, opts.URLs, &sum)
	} else {
		err = classifyAll(ctx, opts.F, s, c, identity, opts.Recode, size, &sum)
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, sum.json(cb))
	}
	return sum.write(opts.F.Out, cb)
}

// classifyAll codes every stored model: one goroutine reads, a worker per
// core decodes and codes, and one writer stores the codings in batches. A
// version this codebook coded before is counted from its stored coding.
func classifyAll(ctx context.Context, f *Factory, s *store.Store, c *classify.Classifier, identity string, recode bool, size int, sum *classifySummary) error {
	type done struct {
		coding store.Coding
		fresh  bool // coded in this run, to be stored
	}
	g, ctx := errgroup.WithContext(ctx)
	todo := make(chan *store.ToCode, 256)
	results := make(chan done, 256)
	g.Go(func() error {
		defer close(todo)
		return s.EachToCode(ctx, identity, recode, func(t *store.ToCode) error {
			select {
			case todo <- t:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for t := range todo {
				d := done{coding: store.Coding{ID: t.ID, Version: t.Version}}
				var err error
				if t.Coded() {
					d.coding.P, err = t.Coding()
				} else {
					var m *model.Model
					if m, err = t.Model(); err == nil {
						d.coding.P, d.fresh = c.Classify(m), true
						d.coding.P.Codebook = identity
					}
				}
				if err != nil {
					return fmt.Errorf("classify: %w", err)
				}
				select {
				case results <- d:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(results) }()
	total := -1
	if n, err := s.Count(ctx); err == nil {
		total = n
	}
	progress := f.Progress("classify", "model", total)
	defer progress.Done()
	g.Go(func() error {
		w, err := s.NewCodingWriter(ctx)
		if err != nil {
			return fmt.Errorf("classify: %w", err)
		}
		defer w.Close()
		batch := make([]store.Coding, 0, size)
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			if err := w.Save(ctx, batch); err != nil {
				return fmt.Errorf("classify: %w", err)
			}
			batch = batch[:0]
			return nil
		}
		for d := range results {
			progress.Add(1)
			sum.add(d.coding.P)
			if !d.fresh {
				sum.kept++
				continue
			}
			if batch = append(batch, d.coding); len(batch) >= size {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return flush()
	})
	return g.Wait()
}

// classifyURLs codes the models given with --url, always afresh.
func classifyURLs(ctx context.Context, f *Factory, s *store.Store, c *classify.Classifier, identity string, urls []string, sum *classifySummary) error {
	seen := map[string]bool{}
	var batch []store.Coding
	err := eachSelected(ctx, f, s, urls, func(m *model.Model) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		seen[m.URL], seen[m.ID] = true, true
		p := c.Classify(m)
		p.Codebook = identity
		sum.add(p)
		batch = append(batch, store.Coding{ID: m.ID, Version: m.Version, P: p})
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.SaveCodings(ctx, batch); err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	for _, u := range urls {
		if !seen[u] {
			return withHint(fmt.Errorf("classify: no stored model %s", u), "Try: innokyla crawl or innokyla import first")
		}
	}
	return nil
}

// eachSelected walks the stored models, or only those whose url or id is in
// refs.
func eachSelected(ctx context.Context, f *Factory, s *store.Store, refs []string, fn func(*model.Model) error) error {
	if len(refs) == 0 {
		return eachProgress(ctx, f, s, store.Query{}, "classify", fn)
	}
	for _, r := range refs {
		m, err := s.Get(ctx, r)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return nil
}

func (s *classifySummary) add(p *model.Participation) {
	s.models++
	if p.Described {
		s.described++
	}
	for _, m := range p.Methods {
		s.methods[m.ID]++
	}
	for _, ph := range p.Phases {
		s.phases[ph]++
	}
}

func (s *classifySummary) write(w io.Writer, cb *classify.Codebook) error {
	pct := func(n int) float64 {
		if s.models == 0 {
			return 0
		}
		return 100 * float64(n) / float64(s.models)
	}
	fmt.Fprintf(w, "Coded %s with codebook %s\n", count(s.models, "model"), cb.Identity())
	if s.kept > 0 {
		fmt.Fprintf(w, "(%d of them unchanged since this codebook coded them: their stored codings are counted; --recode codes them again)\n", s.kept)
	}
	fmt.Fprintf(w, "Described client involvement: %d (%.0f %%); not described: %d\n\n", s.described, pct(s.described), s.models-s.described)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Method\tmodels\t%%\n")
	for _, id := range model.MethodIDs {
		l := cb.MethodLabel(id)
		fmt.Fprintf(tw, "%s (%s)\t%d\t%.0f\n", l.FI, l.EN, s.methods[id], pct(s.methods[id]))
	}
	fmt.Fprintf(tw, "\t\t\nPhase\tmodels\t%%\n")
	for _, id := range model.PhaseIDs {
		l := cb.PhaseLabel(id)
		fmt.Fprintf(tw, "%s (%s)\t%d\t%.0f\n", l.FI, l.EN, s.phases[id], pct(s.phases[id]))
	}
	return tw.Flush()
}

// classifyJSON is the JSON of the classify summary: what the text shows.
type classifyJSON struct {
	Codebook     string         `json:"codebook"`
	Models       int            `json:"models"`
	Described    int            `json:"described"`
	NotDescribed int            `json:"not_described"`
	Unchanged    int            `json:"unchanged"` // coded before by this codebook, counted from the stored coding
	Methods      map[string]int `json:"methods"`   // models per method ID, every ID
	Phases       map[string]int `json:"phases"`    // models per phase ID, every ID
}

func (s *classifySummary) json(cb *classify.Codebook) classifyJSON {
	j := classifyJSON{Codebook: cb.Identity(), Models: s.models, Described: s.described,
		NotDescribed: s.models - s.described, Unchanged: s.kept, Methods: map[string]int{}, Phases: map[string]int{}}
	for _, id := range model.MethodIDs {
		j.Methods[id] = s.methods[id]
	}
	for _, id := range model.PhaseIDs {
		j.Phases[id] = s.phases[id]
	}
	return j
}
