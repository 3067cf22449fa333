package crawler

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixtureModel is the HTML of a small model page written for these tests,
// in Innokylä-like markup: labelled fields and one h2 section.
func fixtureModel(slug, title, regionRaw, text string) string {
	return `<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>` + html.EscapeString(title) + `</title>
<link rel="canonical" href="https://innokyla.example/fi/toimintamalli/` + slug + `"></head><body>
<h1>` + html.EscapeString(title) + `</h1>
<nav><a href="/fi/toimintamalli/` + slug + `/">Toimintamalli</a> <a href="/fi/toimintamalli/` + slug + `/kehittamisen-polku/">Kehittämisen polku</a></nav>
<h2>Perustiedot</h2>
<div><div class="l">Toimintamallin nimi</div><div class="v">` + html.EscapeString(title) + `</div></div>
<div><div class="l">Paikkakunta, maakunta tai hyvinvointialue</div><div class="v">` + html.EscapeString(regionRaw) + `</div></div>
<div><div class="l">Luotu</div><div class="v">01.02.2023</div></div>
<h2>Ratkaisun perusidea</h2><p>` + html.EscapeString(text) + `</p>
</body></html>`
}

// fixturePath is a kehittämisen polku page with one section.
func fixturePath(text string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Polku</h1>
<h2>Kuvittele ja kokeile</h2><p>` + html.EscapeString(text) + `</p></body></html>`
}

// hit is one request the fixture server saw.
type hit struct {
	path string
	at   time.Time
	ua   string
	ims  string // If-Modified-Since
	inm  string // If-None-Match
}

// faultServer serves a small site and lets each test replace the handler
// of any path; it records every request with its time and User-Agent and
// the most requests it had in flight at once.
type faultServer struct {
	*httptest.Server
	mu       sync.Mutex
	hits     []hit
	inFlight int
	peak     int
	pages    map[string]http.HandlerFunc
}

func newFaultServer(t *testing.T) *faultServer {
	f := &faultServer{pages: map[string]http.HandlerFunc{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *faultServer) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.hits = append(f.hits, hit{path: r.URL.Path, at: time.Now(), ua: r.UserAgent(),
		ims: r.Header.Get("If-Modified-Since"), inm: r.Header.Get("If-None-Match")})
	f.inFlight++
	f.peak = max(f.peak, f.inFlight)
	h, ok := f.pages[r.URL.Path]
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()
	if !ok {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

// handle sets the handler of a path.
func (f *faultServer) handle(path string, h http.HandlerFunc) {
	f.mu.Lock()
	f.pages[path] = h
	f.mu.Unlock()
}

// static serves body as an HTML page.
func static(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// addModel serves a fixture model and its path page.
func (f *faultServer) addModel(slug, title, regionRaw string) {
	f.handle("/fi/toimintamalli/"+slug+"/", static(fixtureModel(slug, title, regionRaw, "Teksti mallista "+title+".")))
	f.handle("/fi/toimintamalli/"+slug+"/kehittamisen-polku/", static(fixturePath("Kokeilu mallissa "+title+".")))
}

// site serves robots.txt (with extra lines) and a sitemap of the slugs.
func (f *faultServer) site(robots string, slugs ...string) {
	f.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\n%s\nSitemap: /sitemap.xml\n", robots)
	})
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, s := range slugs {
		b.WriteString("<url><loc>/fi/toimintamalli/" + s + "/</loc></url>")
	}
	b.WriteString("</urlset>")
	sm := b.String()
	f.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, sm)
	})
}

// requests returns the hits of a path.
func (f *faultServer) requests(path string) []hit {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []hit
	for _, h := range f.hits {
		if h.path == path {
			out = append(out, h)
		}
	}
	return out
}

func (f *faultServer) allHits() []hit {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]hit(nil), f.hits...)
}

// crawlFixture runs one crawl of the server with opts changed by tune.
func crawlFixture(t *testing.T, f *faultServer, front *memFrontier, tune func(*Options)) *Summary {
	t.Helper()
	opts := fastOptions(f.URL)
	if tune != nil {
		tune(&opts)
	}
	c, err := New(opts, front)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(t.Context())
	if err != nil {
		t.Fatalf("crawl: %v (summary %+v)", err, sum)
	}
	return sum
}
