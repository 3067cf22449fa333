package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

// apiModels are the documents of the API and browser tests: the filters
// case plus a model whose title and text are markup.
func apiModels(t testing.TB) []*model.Model {
	ms := readDocs(t, filepath.Join("..", "index", "testdata", "cases", "filters", "docs.jsonl"))
	xss := &model.Model{ID: "xss", URL: "javascript:alert(3)", Title: "<script>alert(1)</script> Perhetyön malli",
		Summary: `Perhetyö <img src=x onerror="alert(2)"> & kumppanit`, Region: "Kainuun hyvinvointialue",
		Regions: []string{"Kainuun hyvinvointialue"}, Stage: "Valmis", Version: 1,
		Participation: &model.Participation{Codebook: "t", Described: true, Phases: []string{model.Development},
			Methods: []model.Method{{ID: "workshop", Phases: []string{model.Development},
				Evidence: []model.Evidence{{Page: model.PageMain, Section: "<b>Kuvaus</b>", Text: "Työpajassa <i>kokeiltiin</i> mallia."}}}}}}
	return append(ms, xss)
}

func lookupIn(ms []*model.Model) Lookup {
	return func(ctx context.Context, id string) (*model.Model, error) {
		for _, m := range ms {
			if m.ID == id {
				return m, nil
			}
		}
		return nil, fmt.Errorf("lookup %s: %w", id, ErrNotFound)
	}
}

func newTestServer(t testing.TB) *httptest.Server {
	ms := apiModels(t)
	ix := buildIndex(t, ms, 2) // as serve does, in parts even for a few models
	srv := httptest.NewServer(NewHandler(ix, lookupIn(ms)))
	t.Cleanup(srv.Close)
	return srv
}

func getJSON(t *testing.T, srv *httptest.Server, path string, wantStatus int, v interface{}) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, wantStatus, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: content type %q", path, ct)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v: %s", path, err, body)
		}
	}
}

func TestAPISearch(t *testing.T) {
	srv := newTestServer(t)
	var res SearchResponse
	getJSON(t, srv, "/api/search?q=perhetyö&region=Lappi&method=workshop", http.StatusOK, &res)
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "lapin-tyopaja" {
		t.Fatalf("hits %+v, want only lapin-tyopaja", res.Hits)
	}
	if !strings.Contains(res.Hits[0].SnippetHTML, "<mark>") {
		t.Errorf("snippet_html %q has no <mark>", res.Hits[0].SnippetHTML)
	}
	if len(res.Facets) == 0 || res.Labels.Methods["workshop"] != "Työpaja" {
		t.Errorf("facets %v labels %v", res.Facets, res.Labels)
	}

	// Paging: 6 models mention perhetyö; pages of 4.
	var p1, p2 SearchResponse
	getJSON(t, srv, "/api/search?q=perhetyö&size=4", http.StatusOK, &p1)
	getJSON(t, srv, "/api/search?q=perhetyö&size=4&page=2", http.StatusOK, &p2)
	if p1.Total != 6 || p1.Pages != 2 || len(p1.Hits) != 4 || len(p2.Hits) != 2 || p2.Page != 2 {
		t.Fatalf("paging: total %d pages %d, page 1 %d hits, page 2 %d hits", p1.Total, p1.Pages, len(p1.Hits), len(p2.Hits))
	}
	seen := map[string]bool{}
	for _, h := range append(p1.Hits, p2.Hits...) {
		if seen[h.ID] {
			t.Errorf("%s on both pages", h.ID)
		}
		seen[h.ID] = true
	}

	var none SearchResponse
	getJSON(t, srv, "/api/search?q=hammashoito", http.StatusOK, &none)
	if none.Total != 0 || none.Hits == nil {
		t.Errorf("no-hit search: %+v (hits must be [] not null)", none)
	}
}

func TestAPISearchEscapesMarkup(t *testing.T) {
	srv := newTestServer(t)
	resp, err := http.Get(srv.URL + "/api/search?q=" + url.QueryEscape("perhetyö") + "&region=Kainuu")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(body), "<script>") || strings.Contains(string(body), "<img") {
		t.Errorf("raw markup in JSON: %s", body)
	}
	var res SearchResponse
	if err := json.Unmarshal(body, &res); err != nil || len(res.Hits) != 1 {
		t.Fatalf("%v %s", err, body)
	}
	h := res.Hits[0]
	if h.Title != "<script>alert(1)</script> Perhetyön malli" {
		t.Errorf("title changed: %q", h.Title)
	}
	if strings.Contains(h.SnippetHTML, "<img") || !strings.Contains(h.SnippetHTML, "&lt;img") {
		t.Errorf("snippet_html not escaped: %q", h.SnippetHTML)
	}
	if resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("security headers missing: %v", resp.Header)
	}
}

// TestAPIIndexFailure: a search the index cannot answer is the server's
// failure (500), not a bad request.
func TestAPIIndexFailure(t *testing.T) {
	ms := apiModels(t)
	ix := buildIndex(t, ms, 0)
	srv := httptest.NewServer(NewHandler(ix, lookupIn(ms)))
	t.Cleanup(srv.Close)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	var e map[string]string
	getJSON(t, srv, "/api/search?q=kysely", http.StatusInternalServerError, &e)
	if e["error"] == "" {
		t.Error("no error message")
	}
}

func TestAPIBadRequests(t *testing.T) {
	srv := newTestServer(t)
	for _, path := range []string{
		"/api/search?q=" + strings.Repeat("a", index.MaxQueryLen+1),
		"/api/search?q=x&size=51",
		"/api/search?q=x&size=0",
		"/api/search?q=x&page=0",
		"/api/search?q=x&page=abc",
		"/api/search?q=x&method=dance",
		"/api/search?q=x&phase=later",
		"/api/search?q=x&described=maybe",
		"/api/search?q=x&region=Atlantis",
		"/api/search?q=" + url.QueryEscape(`"unclosed`),
	} {
		t.Run(path, func(t *testing.T) {
			var e map[string]string
			getJSON(t, srv, path, http.StatusBadRequest, &e)
			if e["error"] == "" || e["virhe"] == "" {
				t.Errorf("%s: error %q, virhe %q: want both (English for programs, Finnish for the page)", path, e["error"], e["virhe"])
			}
		})
	}
	// A bad filter value, as a parameter or in the query, names the
	// allowed values.
	for _, tc := range []struct{ path, want string }{
		{"/api/search?q=x&stage=bogus", "Kehitteillä, Valmis, Arvioitu"},
		{"/api/search?q=x&year=abc", "a year such as 2023"},
		{"/api/search?q=" + url.QueryEscape("method:nonexistent"), "survey, feedback"},
		{"/api/search?q=" + url.QueryEscape("kehitysvaihe:bogus"), "Kehitteillä, Valmis, Arvioitu"},
		{"/api/search?q=kanssa", "too common to be indexed"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			var e map[string]string
			getJSON(t, srv, tc.path, http.StatusBadRequest, &e)
			if !strings.Contains(e["error"], tc.want) {
				t.Errorf("%s: error %q, want it to say %q", tc.path, e["error"], tc.want)
			}
		})
	}
	// Queries bleve's parser fails on with a recovered panic get a plain
	// message, not "runtime error: slice bounds out of range".
	for _, q := range []string{"/", "a /"} {
		t.Run(q, func(t *testing.T) {
			var e map[string]string
			getJSON(t, srv, "/api/search?q="+url.QueryEscape(q), http.StatusBadRequest, &e)
			if strings.Contains(e["error"], "runtime error") || !strings.Contains(e["error"], "closing /") {
				t.Errorf("q=%q: error %q", q, e["error"])
			}
		})
	}
	getJSON(t, srv, "/api/nothing", http.StatusNotFound, nil)
	resp, err := http.Post(srv.URL+"/api/search", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

// TestAPIEmptyFacets: a search without hits gives every facet with terms
// [], never null, so a client can iterate without a check.
func TestAPIEmptyFacets(t *testing.T) {
	srv := newTestServer(t)
	var raw struct {
		Total  int `json:"total"`
		Facets []struct {
			Field string          `json:"field"`
			Terms json.RawMessage `json:"terms"`
		} `json:"facets"`
	}
	getJSON(t, srv, "/api/search?q=hammashoito", http.StatusOK, &raw)
	if raw.Total != 0 || len(raw.Facets) == 0 {
		t.Fatalf("total %d, %d facets; want 0 hits and every facet", raw.Total, len(raw.Facets))
	}
	for _, f := range raw.Facets {
		if string(f.Terms) != "[]" {
			t.Errorf("facet %s: terms %s, want []", f.Field, f.Terms)
		}
	}
}

func TestAPIModel(t *testing.T) {
	srv := newTestServer(t)
	var m model.Model
	getJSON(t, srv, "/api/models/pirkanmaa-perhe", http.StatusOK, &m)
	if m.Participation == nil || len(m.Participation.Methods) != 2 || len(m.Participation.Methods[0].Evidence) == 0 {
		t.Fatalf("model without its coding and evidence: %+v", m)
	}
	var e map[string]string
	getJSON(t, srv, "/api/models/nope", http.StatusNotFound, &e)
	if !strings.Contains(e["error"], "nope") {
		t.Errorf("error %q does not name the id", e["error"])
	}
}

func TestAPIFacets(t *testing.T) {
	srv := newTestServer(t)
	var f FacetsResponse
	getJSON(t, srv, "/api/facets", http.StatusOK, &f)
	if f.Total != 6 {
		t.Errorf("total %d, want 6", f.Total)
	}
	counts := map[string]int{}
	for _, fc := range f.Facets {
		for _, term := range fc.Terms {
			counts[fc.Field+"="+term.Term] = term.Count
		}
	}
	for k, want := range map[string]int{"methods=workshop": 3, "regions=Lapin hyvinvointialue": 2, "described=true": 4, "stage=Valmis": 5} {
		if counts[k] != want {
			t.Errorf("%s: %d, want %d", k, counts[k], want)
		}
	}
}

func TestPageServed(t *testing.T) {
	srv := newTestServer(t)
	for path, want := range map[string]string{"/": "<form id=\"search-form\"", "/static/app.js": "textContent", "/static/style.css": "mark"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d, body lacks %q", path, resp.StatusCode, want)
		}
		if strings.Contains(string(b), "http://") || strings.Contains(string(b), "https://") {
			t.Errorf("GET %s refers to an outside URL", path)
		}
	}
}

// TestAPISearchSaysIncomplete: while the index is marked incomplete (an
// index run was interrupted) every search response says so.
func TestAPISearchSaysIncomplete(t *testing.T) {
	ms := apiModels(t)
	ix := buildIndex(t, ms, 2)
	srv := httptest.NewServer(NewHandler(ix, lookupIn(ms)))
	defer srv.Close()
	var res SearchResponse
	getJSON(t, srv, "/api/search?q=kysely", http.StatusOK, &res)
	if res.Incomplete {
		t.Fatal("a complete index is reported incomplete")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Sync(ctx, func(func(*model.Model) error) error { return ctx.Err() }); err == nil {
		t.Fatal("a cancelled Sync succeeded")
	}
	getJSON(t, srv, "/api/search?q=kysely", http.StatusOK, &res)
	if !res.Incomplete {
		t.Error("the response does not say the index is incomplete")
	}
}
