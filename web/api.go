package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/innokyla/innokyla/index"
)

// SearchResponse is the JSON of GET /api/search.
type SearchResponse struct {
	Query string `json:"query"`
	Total uint64 `json:"total"` // exact
	// Ranked is how many of the models found were ranked to choose the
	// hits: Total, or fewer when the search found more than the rank bound
	// and ranked a sample spread over the index (index.Result.Ranked).
	Ranked uint64   `json:"ranked"`
	Page   int      `json:"page"`
	Pages  int      `json:"pages"`
	Size   int      `json:"size"`
	TookMS float64  `json:"took_ms"`
	Hits   []APIHit `json:"hits"`
	Facets []Facet  `json:"facets"`
	Labels Labels   `json:"labels"`
	// Incomplete: an index run was interrupted or failed, so some models
	// may be missing from the hits until one finishes.
	Incomplete bool `json:"incomplete,omitempty"`
}

// APIHit is a hit with its snippet also rendered as escaped HTML.
type APIHit struct {
	index.Hit
	SnippetHTML string `json:"snippet_html"`
}

// FacetsResponse is the JSON of GET /api/facets.
type FacetsResponse struct {
	Total  uint64  `json:"total"`
	Facets []Facet `json:"facets"`
	Labels Labels  `json:"labels"`
}

func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	req, page, size, perr := parseSearch(r.URL.Query())
	if perr != nil {
		writeError(w, perr)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	res, err := h.ix.Search(ctx, req)
	if err != nil {
		writeError(w, searchError(err))
		return
	}
	out := SearchResponse{Query: req.Query, Total: res.Total, Ranked: res.Ranked, Page: page, Size: size,
		TookMS: float64(res.Took.Microseconds()) / 1000, Facets: LabelFacets(res.Facets), Labels: CodeLabels(),
		Hits: make([]APIHit, 0, len(res.Hits)), Incomplete: h.ix.Incomplete()}
	out.Pages = int((res.Total + uint64(size) - 1) / uint64(size))
	for _, hit := range res.Hits {
		out.Hits = append(out.Hits, APIHit{Hit: hit, SnippetHTML: snippetHTML(hit.Snippet)})
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *handler) facets(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	res, err := h.ix.Search(ctx, index.Request{Limit: 1})
	if err != nil {
		writeError(w, searchError(err))
		return
	}
	writeJSON(w, http.StatusOK, FacetsResponse{Total: res.Total, Facets: LabelFacets(res.Facets), Labels: CodeLabels()})
}

func (h *handler) model(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" || len(id) > 300 {
		writeError(w, &apiError{http.StatusBadRequest, "bad model id", "Mallin tunnus ei kelpaa."})
		return
	}
	m, err := h.lookup(r.Context(), id)
	switch {
	case errors.Is(err, ErrNotFound):
		writeError(w, &apiError{http.StatusNotFound, fmt.Sprintf("no model %q", id), fmt.Sprintf("Mallia ”%s” ei löytynyt.", id)})
		return
	case err != nil:
		writeError(w, &apiError{http.StatusInternalServerError, "reading the model failed", "Mallia ei voitu lukea."})
		return
	}
	writeJSON(w, http.StatusOK, m)
}
