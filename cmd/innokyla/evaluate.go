package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// EvaluateOptions are the flags of the evaluate command.
type EvaluateOptions struct {
	F            *Factory
	GoldPath     string // --gold FILE.csv
	JSON         bool   // --json
	CodebookPath string // --codebook
	Coder        string // --coder NAME: a person's stored coding instead of --gold
}

// NewCmdEvaluate builds the evaluate command.
func NewCmdEvaluate(f *Factory, runF func(context.Context, *EvaluateOptions) error) *cobra.Command {
	opts := &EvaluateOptions{F: f}
	cmd := &cobra.Command{
		Use:   "evaluate --gold FILE.csv | --coder NAME",
		Short: "Compare the classifier with a human coding",
		Long: `Compare the classifier with a human (gold) coding of stored models.

The gold file is CSV with the header url,described,methods,phases; methods
and phases are ';'-separated codebook IDs. Each row is matched to a stored
model by url, or by id (the url's last path segment). The models are coded
afresh with the codebook (embedded, or --codebook FILE) and by a naive
baseline (cue words as plain substrings, no actor, negation, clause or
section logic), so the value of the classifier's judgement shows.

Prints per-label precision, recall and F1, micro and macro averages for
methods and for phases, accuracy and Cohen's kappa for described, and every
disagreement with the evidence the classifier read. --json prints the same
as one JSON object. A bad gold line stops with its file and line.

--coder NAME takes a person's stored codings as the gold instead: every model
version they coded whole (a complete review, or a QDA project read with
import --coder), coded afresh by the classifier.`,
		Example: "  innokyla evaluate --gold testdata/snapshot-gold.csv\n  innokyla evaluate --gold testdata/snapshot-gold.csv --json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (opts.GoldPath == "") == (opts.Coder == "") {
				return withHint(usageError(fmt.Errorf("evaluate needs --gold FILE.csv or --coder NAME, one of them")), "Try: innokyla evaluate --coder Ella")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runEvaluate(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.GoldPath, "gold", "", "gold coding CSV `FILE` (url,described,methods,phases)")
	cmd.Flags().StringVar(&opts.Coder, "coder", "", "compare with this person's stored coding instead of a gold file")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	cmd.Flags().StringVar(&opts.CodebookPath, "codebook", "", "codebook YAML `FILE` to evaluate instead of the embedded one")
	return cmd
}

func runEvaluate(ctx context.Context, opts *EvaluateOptions) error {
	cb, err := loadCodebook(opts.CodebookPath)
	if err != nil {
		return err
	}
	c := classify.New(cb)
	if opts.Coder != "" {
		s, err := opts.F.Store(ctx)
		if err != nil {
			return err
		}
		items, err := coderItems(ctx, s, c, opts.Coder)
		if err != nil {
			return err
		}
		return writeEvaluation(opts, classify.Evaluate(items, cb.Identity()), cb)
	}
	f, err := os.Open(opts.GoldPath)
	if err != nil {
		return fmt.Errorf("evaluate: %w", err)
	}
	rows, err := classify.ReadGold(f, opts.GoldPath)
	f.Close()
	if err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	items := make([]classify.Item, len(rows))
	missing := 0
	for i, g := range rows {
		m, err := findGoldModel(ctx, s, g.URL)
		if err != nil {
			return err
		}
		items[i].Gold = g
		if m == nil {
			items[i].Missing = true
			missing++
			continue
		}
		items[i].Got, items[i].Baseline = c.Classify(m), c.Baseline(m)
	}
	if missing > 0 {
		fmt.Fprintf(opts.F.Err, "evaluate: %d of %d gold rows have no stored model; they count as coding nothing\n", missing, len(rows))
	}
	return writeEvaluation(opts, classify.Evaluate(items, cb.Identity()), cb)
}

func writeEvaluation(opts *EvaluateOptions, r *classify.Report, cb *classify.Codebook) error {
	if opts.JSON {
		return writeJSON(opts.F.Out, r)
	}
	return r.WriteText(opts.F.Out, cb)
}

// coderItems are a person's complete codings as gold rows, each model
// version coded afresh by c.
func coderItems(ctx context.Context, s *store.Store, c *classify.Classifier, coder string) ([]classify.Item, error) {
	var items []classify.Item
	err := s.HumanCodings(ctx, store.HumanQuery{Coder: coder}, func(hc store.HumanCoding) error {
		if !hc.Complete {
			return nil
		}
		m, err := s.GetVersion(ctx, hc.ID, hc.Version)
		if err != nil {
			return err
		}
		g := classify.GoldRow{URL: m.URL, Described: hc.P.Described, Phases: hc.P.Phases}
		for _, me := range hc.P.Methods {
			g.Methods = append(g.Methods, me.ID)
		}
		items = append(items, classify.Item{Gold: g, Got: c.Classify(m), Baseline: c.Baseline(m)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	if len(items) == 0 {
		return nil, withHint(fmt.Errorf("evaluate: %s has coded no model whole", coder),
			"Try: innokyla review --queue, then innokyla review ID --coder "+coder)
	}
	return items, nil
}

// findGoldModel finds the stored model of a gold url: by url, else by id,
// the url's last path segment. It returns nil when there is none.
func findGoldModel(ctx context.Context, s *store.Store, url string) (*model.Model, error) {
	refs := []string{url}
	if id := model.IDFromURL(url); id != "" && id != url {
		refs = append(refs, id)
	}
	for _, ref := range refs {
		m, err := s.Get(ctx, ref)
		if err == nil {
			return m, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("evaluate: %w", err)
		}
	}
	return nil, nil
}
