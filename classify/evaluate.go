package classify

import (
	"sort"

	"github.com/innokyla/innokyla/model"
)

// Item is one gold row with the codings compared with it. Got or Baseline
// may be nil when no model matched the row (counted as coding nothing).
type Item struct {
	Gold     GoldRow
	Got      *model.Participation
	Baseline *model.Participation
	Missing  bool // no stored model matched the gold row
}

// Score is precision, recall and F1 of one label or an average.
type Score struct {
	Label     string  `json:"label"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Scores is a label set's per-label scores with micro and macro averages.
type Scores struct {
	Labels []Score `json:"labels"`
	Micro  Score   `json:"micro"`
	Macro  Score   `json:"macro"`
}

// Binary is agreement on described.
type Binary struct {
	N        int     `json:"n"`
	Accuracy float64 `json:"accuracy"`
	Kappa    float64 `json:"kappa"`
	TP       int     `json:"tp"`
	FP       int     `json:"fp"`
	FN       int     `json:"fn"`
	TN       int     `json:"tn"`
}

// Figures are one coder's scores against the gold.
type Figures struct {
	Methods   Scores `json:"methods"`
	Phases    Scores `json:"phases"`
	Described Binary `json:"described"`
}

// Disagreement is one gold row where the classifier differs, with the
// evidence it read (or none, when it missed a code).
type Disagreement struct {
	URL       string           `json:"url"`
	Line      int              `json:"line,omitempty"`
	Missing   bool             `json:"missing,omitempty"`
	Described [2]bool          `json:"described"` // gold, classifier
	MissedM   []string         `json:"missed_methods,omitempty"`
	ExtraM    []string         `json:"extra_methods,omitempty"`
	MissedP   []string         `json:"missed_phases,omitempty"`
	ExtraP    []string         `json:"extra_phases,omitempty"`
	Evidence  []model.Evidence `json:"evidence,omitempty"`
	Methods   []model.Method   `json:"methods,omitempty"`
}

// Report is the result of Evaluate.
type Report struct {
	N          int     `json:"n"`
	Missing    int     `json:"missing"`
	Codebook   string  `json:"codebook"`
	Classifier Figures `json:"classifier"`
	Baseline   Figures `json:"baseline"`
	// Categories counts the classifier's errors per kind of case, when the
	// gold names categories.
	Categories    []Category     `json:"categories,omitempty"`
	Disagreements []Disagreement `json:"disagreements"`
}

// Category is the classifier's errors on the gold rows of one kind of case
// (positive, content_is_participation, staff_only, ...).
type Category struct {
	Name           string `json:"category"`
	Models         int    `json:"models"`
	FalseDescribed int    `json:"false_described"`  // coded described, gold says no
	MissedDescribe int    `json:"missed_described"` // gold described, coded not
	FalseMethods   int    `json:"false_methods"`    // method codes the gold lacks
	MissedMethods  int    `json:"missed_methods"`   // gold method codes not found
}

// Evaluate scores the codings in items against their gold rows: per-label
// precision, recall and F1 with micro and macro averages for methods and
// phases, accuracy and Cohen's kappa for described, the same for the
// baseline, and the classifier's disagreements.
func Evaluate(items []Item, codebook string) *Report {
	r := &Report{N: len(items), Codebook: codebook, Disagreements: []Disagreement{}}
	got := make([]*model.Participation, len(items))
	base := make([]*model.Participation, len(items))
	for i, it := range items {
		got[i], base[i] = orEmpty(it.Got), orEmpty(it.Baseline)
		if it.Missing {
			r.Missing++
		}
	}
	r.Classifier = figures(items, got)
	r.Baseline = figures(items, base)
	r.Categories = categories(items, got)
	for i, it := range items {
		d := Disagreement{URL: it.Gold.URL, Line: it.Gold.Line, Missing: it.Missing,
			Described: [2]bool{it.Gold.Described, got[i].Described}}
		d.MissedM, d.ExtraM = diff(it.Gold.Methods, methodIDs(got[i]))
		d.MissedP, d.ExtraP = diff(it.Gold.Phases, got[i].Phases)
		if d.Described[0] == d.Described[1] && len(d.MissedM)+len(d.ExtraM)+len(d.MissedP)+len(d.ExtraP) == 0 {
			continue
		}
		d.Methods = got[i].Methods
		d.Evidence = got[i].General
		r.Disagreements = append(r.Disagreements, d)
	}
	return r
}

// categories sums the errors per gold category, in order of first
// appearance; nil when the gold names none.
func categories(items []Item, got []*model.Participation) []Category {
	var out []Category
	at := map[string]int{}
	for i, it := range items {
		name := it.Gold.Category
		if name == "" {
			continue
		}
		k, ok := at[name]
		if !ok {
			k = len(out)
			at[name] = k
			out = append(out, Category{Name: name})
		}
		c := &out[k]
		c.Models++
		switch g, p := it.Gold.Described, got[i].Described; {
		case p && !g:
			c.FalseDescribed++
		case g && !p:
			c.MissedDescribe++
		}
		missed, extra := diff(it.Gold.Methods, methodIDs(got[i]))
		c.FalseMethods += len(extra)
		c.MissedMethods += len(missed)
	}
	return out
}

func orEmpty(p *model.Participation) *model.Participation {
	if p == nil {
		return &model.Participation{}
	}
	return p
}

func methodIDs(p *model.Participation) []string {
	out := make([]string, 0, len(p.Methods))
	for _, m := range p.Methods {
		out = append(out, m.ID)
	}
	return out
}

func figures(items []Item, got []*model.Participation) Figures {
	var f Figures
	gm := make([][]string, len(items))
	gp := make([][]string, len(items))
	pm := make([][]string, len(items))
	pp := make([][]string, len(items))
	var b Binary
	for i, it := range items {
		gm[i], gp[i] = it.Gold.Methods, it.Gold.Phases
		pm[i], pp[i] = methodIDs(got[i]), got[i].Phases
		switch g, p := it.Gold.Described, got[i].Described; {
		case g && p:
			b.TP++
		case !g && p:
			b.FP++
		case g && !p:
			b.FN++
		default:
			b.TN++
		}
	}
	f.Methods = scores(model.MethodIDs, gm, pm)
	f.Phases = scores(model.PhaseIDs, gp, pp)
	b.N = len(items)
	f.Described = kappa(b)
	return f
}

// scores computes per-label and averaged P/R/F1 over multi-label sets.
// Macro averages labels that occur in the gold or the predictions.
func scores(labels []string, gold, pred [][]string) Scores {
	var s Scores
	var micro Score
	var n int
	for _, l := range labels {
		sc := Score{Label: l}
		for i := range gold {
			g, p := contains(gold[i], l), contains(pred[i], l)
			switch {
			case g && p:
				sc.TP++
			case p:
				sc.FP++
			case g:
				sc.FN++
			}
		}
		prf(&sc)
		s.Labels = append(s.Labels, sc)
		micro.TP += sc.TP
		micro.FP += sc.FP
		micro.FN += sc.FN
		if sc.TP+sc.FP+sc.FN > 0 {
			n++
			s.Macro.Precision += sc.Precision
			s.Macro.Recall += sc.Recall
			s.Macro.F1 += sc.F1
		}
	}
	micro.Label = "micro"
	prf(&micro)
	s.Micro = micro
	s.Macro.Label = "macro"
	if n > 0 {
		s.Macro.Precision /= float64(n)
		s.Macro.Recall /= float64(n)
		s.Macro.F1 /= float64(n)
	}
	return s
}

// prf fills precision, recall and F1; an empty denominator counts as 1
// (nothing to find and nothing claimed is perfect agreement).
func prf(s *Score) {
	s.Precision, s.Recall = 1, 1
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// kappa fills accuracy and Cohen's kappa of a 2x2 table.
func kappa(b Binary) Binary {
	n := float64(b.N)
	if n == 0 {
		return b
	}
	po := float64(b.TP+b.TN) / n
	pYes := float64(b.TP+b.FN) / n * float64(b.TP+b.FP) / n
	pNo := float64(b.FP+b.TN) / n * float64(b.FN+b.TN) / n
	pe := pYes + pNo
	b.Accuracy = po
	if pe < 1 {
		b.Kappa = (po - pe) / (1 - pe)
	} else if po == 1 {
		b.Kappa = 1
	}
	return b
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// diff returns what gold has and got lacks, and what got has beyond gold.
func diff(gold, got []string) (missed, extra []string) {
	for _, g := range gold {
		if !contains(got, g) {
			missed = append(missed, g)
		}
	}
	for _, g := range got {
		if !contains(gold, g) {
			extra = append(extra, g)
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	return missed, extra
}
