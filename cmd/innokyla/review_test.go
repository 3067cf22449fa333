package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/store"
)

func TestReviewFlags(t *testing.T) {
	var got *ReviewOptions
	cmd := NewCmdReview(&Factory{}, func(_ context.Context, o *ReviewOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"m1", "--accept", "survey", "--reject", "feedback", "--add", "workshop:planning", "--evidence", "x", "--memo", "m", "--coder", " Ella "})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Ref != "m1" || got.Accept[0] != "survey" || got.Reject[0] != "feedback" || got.Add != "workshop:planning" || got.Coder != "Ella" || got.Memo != "m" {
		t.Errorf("%+v", got)
	}
}

func TestReviewUsageErrors(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"nothing", []string{"review"}, exitUsage, "needs a model id, or --queue"},
		{"queue and id", []string{"review", "x", "--queue"}, exitUsage, "give no model id"},
		{"add without evidence", []string{"review", "x", "--add", "survey"}, exitUsage, "--add and --evidence go together"},
		{"no coder", []string{"review", "kirjaamisen-malli", "--accept", "none", "--coder", " "}, exitUsage, "--coder: a coder needs a name"},
		{"unknown method", []string{"review", "kotihoidon-iltakaynnit", "--accept", "kahvi", "--coder", "E"}, exitUsage, `--accept "kahvi": want one of`},
		{"code the machine did not give", []string{"review", "kotihoidon-iltakaynnit", "--accept", "workshop", "--coder", "E"}, exitUsage, "the machine did not code workshop"},
		{"passage not in the text", []string{"review", "kotihoidon-iltakaynnit", "--add", "workshop", "--evidence", "ei tätä", "--coder", "E"}, exitError, "no section of kotihoidon-iltakaynnit holds the passage"},
		{"no such model", []string{"review", "ei-ole", "--accept", "survey", "--coder", "E"}, exitError, "model not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := c.run(tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, want %d; stderr %q lacks %q", code, tc.code, stderr, tc.want)
			}
		})
	}
	// Nothing of the refused decisions was stored.
	if _, out, _ := c.run("review", "--queue", "--json"); strings.Contains(out, `"decided": 1`) {
		t.Fatalf("a refused decision was stored:\n%s", out)
	}
}

func TestReviewLoop(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := c.run("review", "--queue", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var q []store.QueueItem
	if err := json.Unmarshal([]byte(out), &q); err != nil || len(q) != 3 {
		t.Fatalf("queue %v %s", err, out)
	}
	code, out, stderr = c.run("review", "kotihoidon-iltakaynnit", "--accept", "survey", "--reject", "Asiakaspalaute",
		"--memo", "palaute kerättiin vasta käytössä", "--coder", "Ella")
	if code != 0 || !strings.Contains(out, "accepted survey\nrejected feedback\n") || !strings.Contains(out, "by Ella: complete") {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	code, out, stderr = c.run("review", "kirjaamisen-malli", "--add", "interview:development",
		"--evidence", "Asiakkaita  ei\nosallistettu.", "--coder", "Ella")
	if code != 0 || !strings.Contains(out, "added interview") || !strings.Contains(out, "complete: a reviewed coding") {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	code, out, _ = c.run("explain", "kotihoidon-iltakaynnit")
	for _, want := range []string{
		"tarkistus (review): hyväksytty (accepted), Ella, ",
		"tarkistus (review): hylätty (rejected), Ella, ",
		"muistio (memo): palaute kerättiin vasta käytössä",
		"Tarkistettu koodaus (reviewed coding): Ella (review)",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if _, out, _ = c.run("review", "kirjaamisen-malli"); !strings.Contains(out, "Henkilön lisäämät koodit (codes a person added)") ||
		!strings.Contains(out, "Haastattelu (Interview) [interview]") {
		t.Errorf("review shows no added code:\n%s", out)
	}
	// classify again: the people's codings stay what the reports count.
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	for _, tc := range []struct {
		coding                                string
		models, reviewed, feedback, interview int
	}{
		{"machine", 3, 2, 1, 0},
		{"best", 3, 2, 0, 1},
		{"reviewed", 2, 2, 0, 1},
	} {
		t.Run(tc.coding, func(t *testing.T) {
			code, out, stderr := c.run("report", "--format", "json", "--coding", tc.coding)
			if code != 0 {
				t.Fatal(stderr)
			}
			var rep struct {
				Selection struct{ Coding string }
				Total     struct {
					Models, Reviewed int
					Methods          map[string]int
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			tot := rep.Total
			if rep.Selection.Coding != tc.coding || tot.Models != tc.models || tot.Reviewed != tc.reviewed ||
				tot.Methods["feedback"] != tc.feedback || tot.Methods["interview"] != tc.interview {
				t.Fatalf("%+v", rep)
			}
			if !strings.Contains(stderr, "reviewed by a person") {
				t.Errorf("status line: %s", stderr)
			}
		})
	}
	if _, out, _ = c.run("review", "--queue"); !strings.Contains(out, "mielenterveyden-chat") || strings.Contains(out, "kirjaamisen-malli") {
		t.Errorf("queue after review:\n%s", out)
	}
}
