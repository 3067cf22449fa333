package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestExportShapes(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := c.run("review", "kotihoidon-iltakaynnit", "--accept", "survey", "--reject", "feedback", "--coder", "Ella"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := c.run("export", "--format", "csv", "--shape", "codes")
	if code != 0 {
		t.Fatal(stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "model_id,region,year,coder,codebook,method,phase,confidence,review,page,section,evidence,start_char,end_char" {
		t.Fatalf("header %v", recs[0])
	}
	byModel := map[string][][]string{}
	for _, r := range recs[1:] {
		byModel[r[0]] = append(byModel[r[0]], r)
	}
	// Ella's coding (best): survey accepted, feedback gone.
	k := byModel["kotihoidon-iltakaynnit"]
	if len(k) == 0 || k[0][3] != "Ella" || k[0][5] != "survey" || k[0][8] != "accept" || k[0][12] != "0" {
		t.Fatalf("reviewed model rows %v", k)
	}
	for _, r := range k {
		if r[5] == "feedback" {
			t.Errorf("a rejected code is exported: %v", r)
		}
	}
	if len(byModel) != 3 {
		t.Errorf("%d models in the long table, want 3 (one without codes too)", len(byModel))
	}
	// The machine's coding shows the decision a person made on it.
	_, out, _ = c.run("export", "--format", "csv", "--shape", "codes", "--coding", "machine")
	if !strings.Contains(out, "kotihoidon-iltakaynnit,Pirkanmaan hyvinvointialue,2022,machine,") || !strings.Contains(out, ",feedback,piloting_evaluation,") ||
		!strings.Contains(out, ",reject,") {
		t.Errorf("machine codes:\n%s", out)
	}
	code, out, stderr = c.run("export", "--format", "jsonl", "--shape", "matrix")
	if code != 0 {
		t.Fatal(stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil || len(lines) != 3 {
		t.Fatalf("%d lines, %v", len(lines), err)
	}
	if row["model_id"] != "kirjaamisen-malli" || row["described"] != 0.0 || row["year"] != 2022.0 {
		t.Errorf("matrix row %v", row)
	}
	for _, tc := range []struct{ args []string }{
		{[]string{"export", "--shape", "wide"}},
		{[]string{"export", "--format", "qdpx", "--shape", "codes", "--out", "x.qdpx"}},
	} {
		if code, _, _ := c.run(tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d", tc.args, code)
		}
	}
}
