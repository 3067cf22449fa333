package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ReviewOptions are the arguments of the review command.
type ReviewOptions struct {
	F        *Factory
	Ref      string   // model url or id
	Accept   []string // --accept CODE
	Reject   []string // --reject CODE
	Add      string   // --add METHOD[:PHASE,...]
	Evidence string   // --evidence "text" for --add
	Memo     string
	Coder    string // --coder, default $USER

	Queue   bool     // --queue
	Regions []string // --region for the queue
	Limit   int      // --limit for the queue
	JSON    bool
}

const reviewLong = `Review the machine's codes of a model as a person: accept or reject each
method it coded, add a method it missed with the passage that shows it, and
leave a memo. Decisions are stored with who made them and when, per model
version; classify never replaces them. When every machine code of a version
is decided (a model without codes: --accept none, or a code added), the
person's coding of it is complete: report --coding reviewed and best use it.

  innokyla review ID --accept workshop --reject survey --memo "..."
  innokyla review ID --add interview:planning --evidence "Asiakkaita haastateltiin."
  innokyla review ID                 show the codes and their decisions
  innokyla review --queue [--region R] [--json]   models waiting, lowest confidence first

The evidence must be text of one of the model's sections (white space may
differ). --coder defaults to $USER. A decision replaces the same coder's
earlier one on the same code.`

// NewCmdReview builds the review command.
func NewCmdReview(f *Factory, runF func(context.Context, *ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{F: f}
	cmd := &cobra.Command{
		Use:   "review ID [--accept CODE] [--reject CODE] [--add METHOD[:PHASE,...] --evidence TEXT] | review --queue",
		Short: "Accept, reject or add codes of a model as a person, or list the models to review",
		Long:  reviewLong,
		Example: `  innokyla review --queue --region Pirkanmaa
  innokyla review lastensuojelun-perhetyon-tiimimalli --accept none --coder "Ella Ojamo"
  innokyla review lastensuojelun-perhetyon-tiimimalli`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Ref = args[0]
			}
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runReview(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Accept, "accept", nil, "accept the machine's `CODE` (a method, or none for a model without codes; repeatable)")
	fl.StringArrayVar(&opts.Reject, "reject", nil, "reject the machine's `CODE` (repeatable)")
	fl.StringVar(&opts.Add, "add", "", "add `METHOD[:PHASE,...]` the machine missed (needs --evidence)")
	fl.StringVar(&opts.Evidence, "evidence", "", "the passage of the model's text that shows the added code")
	fl.StringVar(&opts.Memo, "memo", "", "a note kept with the decisions")
	fl.StringVar(&opts.Coder, "coder", os.Getenv("USER"), "who decides (default $USER)")
	fl.BoolVar(&opts.Queue, "queue", false, "list the models no person has reviewed whole, lowest confidence first")
	fl.StringArrayVar(&opts.Regions, "region", nil, "queue: only this welfare region (repeatable)")
	fl.IntVar(&opts.Limit, "limit", 50, "queue: list at most this many models (0: all)")
	fl.BoolVar(&opts.JSON, "json", false, "print as JSON")
	return cmd
}

func (o *ReviewOptions) decides() bool {
	return len(o.Accept)+len(o.Reject) > 0 || o.Add != ""
}

func (o *ReviewOptions) check() error {
	switch {
	case o.Queue && o.Ref != "":
		return usageError(fmt.Errorf("--queue lists models; give no model id with it"))
	case !o.Queue && o.Ref == "":
		return withHint(usageError(fmt.Errorf("review needs a model id, or --queue")), "Try: innokyla review --queue")
	case o.Queue && o.decides():
		return usageError(fmt.Errorf("--queue cannot take decisions"))
	case (o.Add == "") != (o.Evidence == ""):
		return withHint(usageError(fmt.Errorf("--add and --evidence go together")), `Try: --add workshop:planning --evidence "Asiakkaat suunnittelivat..."`)
	case o.Limit < 0:
		return usageError(fmt.Errorf("--limit %d: must be 0 or more", o.Limit))
	}
	if o.decides() {
		c, err := model.ParseCoder(o.Coder)
		if err != nil {
			return withHint(usageError(fmt.Errorf("--coder: %w", err)), `Try: --coder "Ella Ojamo"`)
		}
		o.Coder = c
	}
	return nil
}

func runReview(ctx context.Context, opts *ReviewOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	if opts.Queue {
		return runReviewQueue(ctx, opts)
	}
	if !opts.decides() {
		s, err := opts.F.Store(ctx)
		if err != nil {
			return err
		}
		st, err := s.ReviewState(ctx, opts.Ref)
		if err != nil {
			return withHint(fmt.Errorf("review: %w", err), "Try: innokyla review --queue, or innokyla search to find the model's id")
		}
		if st.Model.Participation == nil {
			return withHint(fmt.Errorf("review: %s is not classified yet", st.Model.ID), "Try: innokyla classify")
		}
		return writeExplanation(opts.F.Out, st, classify.Default(), "stored coding")
	}
	s, err := opts.F.WriteStore(ctx, false)
	if err != nil {
		return err
	}
	m, err := s.Get(ctx, opts.Ref)
	if err != nil {
		return withHint(fmt.Errorf("review: %w", err), "Try: innokyla review --queue, or innokyla search to find the model's id")
	}
	rs, err := reviewDecisions(opts, m)
	if err != nil {
		return err
	}
	hc, err := s.SaveReviews(ctx, rs)
	if errors.Is(err, store.ErrBadReview) {
		return withHint(usageError(fmt.Errorf("review %s: %w", m.ID, err)), "Try: innokyla review "+m.ID+" to see its codes")
	}
	if err != nil {
		return fmt.Errorf("review %s: %w", m.ID, err)
	}
	for _, r := range rs {
		fmt.Fprintf(opts.F.Out, "%s %s\n", pastTense(r.Decision), r.Code)
	}
	state := "not complete: decide on every machine code"
	if hc.Complete {
		state = "complete: a reviewed coding"
	}
	fmt.Fprintf(opts.F.Out, "%s version %d by %s: %s\n", safe.Line(m.ID), m.Version, safe.Line(opts.Coder), state)
	return nil
}

// reviewDecisions turns the flags into decisions on m's latest version.
func reviewDecisions(opts *ReviewOptions, m *model.Model) ([]model.Review, error) {
	var rs []model.Review
	mk := func(code, decision string) model.Review {
		return model.Review{ID: m.ID, Version: m.Version, Coder: opts.Coder, Code: code, Decision: decision, Memo: opts.Memo, At: opts.F.now().UTC()}
	}
	for _, d := range []struct {
		decision string
		codes    []string
	}{{model.Accept, opts.Accept}, {model.Reject, opts.Reject}} {
		for _, c := range d.codes {
			code := strings.ToLower(strings.TrimSpace(c))
			if code != model.NoCodes {
				id, err := model.ParseMethod(c)
				if err != nil {
					return nil, usageError(fmt.Errorf("--%s %q: %w or none", d.decision, c, err))
				}
				code = id
			}
			rs = append(rs, mk(code, d.decision))
		}
	}
	if opts.Add != "" {
		id, phases, err := model.ParseCodeSpec(opts.Add)
		if err != nil {
			return nil, withHint(usageError(fmt.Errorf("--add: %w", err)), "Try: --add workshop:ideation,planning")
		}
		e, err := m.FindPassage(opts.Evidence)
		if err != nil {
			return nil, withHint(fmt.Errorf("--evidence: %w", err), "Try: innokyla explain "+m.ID+" --fresh to read its sections, and copy the passage")
		}
		e.Phases = phases
		r := mk(id, model.Add)
		r.Method = &model.Method{ID: id, Phases: phases, Evidence: []model.Evidence{e}}
		rs = append(rs, r)
	}
	return rs, nil
}

func pastTense(decision string) string {
	switch decision {
	case model.Accept:
		return "accepted"
	case model.Reject:
		return "rejected"
	}
	return "added"
}

func runReviewQueue(ctx context.Context, opts *ReviewOptions) error {
	regions, err := parseRegions(opts.Regions)
	if err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	q, err := s.Queue(ctx, store.Query{Regions: regions}, opts.Limit)
	if err != nil {
		return err
	}
	if opts.JSON {
		if q == nil {
			q = []store.QueueItem{}
		}
		return writeJSON(opts.F.Out, q)
	}
	return writeQueue(opts.F.Out, q)
}

func writeQueue(w io.Writer, q []store.QueueItem) error {
	if len(q) == 0 {
		_, err := fmt.Fprintln(w, "Nothing to review: a person has reviewed every selected model.")
		return err
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "CONFIDENCE\tDECIDED\tID\tREGION\tTITLE\n")
	for _, it := range q {
		conf := it.Confidence
		if conf == "" {
			conf = "-"
		}
		title := safe.Line(it.Title)
		if it.ChangedSinceReview {
			title += " (changed since review)"
		}
		fmt.Fprintf(tw, "%s\t%d/%d\t%s\t%s\t%s\n", conf, it.Decided, it.Codes, safe.Line(it.ID), safe.Line(it.Region), title)
	}
	return tw.Flush()
}
