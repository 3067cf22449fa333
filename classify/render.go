package classify

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/innokyla/innokyla/model"
)

// WriteText renders the report for a person: the figures of the classifier
// and the baseline, per-label tables, then the disagreements with evidence.
func (r *Report) WriteText(w io.Writer, cb *Codebook) error {
	ew := &errWriter{w: w}
	ew.printf("Gold rows: %d (no stored model for %d)   codebook: %s\n\n", r.N, r.Missing, r.Codebook)
	tw := tabwriter.NewWriter(ew, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\tmethods micro-F1\tmethods macro-F1\tphases micro-F1\tphases macro-F1\tdescribed accuracy\tdescribed kappa\n")
	for _, row := range []struct {
		name string
		f    Figures
	}{{"classifier", r.Classifier}, {"baseline (substrings)", r.Baseline}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", row.name, row.f.Methods.Micro.F1, row.f.Methods.Macro.F1,
			row.f.Phases.Micro.F1, row.f.Phases.Macro.F1, row.f.Described.Accuracy, row.f.Described.Kappa)
	}
	tw.Flush()
	for _, t := range []struct {
		title string
		s, b  Scores
		label func(string) model.Label
	}{{"Methods", r.Classifier.Methods, r.Baseline.Methods, cb.MethodLabel}, {"Phases", r.Classifier.Phases, r.Baseline.Phases, cb.PhaseLabel}} {
		ew.printf("\n%s\n", t.title)
		tw := tabwriter.NewWriter(ew, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "label\ttp\tfp\tfn\tP\tR\tF1\tbaseline F1\t\n")
		for i, s := range t.s.Labels {
			l := t.label(s.Label)
			fmt.Fprintf(tw, "%s (%s)\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n", l.FI, l.EN, s.TP, s.FP, s.FN, s.Precision, s.Recall, s.F1, t.b.Labels[i].F1)
		}
		m := t.s.Micro
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n", m.Label, m.TP, m.FP, m.FN, m.Precision, m.Recall, m.F1, t.b.Micro.F1)
		// A macro average has no counts of its own: it averages the labels.
		m = t.s.Macro
		fmt.Fprintf(tw, "%s\t-\t-\t-\t%.2f\t%.2f\t%.2f\t%.2f\t\n", m.Label, m.Precision, m.Recall, m.F1, t.b.Macro.F1)
		tw.Flush()
	}
	d := r.Classifier.Described
	ew.printf("\nDescribed: accuracy %.3f, kappa %.3f (tp %d, fp %d, fn %d, tn %d); baseline accuracy %.3f, kappa %.3f\n",
		d.Accuracy, d.Kappa, d.TP, d.FP, d.FN, d.TN, r.Baseline.Described.Accuracy, r.Baseline.Described.Kappa)
	if len(r.Categories) > 0 {
		ew.printf("\nErrors by category of the gold\n")
		tw := tabwriter.NewWriter(ew, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "category\tmodels\tfalse described\tmissed described\tfalse methods\tmissed methods\t\n")
		for _, c := range r.Categories {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", c.Name, c.Models, c.FalseDescribed, c.MissedDescribe, c.FalseMethods, c.MissedMethods)
		}
		tw.Flush()
	}
	ew.printf("\nDisagreements: %d\n", len(r.Disagreements))
	for _, x := range r.Disagreements {
		ew.printf("\n%s", x.URL)
		if x.Line > 0 {
			ew.printf(" (gold line %d)", x.Line)
		}
		if x.Missing {
			ew.printf(" [no stored model]")
		}
		ew.printf("\n")
		if x.Described[0] != x.Described[1] {
			ew.printf("  described: gold %v, classifier %v\n", x.Described[0], x.Described[1])
		}
		for _, p := range []struct {
			name string
			ids  []string
		}{{"missed methods", x.MissedM}, {"extra methods", x.ExtraM}, {"missed phases", x.MissedP}, {"extra phases", x.ExtraP}} {
			if len(p.ids) > 0 {
				ew.printf("  %s: %s\n", p.name, strings.Join(p.ids, ", "))
			}
		}
		for _, m := range x.Methods {
			for _, e := range m.Evidence {
				ew.printf("  %s [%s] %s: %q\n", m.ID, strings.Join(e.Phases, ","), e.Section, e.Text)
			}
		}
		for _, e := range x.Evidence {
			ew.printf("  general [%s] %s: %q\n", strings.Join(e.Phases, ","), e.Section, e.Text)
		}
	}
	return ew.err
}

// errWriter keeps the first write error so rendering code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, a ...any) { fmt.Fprintf(e, format, a...) }
