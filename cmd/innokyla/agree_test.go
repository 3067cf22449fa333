package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/agreement"
)

func TestAgreeAndEvaluateCoder(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	for _, args := range [][]string{
		{"review", "kotihoidon-iltakaynnit", "--accept", "survey", "--reject", "feedback", "--coder", "Ella"},
		{"review", "kotihoidon-iltakaynnit", "--accept", "survey", "--accept", "feedback", "--coder", "Aino"},
		{"review", "kirjaamisen-malli", "--accept", "none", "--coder", "Ella"},
		{"review", "kirjaamisen-malli", "--accept", "none", "--coder", "Aino"},
		{"review", "kirjaamisen-malli", "--accept", "none", "--coder", "Kalle"},
	} {
		if code, _, stderr := c.run(args...); code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	code, out, stderr := c.run("agree", "--coders", "Ella,Aino", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var r agreement.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	rows := map[string]agreement.Row{}
	for _, row := range r.Rows {
		rows[row.Code] = row
	}
	// Two models: both agree on survey and described; feedback splits them.
	if r.Units != 2 || rows["survey"].Agreement != 1 || rows["feedback"].Agreement != 0.5 || rows["described"].Kappa == nil || *rows["described"].Kappa != 1 {
		t.Fatalf("%s", out)
	}
	code, out, stderr = c.run("agree", "--coders", "Ella,Aino,Kalle,machine")
	if code != 0 || !strings.Contains(out, "Coders: Ella, Aino, Kalle, machine; 2 models") || strings.Contains(out, "KAPPA") || !strings.Contains(out, "ALPHA") {
		t.Fatalf("exit %d %s %s", code, out, stderr)
	}
	if code, _, stderr := c.run("agree", "--coders", "Ella"); code != exitUsage || !strings.Contains(stderr, "at least two coders") {
		t.Errorf("one coder: exit %d %s", code, stderr)
	}
	if code, _, stderr := c.run("agree", "--coders", "Ella,Nobody"); code != exitError || !strings.Contains(stderr, "no model was coded whole by two of") {
		t.Errorf("no common models: exit %d %s", code, stderr)
	}
	code, out, stderr = c.run("evaluate", "--coder", "Ella", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	// Ella rejected the machine's feedback on one of her two models.
	var ev struct {
		N             int `json:"n"`
		Disagreements []struct {
			URL    string   `json:"url"`
			ExtraM []string `json:"extra_methods"`
		} `json:"disagreements"`
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil || ev.N != 2 || len(ev.Disagreements) != 1 ||
		!strings.HasSuffix(ev.Disagreements[0].URL, "kotihoidon-iltakaynnit") || strings.Join(ev.Disagreements[0].ExtraM, ",") != "feedback" {
		t.Fatalf("%v %+v", err, ev)
	}
	if code, _, stderr := c.run("evaluate", "--coder", "Nobody"); code != exitError || !strings.Contains(stderr, "Nobody has coded no model whole") {
		t.Errorf("unknown coder: exit %d %s", code, stderr)
	}
	if code, _, stderr := c.run("evaluate", "--coder", "Ella", "--gold", "x.csv"); code != exitUsage {
		t.Errorf("both: exit %d %s", code, stderr)
	}
}
