package index

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

//go:embed web
var webFS embed.FS

// ErrNotFound is what a Lookup returns for an unknown model.
var ErrNotFound = errors.New("model not found")

// Lookup fetches the full record of one model, with its coding and
// evidence. It returns an error wrapping ErrNotFound for an unknown id.
type Lookup func(ctx context.Context, id string) (*model.Model, error)

// Page sizes of the HTTP API.
const (
	DefaultPageSize = 10
	MaxPageSize     = 50
	searchTimeout   = 10 * time.Second
)

// NewHandler serves the JSON API and the embedded web page:
//
//	GET /api/search?q=&region=&method=&phase=&stage=&described=&year=&page=&size=
//	GET /api/models/{id}
//	GET /api/facets
//	GET /          the page (everything embedded, no outside requests)
func NewHandler(ix *Index, lookup Lookup) http.Handler {
	h := &handler{ix: ix, lookup: lookup}
	static, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", h.search)
	mux.HandleFunc("GET /api/facets", h.facets)
	mux.HandleFunc("GET /api/models/{id}", h.model)
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint")
	})
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, static, "index.html")
	})
	return secure(mux)
}

type handler struct {
	ix     *Index
	lookup Lookup
}

// secure sets headers that keep the page to its own scripts and styles.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// SearchResponse is the JSON of GET /api/search.
type SearchResponse struct {
	Query  string     `json:"query"`
	Total  uint64     `json:"total"`
	Page   int        `json:"page"`
	Pages  int        `json:"pages"`
	Size   int        `json:"size"`
	TookMS float64    `json:"took_ms"`
	Hits   []APIHit   `json:"hits"`
	Facets []Facet    `json:"facets"`
	Labels labelsJSON `json:"labels"`
}

// APIHit is a hit with its snippet also rendered as escaped HTML.
type APIHit struct {
	Hit
	SnippetHTML string `json:"snippet_html"`
}

type labelsJSON struct {
	Methods map[string]string `json:"methods"`
	Phases  map[string]string `json:"phases"`
}

func labels() labelsJSON {
	l := labelsJSON{Methods: map[string]string{}, Phases: map[string]string{}}
	for id, v := range model.MethodLabels {
		l.Methods[id] = v.FI
	}
	for id, v := range model.PhaseLabels {
		l.Phases[id] = v.FI
	}
	return l
}

func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	req, page, size, err := parseSearch(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	res, err := h.ix.Search(ctx, req)
	if errors.Is(err, context.DeadlineExceeded) {
		writeError(w, http.StatusServiceUnavailable, "the search took too long; narrow it with more words or filters")
		return
	}
	if errors.Is(err, ErrBadQuery) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		// Not the query's fault: the index could not be read.
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	out := SearchResponse{Query: req.Query, Total: res.Total, Page: page, Size: size,
		TookMS: float64(res.Took.Microseconds()) / 1000, Facets: res.Facets, Labels: labels(),
		Hits: make([]APIHit, 0, len(res.Hits))}
	out.Pages = int((res.Total + uint64(size) - 1) / uint64(size))
	for _, hit := range res.Hits {
		out.Hits = append(out.Hits, APIHit{Hit: hit, SnippetHTML: hit.Snippet.HTML()})
	}
	writeJSON(w, http.StatusOK, out)
}

// parseSearch reads and bounds the query parameters.
func parseSearch(r *http.Request) (Request, int, int, error) {
	v := r.URL.Query()
	req := Request{Query: strings.TrimSpace(v.Get("q"))}
	if n := utf8.RuneCountInString(req.Query); n > MaxQueryLen {
		return req, 0, 0, fmt.Errorf("q is %d characters; at most %d are allowed", n, MaxQueryLen)
	}
	page, err := intParam(v.Get("page"), 1, 1, MaxOffset/DefaultPageSize)
	if err != nil {
		return req, 0, 0, fmt.Errorf("page: %w", err)
	}
	size, err := intParam(v.Get("size"), DefaultPageSize, 1, MaxPageSize)
	if err != nil {
		return req, 0, 0, fmt.Errorf("size: %w", err)
	}
	req.Limit, req.Offset = size, (page-1)*size
	if req.Offset > MaxOffset {
		return req, 0, 0, fmt.Errorf("page %d is past the last page that can be shown", page)
	}
	for _, raw := range v["region"] {
		names, err := ResolveRegion(raw)
		if err != nil {
			return req, 0, 0, err
		}
		req.Regions = append(req.Regions, names...)
	}
	for _, raw := range v["method"] {
		id, ok := MethodID(raw)
		if !ok {
			return req, 0, 0, fmt.Errorf("unknown method %q; methods are %s", raw, strings.Join(model.MethodIDs, ", "))
		}
		req.Methods = append(req.Methods, id)
	}
	for _, raw := range v["phase"] {
		id, ok := PhaseID(raw)
		if !ok {
			return req, 0, 0, fmt.Errorf("unknown phase %q; phases are %s", raw, strings.Join(model.PhaseIDs, ", "))
		}
		req.Phases = append(req.Phases, id)
	}
	req.Stages = v["stage"]
	req.Years = v["year"]
	if d := v.Get("described"); d != "" {
		b, err := strconv.ParseBool(d)
		if err != nil {
			return req, 0, 0, fmt.Errorf("described %q: want true or false", d)
		}
		req.Described = &b
	}
	return req, page, size, nil
}

// ResolveRegion turns a region filter into canonical names: a canonical
// name stands for itself, anything else goes through region.Resolve (short
// names, municipalities, "Uusimaa").
func ResolveRegion(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if region.IsCanonical(s) {
		return []string{s}, nil
	}
	names, err := region.Resolve(s)
	if err != nil {
		return nil, fmt.Errorf("region: %w", err)
	}
	return names, nil
}

func intParam(s string, def, min, max int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, fmt.Errorf("%q: want a whole number from %d to %d", s, min, max)
	}
	return n, nil
}

// FacetsResponse is the JSON of GET /api/facets.
type FacetsResponse struct {
	Total  uint64     `json:"total"`
	Facets []Facet    `json:"facets"`
	Labels labelsJSON `json:"labels"`
}

func (h *handler) facets(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	res, err := h.ix.Search(ctx, Request{Limit: 1})
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, FacetsResponse{Total: res.Total, Facets: res.Facets, Labels: labels()})
}

func (h *handler) model(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" || len(id) > 300 {
		writeError(w, http.StatusBadRequest, "bad model id")
		return
	}
	m, err := h.lookup(r.Context(), id)
	switch {
	case errors.Is(err, ErrNotFound):
		writeError(w, http.StatusNotFound, fmt.Sprintf("no model %q", id))
		return
	case err != nil:
		writeError(w, http.StatusInternalServerError, "reading the model failed")
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func writeJSON(w http.ResponseWriter, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing to do
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
