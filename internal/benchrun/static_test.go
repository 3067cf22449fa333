package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestStaticSite(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "fi", "malli"), 0o755)
	os.WriteFile(filepath.Join(dir, "fi", "malli", "index.html"), []byte("<p>malli</p>"), 0o644)
	os.WriteFile(filepath.Join(dir, "sitemap.xml"), []byte("<urlset/>"), 0o644)
	srv := httptest.NewServer(staticSite{dir: dir})
	defer srv.Close()
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(p string, hdr ...string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+p, nil)
		if len(hdr) == 2 {
			req.Header.Set(hdr[0], hdr[1])
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, body := get("/fi/malli/")
	if resp.StatusCode != 200 || body != "<p>malli</p>" || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("index: %d %q %v", resp.StatusCode, body, resp.Header)
	}
	lm := resp.Header.Get("Last-Modified")
	if resp, _ := get("/fi/malli/", "If-Modified-Since", lm); resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional request: %d; want 304", resp.StatusCode)
	}
	if resp, _ := get("/fi/malli"); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/fi/malli/" {
		t.Errorf("directory without slash: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := get("/sitemap.xml"); resp.Header.Get("Content-Type") != "text/xml; charset=utf-8" {
		t.Errorf("sitemap content type %q", resp.Header.Get("Content-Type"))
	}
	for _, p := range []string{"/puuttuu/", "/../etc/passwd", "/fi/malli/index.htm"} {
		if resp, _ := get(p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d; want 404", p, resp.StatusCode)
		}
	}
}
