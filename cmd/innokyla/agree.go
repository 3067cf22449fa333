package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/innokyla/innokyla/agreement"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// AgreeOptions are the flags of the agree command.
type AgreeOptions struct {
	F      *Factory
	Coders []string // --coders A,B[,C...]
	JSON   bool
}

// NewCmdAgree builds the agree command.
func NewCmdAgree(f *Factory, runF func(context.Context, *AgreeOptions) error) *cobra.Command {
	opts := &AgreeOptions{F: f}
	cmd := &cobra.Command{
		Use:   "agree --coders A,B[,C...]",
		Short: "Measure how far people (and the machine) agree on the codes of the same models",
		Long: `Compare the stored codings of two or more coders on the model versions at
least two of them coded whole (a complete review, or a QDA project read with
import --coder). "machine" names the classifier's stored coding of the same
versions.

For described, each method and each phase (present or absent in a model):
the share of agreeing coder pairs, Cohen's kappa (two coders) and
Krippendorff's alpha (nominal; any number of coders, a model counts where two
or more coded it). A code nobody or everybody gave has no kappa or alpha ("-").`,
		Example: "  innokyla agree --coders Ella,Aino\n  innokyla agree --coders Ella,Aino,machine --json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runAgree(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringSliceVar(&opts.Coders, "coders", nil, "the coders to compare, comma-separated (machine: the classifier)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print as JSON")
	return cmd
}

func (o *AgreeOptions) check() error {
	seen := map[string]bool{}
	var out []string
	for _, c := range o.Coders {
		c = strings.TrimSpace(c)
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	if len(out) < 2 {
		return withHint(usageError(fmt.Errorf("agree needs at least two coders")), "Try: innokyla agree --coders Ella,Aino")
	}
	o.Coders = out
	return nil
}

func runAgree(ctx context.Context, opts *AgreeOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	units, err := codedUnits(ctx, s, opts.Coders)
	if err != nil {
		return err
	}
	r := agreement.Compare(opts.Coders, units)
	if r.Units == 0 {
		return withHint(fmt.Errorf("agree: no model was coded whole by two of %s", strings.Join(opts.Coders, ", ")),
			"Try: innokyla review ID --coder NAME for each, or innokyla import project.qdpx --coder NAME")
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, r)
	}
	return writeAgreement(opts.F.Out, r)
}

// codedUnits gathers the complete codings of coders per model version;
// model.MachineCoder adds the classifier's stored coding of each.
func codedUnits(ctx context.Context, s *store.Store, coders []string) ([]agreement.Unit, error) {
	type key struct {
		id      string
		version int
	}
	byKey := map[key]*agreement.Unit{}
	var order []key
	machine := false
	for _, c := range coders {
		if c == model.MachineCoder {
			machine = true
			continue
		}
		err := s.HumanCodings(ctx, store.HumanQuery{Coder: c}, func(hc store.HumanCoding) error {
			if !hc.Complete {
				return nil
			}
			k := key{hc.ID, hc.Version}
			u := byKey[k]
			if u == nil {
				u = &agreement.Unit{ID: hc.ID, Version: hc.Version, Codings: map[string]*model.Participation{}}
				byKey[k] = u
				order = append(order, k)
			}
			u.Codings[c] = hc.P
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("agree: %w", err)
		}
	}
	out := make([]agreement.Unit, 0, len(order))
	for _, k := range order {
		u := byKey[k]
		if machine {
			m, err := s.GetVersion(ctx, k.id, k.version)
			if err != nil {
				return nil, fmt.Errorf("agree: %w", err)
			}
			if m.Participation != nil {
				u.Codings[model.MachineCoder] = m.Participation
			}
		}
		out = append(out, *u)
	}
	return out, nil
}

func writeAgreement(w io.Writer, r *agreement.Result) error {
	fmt.Fprintf(w, "Coders: %s; %d models coded whole by two or more of them\n\n", strings.Join(r.Coders, ", "), r.Units)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	kappa := len(r.Coders) == 2
	head := "CODE\tMODELS\tAGREEMENT %\t"
	if kappa {
		head += "KAPPA\t"
	}
	fmt.Fprintln(tw, head+"ALPHA\t")
	for _, row := range r.Rows {
		line := fmt.Sprintf("%s\t%d\t%.1f\t", row.Code, row.Units, 100*row.Agreement)
		if kappa {
			line += figure(row.Kappa) + "\t"
		}
		fmt.Fprintln(tw, line+figure(row.Alpha)+"\t")
	}
	return tw.Flush()
}

func figure(f *float64) string {
	if f == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *f)
}
