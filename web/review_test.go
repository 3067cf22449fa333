package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// reviewModels are three machine-coded models: "a" with a low and a high
// code, "b" with a medium one, "xss" with markup in its title.
func reviewModels() []*model.Model {
	ev := func(s model.Section, text, conf string) model.Evidence {
		i := strings.Index(s.Text, text)
		return model.Evidence{Page: s.Page, Section: s.Heading, Text: text, Start: i, End: i + len(text), Confidence: conf, Phases: []string{model.Planning}}
	}
	mk := func(id, title string, secs []model.Section, methods ...model.Method) *model.Model {
		p := &model.Participation{Codebook: "cb", Described: len(methods) > 0, Methods: methods, Phases: []string{model.Planning}}
		return &model.Model{ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: title,
			Region: "Pirkanmaan hyvinvointialue", Regions: []string{"Pirkanmaan hyvinvointialue"}, Sections: secs, Participation: p}
	}
	a := []model.Section{
		{Page: model.PageMain, Heading: "Idea", Text: "Äitien ryhmä. Äidit vastasivat kyselyyn alussa."},
		{Page: model.PagePath, Heading: "Vaiheet", Text: "Työpajassa äidit suunnittelivat ryhmän. Asiakkaita haastateltiin kotona."},
	}
	b := []model.Section{{Page: model.PageMain, Heading: "Idea", Text: "Palautetta kerättiin."}}
	x := []model.Section{{Page: model.PageMain, Heading: "<b>Idea</b>", Text: "Työpaja <i>pidettiin</i>."}}
	return []*model.Model{
		mk("a", "Äitien ryhmä", a,
			model.Method{ID: "survey", Phases: []string{model.Planning}, Confidence: "low", Evidence: []model.Evidence{ev(a[0], "Äidit vastasivat kyselyyn alussa.", "low")}},
			model.Method{ID: "workshop", Phases: []string{model.Planning}, Confidence: "high", Evidence: []model.Evidence{ev(a[1], "Työpajassa äidit suunnittelivat ryhmän.", "high")}}),
		mk("b", "Palaute", b, model.Method{ID: "feedback", Phases: []string{model.Planning}, Confidence: "medium", Evidence: []model.Evidence{ev(b[0], "Palautetta kerättiin.", "medium")}}),
		mk("xss", "<script>alert(1)</script> Malli", x, model.Method{ID: "workshop", Phases: []string{model.Planning}, Confidence: "high", Evidence: []model.Evidence{ev(x[0], "Työpaja <i>pidettiin</i>.", "high")}}),
	}
}

// reviewServer serves the review page over a real SQLite file: read
// through a read-only store, written by opening it for each decision, as
// serve does. busy makes every write fail as when another writer holds
// the lock.
func reviewServer(t *testing.T, busy *bool) (*httptest.Server, string) {
	t.Helper()
	ctx := context.Background()
	ms := reviewModels()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutAll(ctx, ms); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	write := func(ctx context.Context, fn func(*store.Store) error) error {
		if busy != nil && *busy {
			return fmt.Errorf("%w: pid 1, \"innokyla classify\"", ErrBusy)
		}
		ws, err := store.Open(ctx, path)
		if err != nil {
			return err
		}
		defer ws.Close()
		return fn(ws)
	}
	srv := httptest.NewServer(NewHandler(buildIndex(t, ms, 0), lookupIn(ms), WithReviews(&Reviews{Read: ro, Write: write})))
	t.Cleanup(srv.Close)
	return srv, path
}

func TestReviewAPIRefuses(t *testing.T) {
	busy := false
	srv, _ := reviewServer(t, &busy)
	post := func(id, origin, ctype, body string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/review/models/"+id, strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(b)
	}
	ok := `{"coder":"Ella","version":1,"accept":["survey"]}`
	for _, tc := range []struct {
		name, id, origin, ctype, body string
		status                        int
		want                          string
	}{
		{"another site", "a", "https://evil.example", "application/json", ok, 403, "this site's own page"},
		{"a form post", "a", "", "application/x-www-form-urlencoded", ok, 415, "application/json"},
		{"unknown model", "nope", "", "application/json", ok, 404, "no model"},
		{"old version", "a", "", "application/json", `{"coder":"Ella","version":7,"accept":["survey"]}`, 409, "reload"},
		{"no coder", "a", "", "application/json", `{"version":1,"accept":["survey"]}`, 400, "coder"},
		{"code the machine did not give", "a", "", "application/json", `{"coder":"E","version":1,"accept":["interview"]}`, 400, "did not code interview"},
		{"passage not in the section", "a", "", "application/json", `{"coder":"E","version":1,"add":{"method":"interview","section":0,"text":"Asiakkaita haastateltiin"}}`, 400, "does not hold the passage"},
		{"unknown field", "a", "", "application/json", `{"coder":"E","version":1,"acept":["survey"]}`, 400, "unknown field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := post(tc.id, tc.origin, tc.ctype, tc.body)
			if status != tc.status || !strings.Contains(body, tc.want) {
				t.Fatalf("%d %s, want %d with %q", status, body, tc.status, tc.want)
			}
		})
	}
	busy = true
	if status, body := post("a", srv.URL, "application/json", ok); status != 503 || !strings.Contains(body, "try again in a moment") {
		t.Fatalf("while another writer writes: %d %s", status, body)
	}
	busy = false
	if status, body := post("a", srv.URL, "application/json", ok); status != 200 || !strings.Contains(body, `"complete":false`) {
		t.Fatalf("a good decision: %d %s", status, body)
	}
	resp, err := http.Get(srv.URL + "/api/review/queue?region=nowhere-at-all")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("bad region: %d", resp.StatusCode)
	}
}
