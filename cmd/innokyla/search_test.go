package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/innokyla/innokyla/web"
)

// searchCorpus stores four models, three of them coded, one with markup
// and a terminal escape in its title.
func searchCorpus(t *testing.T, c *cli) {
	t.Helper()
	ctx := context.Background()
	if err := os.MkdirAll(c.data, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, filepath.Join(c.data, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pir, lap := "Pirkanmaan hyvinvointialue", "Lapin hyvinvointialue"
	mk := func(id, title, summary, region string, p *model.Participation) *model.Model {
		return &model.Model{ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: title, Summary: summary,
			Region: region, Regions: []string{region}, Stage: "Valmis", Created: "2023-04-01",
			FetchedAt: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC), Participation: p}
	}
	ws := &model.Participation{Codebook: "cb-1", Described: true, Phases: []string{model.Planning},
		Methods: []model.Method{{ID: "workshop", Phases: []string{model.Planning},
			Evidence: []model.Evidence{{Page: "main", Section: "Kehittäminen", Text: "Työpajoissa suunniteltiin palvelua."}}}}}
	for _, m := range []*model.Model{
		mk("pir-kokemus", "Kokemusasiantuntijat mielenterveystyössä", "Kokemusasiantuntijoiden kanssa kehitetty mielenterveyden tuki.", pir, ws),
		mk("lap-kokemus", "Kokemusasiantuntija päihdetyössä", "Kokemusasiantuntijan vastaanotto.", lap, &model.Participation{Codebook: "cb-1"}),
		mk("pir-kysely", "Asiakaskyselyn tulokset", "Kysely toistetaan vuosittain.", pir, nil),
		mk("lap-xss", "<b>Lihavoitu</b> \x1b[31mpunainen\x1b[0m kokemusasiantuntija", "Tavallinen teksti.", lap, nil),
	} {
		if _, err := s.Put(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIndexAndSearchCommands(t *testing.T) {
	c := newCLI(t)
	searchCorpus(t, c)
	code, out, errOut := c.run("index")
	if code != 0 || !strings.Contains(out, "4 models (4 added, 0 updated, 0 removed, 0 unchanged)") {
		t.Fatalf("index: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = c.run("index")
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 0 removed, 4 unchanged") {
		t.Fatalf("second index: exit %d\n%s", code, out)
	}
	code, out, _ = c.run("index", "--rebuild")
	if code != 0 || !strings.Contains(out, "rebuilt: 4 models (4 added") {
		t.Fatalf("rebuild: exit %d\n%s", code, out)
	}

	code, out, errOut = c.run("search", "kokemusasiantuntija", "--region", "Pirkanmaa")
	if code != 0 {
		t.Fatalf("search: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{"1. Kokemusasiantuntijat mielenterveystyössä", "Pirkanmaan hyvinvointialue · Valmis · relevance 100 %",
		"**Kokemusasiantuntijoiden**", "Showing 1-1 of 1 model for", "Osallistamistapa: Työpaja 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("search output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "lap-") {
		t.Errorf("region filter let Lapland through:\n%s", out)
	}

	code, out, _ = c.run("search", "kokemusasiantuntija", "--region", "Lappi")
	if code != 0 || strings.Contains(out, "\x1b") || !strings.Contains(out, "<b>Lihavoitu</b> [31mpunainen[0m") {
		t.Errorf("escape sequences not dropped (exit %d):\n%q", code, out)
	}

	code, out, _ = c.run("search", "hammashoito")
	if code != 0 || !strings.Contains(out, `No models match "hammashoito"`) {
		t.Errorf("no-hit search: exit %d\n%s", code, out)
	}

	code, out, _ = c.run("search", "kysely", "--json", "--limit", "5")
	if code != 0 {
		t.Fatalf("json search: exit %d", code)
	}
	var res index.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if res.Total != 1 || res.Hits[0].ID != "pir-kysely" || len(res.Facets) == 0 || len(res.Hits[0].Snippet.Parts) == 0 {
		t.Errorf("json result %+v", res)
	}

	code, out, _ = c.run("search", "--method", "Työpaja", "--described", "true")
	if code != 0 || !strings.Contains(out, "Showing 1-1 of 1") || strings.Contains(out, "relevance") {
		t.Errorf("filter-only search (no relevance without words): exit %d\n%s", code, out)
	}

	code, out, _ = c.run("search", "--year", "2023", "--region", "Lappi")
	if code != 0 || !strings.Contains(out, "Showing 1-2 of 2 models") {
		t.Errorf("--year: exit %d\n%s", code, out)
	}
	code, out, _ = c.run("search", "--year", "2022")
	if code != 0 || !strings.Contains(out, "No models match") {
		t.Errorf("--year 2022: exit %d\n%s", code, out)
	}

	code, out, _ = c.run("search", `alue:"Pirkanmaan hyvinvointialue"`)
	if code != 0 || !strings.Contains(out, "Showing 1-2 of 2 models") {
		t.Errorf("multi-word field value: exit %d\n%s", code, out)
	}
}

func TestSearchUsageErrors(t *testing.T) {
	c := newCLI(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"search"}, "give a QUERY"},
		{[]string{"search", "x", "--limit", "0"}, "--limit 0"},
		{[]string{"search", "x", "--limit", "1000"}, "--limit 1000"},
		{[]string{"search", "x", "--described", "maybe"}, `--described "maybe"`},
		{[]string{"search", "x", "--method", "dance"}, `--method "dance"`},
		{[]string{"search", "x", "--phase", "later"}, `--phase "later"`},
		{[]string{"search", "x", "--region", "Atlantis"}, "--region"},
		{[]string{"search", "x", "--stage", "bogus"}, "Kehitteillä, Valmis, Arvioitu"},
		{[]string{"search", "x", "--year", "abc"}, `--year "abc": want a year`},
		{[]string{"search", strings.Repeat("a", 501)}, "at most 500"},
		{[]string{"search", "/"}, "needs a closing /"},
		{[]string{"search", "method:nonexistent"}, "want one of survey"},
		{[]string{"search", "kanssa"}, "too common to be indexed (kanssa)"},
		{[]string{"serve", "--addr", "nonsense"}, "--addr"},
		{[]string{"index", "extra"}, "unknown command"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := c.run(tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
			}
		})
	}
}

func TestSearchWithoutIndex(t *testing.T) {
	c := newCLI(t)
	code, _, stderr := c.run("search", "x")
	if code != exitError || !strings.Contains(stderr, "no index") || !strings.Contains(stderr, "Try: innokyla index") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestIndexWhileServing(t *testing.T) {
	c := newCLI(t)
	searchCorpus(t, c)
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	// A reader holds the index (as serve does); index must fail, not hang.
	ix, err := index.Open(filepath.Join(c.data, "index"), index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	code, _, stderr := c.run("index")
	if code != exitError || !strings.Contains(stderr, "in use by another innokyla process") || !strings.Contains(stderr, "Try: stop the other") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	// Readers share: search still works.
	if code, out, _ := c.run("search", "kysely"); code != 0 || !strings.Contains(out, "Asiakaskyselyn tulokset") {
		t.Errorf("search beside a reader: exit %d\n%s", code, out)
	}
}

func TestSearchFlags(t *testing.T) {
	var got *SearchOptions
	cmd := NewCmdSearch(&Factory{}, func(_ context.Context, o *SearchOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"kokemus", "asiantuntija", "--region", "Pirkanmaa", "--region", "Lappi", "--method", "workshop",
		"--phase", "planning", "--stage", "Valmis", "--described", "false", "--limit", "20", "--offset", "40", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Query != "kokemus asiantuntija" || len(got.Regions) != 2 || got.Methods[0] != "workshop" ||
		got.Phases[0] != "planning" || got.Stages[0] != "Valmis" || got.Described != "false" || got.Limit != 20 || got.Offset != 40 || !got.JSON {
		t.Fatalf("options %+v", got)
	}
}

func TestServeCommand(t *testing.T) {
	c := newCLI(t)
	searchCorpus(t, c)
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errw bytes.Buffer
	f := &Factory{DataDir: c.data, In: strings.NewReader(""), Out: io.Discard, Err: &errw, Now: time.Now}
	defer f.Close()
	base, done := startServe(t, ctx, &ServeOptions{F: f, ReloadEvery: 20 * time.Millisecond})
	resp, err := http.Get(base + "/api/models/pir-kokemus")
	if err != nil {
		t.Fatal(err)
	}
	var m model.Model
	err = json.NewDecoder(resp.Body).Decode(&m)
	resp.Body.Close()
	if err != nil || m.Participation == nil || m.Participation.Methods[0].Evidence[0].Text != "Työpajoissa suunniteltiin palvelua." {
		t.Fatalf("model from the store: %+v, %v", m, err)
	}
	resp, err = http.Get(base + "/api/models/missing")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing model: status %d", resp.StatusCode)
	}
	if sr, err := apiSearch(base + "/api/search?q=kysely"); err != nil || sr.Total != 1 {
		t.Errorf("search through serve: %+v %v", sr, err)
	}

	// A model imported and an index --rebuild while serve runs: serve
	// answers from the new index without a restart.
	rec := `{"id":"uusi-malli","url":"https://innokyla.example/fi/toimintamalli/uusi-malli","title":"Uutuusmalli","summary":"Vasta tuotu uutuusmalli.","created":"2024-01-01"}`
	if code, _, e := c.run("import", writeFile(t, filepath.Join(t.TempDir(), "new.jsonl"), rec+"\n")); code != 0 {
		t.Fatalf("import while serving: %s", e)
	}
	if code, _, e := c.run("index", "--rebuild"); code != 0 {
		t.Fatalf("index --rebuild while serving: %s", e)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		sr, err := apiSearch(base + "/api/search?q=uutuusmalli")
		if err == nil && sr.Total == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("30 s after index --rebuild serve still answers %+v, %v", sr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("graceful shutdown returned %v", err)
	}
	if !strings.Contains(errw.String(), "Serving 4 models on http://127.0.0.1:") || !strings.Contains(errw.String(), "Stopped.") ||
		!strings.Contains(errw.String(), "The index changed on disk: serving it now, 5 models") {
		t.Errorf("stderr %q", errw.String())
	}
}

// TestServeRankBound: --rank-bound N ranks a sample of N when a search
// finds more; --rank-bound 0 ranks every hit; the counts are the same.
func TestServeRankBound(t *testing.T) {
	c := newCLI(t)
	searchCorpus(t, c)
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	for _, tc := range []struct {
		flag    string
		sampled bool
	}{
		{"1", true},
		{"0", false},
		{"10000", false},
	} {
		t.Run("rank-bound="+tc.flag, func(t *testing.T) {
			var opts *ServeOptions
			cmd := NewCmdServe(&Factory{}, func(_ context.Context, o *ServeOptions) error { opts = o; return nil })
			cmd.SetArgs([]string{"--rank-bound", tc.flag})
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts.F = &Factory{DataDir: c.data, In: strings.NewReader(""), Out: io.Discard, Err: io.Discard, Now: time.Now}
			defer opts.F.Close()
			base, done := startServe(t, ctx, opts)
			defer func() { cancel(); <-done }()
			sr, err := apiSearch(base + "/api/search?q=kokemusasiantuntija&size=1") // a sample grows to the page
			if err != nil || sr.Total < 2 {
				t.Fatalf("search: %+v, %v; want at least 2 hits", sr, err)
			}
			if sampled := sr.Ranked < sr.Total; sampled != tc.sampled {
				t.Errorf("ranked %d of %d, want a sample: %v", sr.Ranked, sr.Total, tc.sampled)
			}
		})
	}
	if code, _, stderr := c.run("serve", "--rank-bound", "-1"); code != exitUsage || !strings.Contains(stderr, "--rank-bound -1") {
		t.Errorf("--rank-bound -1: exit %d, %s", code, stderr)
	}
}

// startServe runs serve with opts on a free loopback port until ctx ends;
// it returns the base URL and where runServe's result arrives.
func startServe(t *testing.T, ctx context.Context, opts *ServeOptions) (string, <-chan error) {
	t.Helper()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	opts.Addr = "127.0.0.1:0"
	opts.Listening = func(u string) { urls <- u }
	go func() { done <- runServe(ctx, opts) }()
	select {
	case base := <-urls:
		return base, done
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
		return "", nil
	}
}

// apiSearch gets url, a search of serve's JSON API.
func apiSearch(url string) (web.SearchResponse, error) {
	var sr web.SearchResponse
	resp, err := http.Get(url)
	if err != nil {
		return sr, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&sr)
	return sr, err
}
