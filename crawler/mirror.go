package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
)

// MirrorRoot is the site URL of a crawl of a saved mirror directory.
const MirrorRoot = "file:///"

// mirrorTransport serves a saved mirror directory for file:///... URLs, as
// a static web server would: directories by their index.html, 404 for
// missing files, Last-Modified and conditional requests. Root-relative
// links of the mirror resolve to file:///... URLs, so the whole crawl
// (robots.txt, sitemaps, listings, politeness) runs the same code as over
// HTTP and the URLs do not depend on where the mirror lies.
type mirrorTransport struct {
	files http.Handler
	other http.RoundTripper
}

// NewMirrorTransport serves dir under file:/// and passes other schemes to
// other (nil: refuse them).
func NewMirrorTransport(dir string, other http.RoundTripper) (http.RoundTripper, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("mirror %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("mirror %s: not a directory", dir)
	}
	return &mirrorTransport{files: http.FileServer(http.Dir(dir)), other: other}, nil
}

func (t *mirrorTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "file" {
		if t.other == nil {
			return nil, fmt.Errorf("mirror: refusing %s", req.URL.Redacted())
		}
		return t.other.RoundTrip(req)
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	r := req.Clone(req.Context())
	r.URL.Scheme, r.URL.Host = "", ""
	if r.URL.Path == "" {
		r.URL.Path = "/"
	}
	r.RequestURI = r.URL.RequestURI()
	rec := httptest.NewRecorder()
	t.files.ServeHTTP(rec, r)
	resp := rec.Result()
	resp.Request = req
	if loc := resp.Header.Get("Location"); loc != "" {
		if u, err := req.URL.Parse(loc); err == nil {
			resp.Header.Set("Location", u.String())
		}
	}
	return resp, nil
}
