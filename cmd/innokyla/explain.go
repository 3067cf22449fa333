package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ExplainOptions are the arguments of the explain command.
type ExplainOptions struct {
	F            *Factory
	Ref          string // url or id
	CodebookPath string // --codebook: code afresh with this codebook
	Fresh        bool   // --fresh: code afresh with the embedded codebook
	JSON         bool   // --json: the explanation as one JSON object
}

// NewCmdExplain builds the explain command.
func NewCmdExplain(f *Factory, runF func(context.Context, *ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{F: f}
	cmd := &cobra.Command{
		Use:   "explain URL|ID",
		Short: "Show each code of a model with the sentence it was read from",
		Long: `Show how a stored model was coded: whether client involvement is described,
each method with its phases, and for every code the sentence it was read
from, its section, page and character offsets, so that a researcher can check
it. The stored coding is shown; a model not yet classified, or --fresh or
--codebook, is coded now (and not stored). --json writes the model's
fields without its text, the coding with every evidence passage, and the
review decisions as one JSON object.`,
		Example: "  innokyla explain kotihoidon-digiohjaus-lahti\n  innokyla explain https://innokyla.example/fi/toimintamalli/kotihoidon-digiohjaus-lahti --fresh\n  innokyla explain kotihoidon-digiohjaus-lahti --json",
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExplain(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.CodebookPath, "codebook", "", "code afresh with this codebook YAML `FILE`")
	cmd.Flags().BoolVar(&opts.Fresh, "fresh", false, "code afresh with the embedded codebook instead of showing the stored coding")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write the explanation as one JSON object")
	return cmd
}

func runExplain(ctx context.Context, opts *ExplainOptions) error {
	cb, err := loadCodebook(opts.CodebookPath)
	if err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	st, err := s.ReviewState(ctx, opts.Ref)
	if err != nil {
		return withHint(fmt.Errorf("explain: %w", err), "Try: innokyla search to find the model's id")
	}
	m := st.Model
	note := "stored coding"
	codedNow := false
	if m.Participation == nil || opts.Fresh || opts.CodebookPath != "" {
		m.Participation = classify.New(cb).Classify(m)
		m.Participation.Codebook = cb.Identity()
		note, codedNow = "coded now, not stored", true
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, explanationJSON(st, codedNow))
	}
	return writeExplanation(opts.F.Out, st, cb, note)
}

// explanation is the JSON of explain: what the text shows.
type explanation struct {
	ID            string                    `json:"id"`
	URL           string                    `json:"url"`
	Title         string                    `json:"title"`
	Version       int                       `json:"version"`
	CodedNow      bool                      `json:"coded_now"` // false: the stored coding
	Participation *model.Participation      `json:"participation"`
	Reviews       []model.Review            `json:"reviews"`
	Changed       *store.ChangedSinceReview `json:"changed_since_review,omitempty"`
}

func explanationJSON(st *store.ReviewState, codedNow bool) explanation {
	m := st.Model
	e := explanation{ID: m.ID, URL: m.URL, Title: m.Title, Version: m.Version, CodedNow: codedNow,
		Participation: m.Participation, Reviews: st.Reviews, Changed: st.Changed}
	if e.Reviews == nil {
		e.Reviews = []model.Review{}
	}
	return e
}

// writeExplanation prints a model's coding for a person: Finnish labels with
// English in brackets, every code with its evidence. Text from the pages
// is untrusted: no control character of it is printed.
func writeExplanation(w io.Writer, st *store.ReviewState, cb *classify.Codebook, note string) error {
	m := st.Model
	p := m.Participation
	ew := &lineWriter{w: w}
	ew.printf("%s\n%s (id %s, version %d)\n", safe.Line(m.Title), safe.Line(m.URL), safe.Line(m.ID), m.Version)
	ew.printf("Koodikirja (codebook): %s, %s\n\n", safe.Line(p.Codebook), note)
	yes := "ei (no)"
	if p.Described {
		yes = "kyllä (yes)"
	}
	ew.printf("Asiakkaiden osallistuminen kuvattu (involvement described): %s\n", yes)
	ew.printf("Vaiheet (phases): %s\n", phaseList(cb, p.Phases))
	if !p.Described {
		ew.printf("\nNo sentence in the model states that clients took part in developing it.\n")
	}
	for _, mm := range p.Methods {
		l := cb.MethodLabel(mm.ID)
		ew.printf("\n%s (%s) [%s]\n  vaiheet (phases): %s\n", l.FI, l.EN, mm.ID, phaseList(cb, mm.Phases))
		if mm.Confidence != "" {
			ew.printf("  varmuus (confidence): %s\n", mm.Confidence)
		}
		for _, e := range mm.Evidence {
			writeEvidence(ew, cb, e)
		}
		writeDecisions(ew, st.Reviews, mm.ID)
	}
	if len(p.General) > 0 {
		ew.printf("\nYleinen maininta osallistumisesta (general statement of involvement)\n")
		for _, e := range p.General {
			writeEvidence(ew, cb, e)
		}
	}
	writeReviewState(ew, cb, st)
	return ew.err
}

func writeEvidence(ew *lineWriter, cb *classify.Codebook, e model.Evidence) {
	page := "pääsivu (main page)"
	if e.Page == model.PagePath {
		page = "kehittämisen polku (development path)"
	}
	ew.printf("  - %q\n    osio (section): %s; sivu (page): %s; tavut (bytes) %d-%d; vaiheet (phases): %s\n",
		e.Text, safe.Line(e.Section), page, e.Start, e.End, phaseList(cb, e.Phases))
	if e.Confidence != "" {
		ew.printf("    varmuus (confidence): %s\n", e.Confidence)
	}
}

func phaseList(cb *classify.Codebook, ids []string) string {
	if len(ids) == 0 {
		return "ei vaihetta (none)"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		l := cb.PhaseLabel(id)
		out[i] = fmt.Sprintf("%s (%s)", l.FI, l.EN)
	}
	return strings.Join(out, ", ")
}

// lineWriter keeps the first write error.
type lineWriter struct {
	w   io.Writer
	err error
}

func (l *lineWriter) printf(format string, a ...any) {
	if l.err == nil {
		_, l.err = fmt.Fprintf(l.w, format, a...)
	}
}
