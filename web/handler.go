package web

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"time"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

//go:embed static
var staticFS embed.FS

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
func NewHandler(ix Searcher, lookup Lookup, opts ...Option) http.Handler {
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	h := &handler{ix: ix, lookup: lookup, static: static}
	for _, o := range opts {
		o(h)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", h.search)
	mux.HandleFunc("GET /api/facets", h.facets)
	mux.HandleFunc("GET /api/models/{id}", h.model)
	h.routeReviews(mux)
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{http.StatusNotFound, "no such API endpoint", "Tällaista rajapintaa ei ole."})
	})
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, static, "index.html")
	})
	return secure(mux)
}

// Searcher is the index the handler searches: an *index.Index, or an
// *index.Live that follows rebuilds.
type Searcher interface {
	Search(ctx context.Context, req index.Request) (*index.Result, error)
	// Incomplete: an index run was interrupted or failed.
	Incomplete() bool
}

type handler struct {
	ix      Searcher
	lookup  Lookup
	static  fs.FS
	reviews *Reviews // nil: no review pages
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

func writeJSON(w http.ResponseWriter, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v) // the client went away; nothing to do
}
