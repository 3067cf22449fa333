package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ClassifyOptions are the flags of the classify command.
type ClassifyOptions struct {
	F            *Factory
	CodebookPath string   // --codebook: replaces the embedded codebook
	URLs         []string // --url: code only these models (url or id)
	BatchSize    int      // codings stored per transaction
	JSON         bool     // --json: the summary as one JSON object
}

// NewCmdClassify builds the classify command.
func NewCmdClassify(f *Factory, runF func(context.Context, *ClassifyOptions) error) *cobra.Command {
	opts := &ClassifyOptions{F: f, BatchSize: store.BatchSize}
	cmd := &cobra.Command{
		Use:   "classify",
		Short: "Code how clients took part in developing each stored model",
		Long: `Code every stored model (or those given with --url) for client involvement:
whether it is described, by which methods and in which phases, with the
sentence behind every code. The coding is stored with the codebook version;
codings by other codebook versions are kept.

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
	batch := make([]store.Coding, 0, size)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := s.SaveCodings(ctx, batch); err != nil {
			return fmt.Errorf("classify: %w", err)
		}
		batch = batch[:0]
		return nil
	}
	seen := map[string]bool{}
	err = eachSelected(ctx, opts.F, s, opts.URLs, func(m *model.Model) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(opts.URLs) > 0 { // only --url needs it; a full run must not hold every id
			seen[m.URL], seen[m.ID] = true, true
		}
		p := c.Classify(m)
		p.Codebook = identity
		sum.add(p)
		batch = append(batch, store.Coding{ID: m.ID, Version: m.Version, P: p})
		if len(batch) >= size {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	for _, u := range opts.URLs {
		if !seen[u] {
			return withHint(fmt.Errorf("classify: no stored model %s", u), "Try: innokyla crawl or innokyla import first")
		}
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, sum.json(cb))
	}
	return sum.write(opts.F.Out, cb)
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
	Methods      map[string]int `json:"methods"` // models per method ID, every ID
	Phases       map[string]int `json:"phases"`  // models per phase ID, every ID
}

func (s *classifySummary) json(cb *classify.Codebook) classifyJSON {
	j := classifyJSON{Codebook: cb.Identity(), Models: s.models, Described: s.described,
		NotDescribed: s.models - s.described, Methods: map[string]int{}, Phases: map[string]int{}}
	for _, id := range model.MethodIDs {
		j.Methods[id] = s.methods[id]
	}
	for _, id := range model.PhaseIDs {
		j.Phases[id] = s.phases[id]
	}
	return j
}
