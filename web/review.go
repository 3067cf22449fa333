package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
	"github.com/innokyla/innokyla/store"
)

// ErrBusy is what a Reviews writer returns, wrapped, while another
// process holds the data directory's write lock.
var ErrBusy = errors.New("another innokyla is writing")

// Reviews is the store the review pages read and write: the same store
// API the review command uses.
type Reviews struct {
	Read *store.Store
	// Write runs fn with the store opened for writing, for one decision:
	// serve takes the data directory's lock only around it.
	Write func(ctx context.Context, fn func(*store.Store) error) error
}

// Option configures NewHandler.
type Option func(*handler)

// WithReviews serves the review page and its API over r:
//
//	GET  /review                    the page
//	GET  /api/review/queue?region=&limit=
//	GET  /api/review/models/{id}
//	POST /api/review/models/{id}    {"coder", "version", "accept": [], "reject": [], "add": {...}, "memo"}
func WithReviews(r *Reviews) Option { return func(h *handler) { h.reviews = r } }

func (h *handler) routeReviews(mux *http.ServeMux) {
	if h.reviews == nil {
		return
	}
	mux.HandleFunc("GET /api/review/queue", h.reviewQueue)
	mux.HandleFunc("GET /api/review/models/{id}", h.reviewModel)
	mux.HandleFunc("POST /api/review/models/{id}", h.reviewSave)
	mux.HandleFunc("GET /review", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, h.static, "review.html")
	})
}

// QueueResponse is the JSON of GET /api/review/queue.
type QueueResponse struct {
	Items []store.QueueItem `json:"items"`
}

func (h *handler) reviewQueue(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	regions, err := region.Parse(q["region"]...)
	if err != nil {
		reviewError(w, http.StatusBadRequest, "region: "+err.Error())
		return
	}
	limit := 100
	if s := q.Get("limit"); s != "" {
		if limit, err = strconv.Atoi(s); err != nil || limit < 0 || limit > 10000 {
			reviewError(w, http.StatusBadRequest, "limit: want a number from 0 to 10000")
			return
		}
	}
	items, err := h.reviews.Read.Queue(r.Context(), store.Query{Regions: regions}, limit)
	if err != nil {
		reviewError(w, http.StatusInternalServerError, "reading the queue failed")
		return
	}
	if items == nil {
		items = []store.QueueItem{}
	}
	writeJSON(w, http.StatusOK, QueueResponse{Items: items})
}

func (h *handler) reviewModel(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := h.reviews.Read.ReviewState(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		reviewError(w, http.StatusNotFound, fmt.Sprintf("no model %q", id))
		return
	case err != nil:
		reviewError(w, http.StatusInternalServerError, "reading the model failed")
		return
	}
	writeJSON(w, http.StatusOK, NewReviewView(st))
}

// SaveRequest is the body of POST /api/review/models/{id}.
type SaveRequest struct {
	Coder   string   `json:"coder"`
	Version int      `json:"version"` // the version the page showed
	Accept  []string `json:"accept"`
	Reject  []string `json:"reject"`
	Add     *AddCode `json:"add"`
	Memo    string   `json:"memo"`
}

// AddCode is a code a person adds with the passage they selected in one
// section (Section: its index in the model's sections).
type AddCode struct {
	Method  string   `json:"method"`
	Phases  []string `json:"phases"`
	Section int      `json:"section"`
	Text    string   `json:"text"`
}

func (h *handler) reviewSave(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		reviewError(w, http.StatusForbidden, "a decision is sent from this site's own page only")
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		reviewError(w, http.StatusUnsupportedMediaType, "send the decision as application/json")
		return
	}
	var req SaveRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		reviewError(w, http.StatusBadRequest, "bad decision: "+err.Error())
		return
	}
	id := r.PathValue("id")
	m, err := h.reviews.Read.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		reviewError(w, http.StatusNotFound, fmt.Sprintf("no model %q", id))
		return
	}
	if err != nil {
		reviewError(w, http.StatusInternalServerError, "reading the model failed")
		return
	}
	if req.Version != m.Version {
		reviewError(w, http.StatusConflict, fmt.Sprintf("the model changed since the page was opened (version %d, now %d): reload it", req.Version, m.Version))
		return
	}
	rs, err := decisions(&req, m)
	if err != nil {
		reviewError(w, http.StatusBadRequest, err.Error())
		return
	}
	var hc *store.HumanCoding
	err = h.reviews.Write(r.Context(), func(s *store.Store) error {
		var err error
		hc, err = s.SaveReviews(r.Context(), rs)
		return err
	})
	switch {
	case errors.Is(err, store.ErrBadReview):
		reviewError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, ErrBusy):
		reviewError(w, http.StatusServiceUnavailable, err.Error()+"; try again in a moment")
	case err != nil:
		reviewError(w, http.StatusInternalServerError, "storing the decision failed: "+err.Error())
	default:
		writeJSON(w, http.StatusOK, map[string]any{"complete": hc.Complete, "coder": hc.Coder})
	}
}

// decisions reads a request as the review command reads its flags.
func decisions(req *SaveRequest, m *model.Model) ([]model.Review, error) {
	coder, err := model.ParseCoder(req.Coder)
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	var rs []model.Review
	mk := func(code, decision string) model.Review {
		return model.Review{ID: m.ID, Version: m.Version, Coder: coder, Code: code, Decision: decision, Memo: req.Memo}
	}
	for _, d := range []struct {
		decision string
		codes    []string
	}{{model.Accept, req.Accept}, {model.Reject, req.Reject}} {
		for _, c := range d.codes {
			if c != model.NoCodes {
				if c, err = model.ParseMethod(c); err != nil {
					return nil, fmt.Errorf("%s: %w", d.decision, err)
				}
			}
			rs = append(rs, mk(c, d.decision))
		}
	}
	if a := req.Add; a != nil {
		id, err := model.ParseMethod(a.Method)
		if err != nil {
			return nil, fmt.Errorf("add: method %q: %w", a.Method, err)
		}
		var phases []string
		for _, p := range a.Phases {
			ph, err := model.ParsePhase(p)
			if err != nil {
				return nil, fmt.Errorf("add: phase %q: %w", p, err)
			}
			phases = append(phases, ph)
		}
		if a.Section < 0 || a.Section >= len(m.Sections) {
			return nil, fmt.Errorf("add: the model has no section %d", a.Section)
		}
		e, err := m.FindPassageIn(a.Section, a.Text)
		if err != nil {
			return nil, fmt.Errorf("add: %w", err)
		}
		e.Phases = phases
		r := mk(id, model.Add)
		r.Method = &model.Method{ID: id, Phases: phases, Evidence: []model.Evidence{e}}
		rs = append(rs, r)
	}
	if len(rs) == 0 {
		return nil, fmt.Errorf("no decision: accept, reject or add a code")
	}
	return rs, nil
}

// sameOrigin accepts a request without an Origin header (not a browser's
// cross-site request) or one whose origin is this host.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// reviewError is an API error of the review pages; the page shows the
// message as it is.
func reviewError(w http.ResponseWriter, status int, msg string) {
	writeError(w, &apiError{status, msg, msg})
}
