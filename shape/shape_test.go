package shape

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

func coded() *model.Model {
	text := "Äidit kertoivat kyselyssä toiveensa."
	return &model.Model{ID: "a", Region: "Pirkanmaan hyvinvointialue", Project: "P", Created: "2022-05-01",
		Sections: []model.Section{{Page: model.PagePath, Heading: "Vaiheet", Text: text}},
		Participation: &model.Participation{Codebook: "cb 2.0", Described: true, Phases: []string{model.Ideation, model.Planning},
			Methods: []model.Method{
				{ID: "survey", Phases: []string{model.Ideation, model.Planning}, Confidence: "high", Evidence: []model.Evidence{
					{Page: model.PagePath, Section: "Vaiheet", Text: "kyselyssä", Start: strings.Index(text, "kyselyssä"),
						End: strings.Index(text, "kyselyssä") + len("kyselyssä"), Phases: []string{model.Ideation, model.Planning}, Confidence: "medium"}}},
				{ID: "workshop", Phases: nil, Confidence: "low"},
			}}}
}

func TestCodes(t *testing.T) {
	m := coded()
	reviews := []model.Review{
		{Coder: "Ella", Code: "survey", Decision: model.Accept, At: time.Unix(1, 0)},
		{Coder: "Aino", Code: "survey", Decision: model.Reject, At: time.Unix(2, 0)},
	}
	rows := Codes(m, reviews)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprint(r...))
	}
	want := []string{
		fmt.Sprint("a", "Pirkanmaan hyvinvointialue", 2022, "machine", "cb 2.0", "survey", "ideation", "medium", "reject", "kehittamisen-polku", "Vaiheet", "kyselyssä", 16, 25),
		fmt.Sprint("a", "Pirkanmaan hyvinvointialue", 2022, "machine", "cb 2.0", "survey", "planning", "medium", "reject", "kehittamisen-polku", "Vaiheet", "kyselyssä", 16, 25),
		fmt.Sprint("a", "Pirkanmaan hyvinvointialue", 2022, "machine", "cb 2.0", "workshop", "", "low", "", "", "", "", "", ""),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A person's coding shows that person's decision.
	m.Participation.Coder = "Ella"
	if r := Codes(m, reviews)[0]; r[3] != "Ella" || r[8] != "accept" {
		t.Errorf("person's row %v", r)
	}
	// A model without codes keeps one row.
	if rows := Codes(&model.Model{ID: "b"}, nil); len(rows) != 1 || rows[0][5] != "" || len(rows[0]) != len(CodesHeader) {
		t.Errorf("uncoded %v", rows)
	}
}

func TestMatrixAndWriters(t *testing.T) {
	h := MatrixHeader()
	row := Matrix(coded())
	if len(h) != 7+10+4+40 || len(row) != len(h) {
		t.Fatalf("header %d, row %d", len(h), len(row))
	}
	get := func(col string) any {
		for i, c := range h {
			if c == col {
				return row[i]
			}
		}
		t.Fatalf("no column %s", col)
		return nil
	}
	for col, want := range map[string]any{"described": 1, "survey": 1, "workshop": 1, "interview": 0, "planning": 1,
		"development": 0, "survey__planning": 1, "workshop__planning": 0, "year": 2022} {
		if got := get(col); got != want {
			t.Errorf("%s = %v, want %v", col, got, want)
		}
	}
	var c, j bytes.Buffer
	cw, err := NewCSV(&c, h)
	if err != nil {
		t.Fatal(err)
	}
	jw := NewJSONL(&j, h)
	for _, w := range []*Writer{cw, jw} {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	recs, err := csv.NewReader(&c).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][3] != "2022" || recs[0][7] != "survey" {
		t.Fatalf("csv %v %v", recs, err)
	}
	var obj map[string]any
	if err := json.Unmarshal(j.Bytes(), &obj); err != nil || obj["survey__planning"] != 1.0 || obj["model_id"] != "a" {
		t.Fatalf("jsonl %s %v", j.String(), err)
	}
	if !strings.HasPrefix(j.String(), `{"model_id":"a","region":`) {
		t.Errorf("keys not in header order: %s", j.String())
	}
}
