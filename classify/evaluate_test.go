package classify

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

func TestReadGold(t *testing.T) {
	src := "url,described,methods,phases\n" +
		"https://x.example/fi/toimintamalli/a,true,survey;feedback,ideation\n" +
		"https://x.example/fi/toimintamalli/b,false,,\n"
	rows, err := ReadGold(strings.NewReader(src), "g.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !rows[0].Described || strings.Join(rows[0].Methods, ";") != "survey;feedback" ||
		rows[1].Described || len(rows[1].Methods) != 0 || rows[1].Line != 3 {
		t.Errorf("%+v", rows)
	}
	var buf bytes.Buffer
	if err := WriteGold(&buf, rows); err != nil || buf.String() != src {
		t.Errorf("WriteGold round trip: %v\n%s", err, buf.String())
	}
}

func TestReadGoldErrorsNameFileAndLine(t *testing.T) {
	head := "url,described,methods,phases\n"
	ok := "https://x.example/a,true,survey,ideation\n"
	cases := []struct {
		src  string
		line int
		want string
	}{
		{"", 1, "empty file"},
		{"address,described,methods,phases\n", 1, `header has no "url" column`},
		{head + ok + "https://x.example/b,true,survey\n", 3, "3 fields, the header has 4"},
		{head + ok + "https://x.example/b,maybe,,\n", 3, `described "maybe"`},
		{head + "https://x.example/b,true,surveys,\n", 2, `methods: unknown id "surveys"`},
		{head + "https://x.example/b,true,,testing\n", 2, `phases: unknown id "testing"`},
		{head + ok + ok, 3, "already on line 2"},
		{head + ok + "\"https://x.example/b,true,,\n", 3, "quote"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tc.src), "gold.csv")
			var ge *GoldError
			if !errors.As(err, &ge) || ge.Line != tc.line || ge.File != "gold.csv" || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%q: got %v, want line %d %q", tc.src, err, tc.line, tc.want)
			}
		})
	}
}

// TestReadGoldColumnsByName: a researcher's gold file has its columns in
// any order and notes beside them (the realdev file has evidence,
// category and note).
func TestReadGoldColumnsByName(t *testing.T) {
	src := "note,Phases,category,URL,described,evidence,methods\n" +
		"\"a, b\",ideation;planning,positive,https://x.example/a,yes,\"\"\"quoted\"\"\",survey;workshop\n" +
		",,plain_negative,https://x.example/b,no,,\n"
	rows, err := ReadGold(strings.NewReader(src), "gold.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []GoldRow{
		{URL: "https://x.example/a", Described: true, Methods: []string{"survey", "workshop"},
			Phases: []string{"ideation", "planning"}, Category: "positive", Line: 2},
		{URL: "https://x.example/b", Methods: []string{}, Phases: []string{}, Category: "plain_negative", Line: 3},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got %+v\nwant %+v", rows, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluateFigures(t *testing.T) {
	p := func(described bool, methods []string, phases ...string) *model.Participation {
		out := &model.Participation{Described: described, Phases: phases}
		for _, m := range methods {
			out.Methods = append(out.Methods, model.Method{ID: m})
		}
		return out
	}
	g := func(url string, described bool, methods []string, phases ...string) GoldRow {
		return GoldRow{URL: url, Described: described, Methods: methods, Phases: phases}
	}
	items := []Item{
		{Gold: g("a", true, []string{"survey"}, "ideation"), Got: p(true, []string{"survey"}, "ideation")},
		{Gold: g("b", true, []string{"survey", "feedback"}, "ideation"), Got: p(true, []string{"survey", "workshop"}, "planning")},
		{Gold: g("c", false, nil), Got: p(false, nil)},
		{Gold: g("d", false, nil), Got: p(true, []string{"interview"})},
		{Gold: g("e", true, []string{"feedback"}), Missing: true},
	}
	r := Evaluate(items, "cb")
	m := r.Classifier.Methods
	// survey tp2; feedback fn2; workshop fp1; interview fp1 -> micro P 2/4, R 2/4.
	if m.Micro.TP != 2 || m.Micro.FP != 2 || m.Micro.FN != 2 || !near(m.Micro.F1, 0.5) {
		t.Errorf("methods micro %+v", m.Micro)
	}
	// Macro over the four labels seen: survey F1 1, feedback 0, workshop 0, interview 0.
	if !near(m.Macro.F1, 0.25) {
		t.Errorf("methods macro %+v", m.Macro)
	}
	d := r.Classifier.Described
	// tp 2 (a,b), fp 1 (d), fn 1 (e), tn 1 (c): po 3/5, pe = .6*.6 + .4*.4 = .52.
	if d.TP != 2 || d.FP != 1 || d.FN != 1 || d.TN != 1 || !near(d.Accuracy, 0.6) || !near(d.Kappa, (0.6-0.52)/0.48) {
		t.Errorf("described %+v", d)
	}
	if r.Missing != 1 || len(r.Disagreements) != 3 {
		t.Errorf("missing %d, disagreements %+v", r.Missing, r.Disagreements)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf, Default()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"classifier", "baseline (substrings)", "Kysely (Survey)", "Disagreements: 3", "[no stored model]",
		"described: gold false, classifier true", "extra methods: interview"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

// The baseline reads cue words as plain substrings: it falls for the traps
// the classifier avoids.
func TestBaselineFallsForTraps(t *testing.T) {
	c := New(Default())
	m := &model.Model{Sections: []model.Section{{Page: model.PageMain, Heading: "Toimintaympäristö",
		Text: "Henkilöstökysely tehtiin. Asiakkaita ei haastateltu."}}}
	b := c.Baseline(m)
	if !b.Described || len(b.Methods) != 2 {
		t.Errorf("baseline %+v", b)
	}
	if p := c.Classify(m); p.Described {
		t.Errorf("classifier %+v", p)
	}
}
