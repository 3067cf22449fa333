package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/classify"
)

func TestEvaluateFlags(t *testing.T) {
	var got *EvaluateOptions
	cmd := NewCmdEvaluate(&Factory{}, func(_ context.Context, o *EvaluateOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--gold", "g.csv", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.GoldPath != "g.csv" || !got.JSON {
		t.Errorf("%+v", got)
	}
}

// goldCSV codes the test models as a person would; the chat row names the
// model by another host, so it matches by id, and one row has no model.
const goldCSV = `url,described,methods,phases
https://innokyla.example/fi/toimintamalli/kotihoidon-iltakaynnit,true,survey;feedback,ideation;piloting_evaluation
https://innokyla.example/fi/toimintamalli/kirjaamisen-malli,false,,
https://other.example/malli/mielenterveyden-chat,true,experts_by_experience;codesign,planning
https://innokyla.example/fi/toimintamalli/puuttuu,true,interview,
`

func TestEvaluateReport(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	gold := writeFile(t, filepath.Join(t.TempDir(), "gold.csv"), goldCSV)
	code, out, stderr := c.run("evaluate", "--gold", gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "1 of 4 gold rows have no stored model") {
		t.Errorf("stderr %q", stderr)
	}
	for _, want := range []string{"Gold rows: 4 (no stored model for 1)", "baseline (substrings)", "Yhteiskehittäminen (Co-design)",
		"Disagreements: 2", "https://other.example/malli/mielenterveyden-chat (gold line 4)", "missed methods: codesign",
		"[no stored model]"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = c.run("evaluate", "--gold", gold, "--json")
	var r classify.Report
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("--json: exit %d:\n%s", code, out)
	}
	// Coded: survey, feedback (row 1), experts (row 3) of gold 5 methods.
	if r.N != 4 || r.Missing != 1 || r.Classifier.Methods.Micro.TP != 3 || r.Classifier.Methods.Micro.FN != 2 ||
		r.Classifier.Methods.Micro.FP != 0 || r.Classifier.Described.Accuracy != 0.75 {
		t.Errorf("figures %+v", r.Classifier)
	}
}

func TestEvaluateInputErrors(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	bad := writeFile(t, filepath.Join(t.TempDir(), "gold.csv"), "url,described,methods,phases\nhttps://x.example/a,true,survey,\nhttps://x.example/b,true,kysely,\n")
	code, _, stderr := c.run("evaluate", "--gold", bad)
	if code != exitError || !strings.Contains(stderr, "gold.csv:3: methods: unknown id \"kysely\"") {
		t.Errorf("bad gold: exit %d, %s", code, stderr)
	}
	if code, _, stderr := c.run("evaluate"); code != exitUsage || !strings.Contains(stderr, "--gold") {
		t.Errorf("no --gold: exit %d, %s", code, stderr)
	}
}
