package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetryAfterIsObeyed(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a", "b")
	f.addModel("b", "Malli B", "Kainuu")
	var n atomic.Int32
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		static(fixtureModel("a", "Malli A", "Lappi", "Teksti."))(w, r)
	})
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, nil)
	hits := f.requests("/fi/toimintamalli/a/")
	if len(hits) != 2 {
		t.Fatalf("model a requested %d times; want 2 (429, then the page)", len(hits))
	}
	if gap := hits[1].at.Sub(hits[0].at); gap < time.Second {
		t.Errorf("retried %s after a 429 with Retry-After: 1", gap)
	}
	if sum.New != 2 || front.latest()["a"] == nil {
		t.Errorf("summary %+v", sum)
	}
}

func TestRetryAfterTooLongFails(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a")
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	front := newMemFrontier()
	opts := fastOptions(f.URL)
	opts.MaxRetryAfter = time.Second
	c, _ := New(opts, front)
	sum, err := c.Run(t.Context())
	if err == nil || sum.Failed[KindThrottled] != 1 || len(f.requests("/fi/toimintamalli/a/")) != 1 {
		t.Errorf("err %v, summary %+v, %d requests", err, sum, len(f.requests("/fi/toimintamalli/a/")))
	}
	if front.fails[f.URL+"/fi/toimintamalli/a/"] != KindThrottled {
		t.Errorf("failure not recorded: %v", front.fails)
	}
}

func TestOffSiteLinksNotFollowed(t *testing.T) {
	other := newFaultServer(t)
	other.addModel("vieras", "Vieras", "Lappi")
	f := newFaultServer(t)
	f.handle("/robots.txt", static("User-agent: *\nAllow: /\n")) // no sitemap: the listing is read
	f.addModel("a", "Malli A", "Lappi")
	f.handle("/fi/toimintamallit/", static(`<html><body><ul>
<li><a href="/fi/toimintamalli/a/">A</a></li>
<li><a href="`+other.URL+`/fi/toimintamalli/vieras/">Vieras</a></li>
<li><a href="mailto:joku@innokyla.example">Posti</a></li>
<li><a href="javascript:void(0)">Skripti</a></li>
<li><a href="file:///etc/passwd">Tiedosto</a></li>
<li><a href="/fi/toimintamallit/sivu/2/">2</a></li>
</ul></body></html>`))
	f.handle("/fi/toimintamallit/sivu/2/", static(`<html><body><a href="/fi/toimintamalli/b/">B</a><a href="/fi/toimintamallit/">1</a></body></html>`))
	f.addModel("b", "Malli B", "Kainuu")
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, nil)
	if n := len(other.allHits()); n != 0 {
		t.Errorf("the off-site server got %d requests", n)
	}
	if sum.New != 2 || len(front.latest()) != 2 {
		t.Errorf("summary %+v; want models a and b from the listing and its page 2", sum)
	}
	for _, h := range f.allHits() {
		if strings.Contains(h.path, "passwd") {
			t.Errorf("requested %s", h.path)
		}
	}
}

func TestRobotsDisallowAndUserAgent(t *testing.T) {
	f := newFaultServer(t)
	f.site("Disallow: /fi/toimintamalli/salainen/", "a", "salainen")
	f.addModel("a", "Malli A", "Lappi")
	f.addModel("salainen", "Salainen", "Lappi")
	sum := crawlFixture(t, f, newMemFrontier(), func(o *Options) { o.UserAgent = "innokyla/9.9 (+https://github.com/innokyla/innokyla)" })
	if n := len(f.requests("/fi/toimintamalli/salainen/")); n != 0 {
		t.Errorf("a disallowed page was requested %d times", n)
	}
	if sum.Blocked != 1 || sum.New != 1 {
		t.Errorf("summary %+v", sum)
	}
	if n := len(f.requests("/robots.txt")); n != 1 {
		t.Errorf("robots.txt fetched %d times in one crawl; want once", n)
	}
	for _, h := range f.allHits() {
		if h.ua != "innokyla/9.9 (+https://github.com/innokyla/innokyla)" {
			t.Errorf("%s sent User-Agent %q", h.path, h.ua)
		}
	}
}

func TestRateLimit(t *testing.T) {
	f := newFaultServer(t)
	slugs := []string{"a", "b", "c"}
	f.site("", slugs...)
	for _, s := range slugs {
		f.addModel(s, "Malli "+s, "Lappi")
	}
	const delay = 150 * time.Millisecond
	crawlFixture(t, f, newMemFrontier(), func(o *Options) { o.Delay = delay; o.Parallel = 1 })
	var prev time.Time
	n := 0
	for _, h := range f.allHits() {
		if h.path == "/robots.txt" && prev.IsZero() {
			continue // the first request
		}
		if !prev.IsZero() && h.at.Sub(prev) < delay {
			t.Errorf("%s came %s after the previous request; the delay is %s", h.path, h.at.Sub(prev), delay)
		}
		prev = h.at
		n++
	}
	if n < 7 || f.peak != 1 {
		for _, h := range f.allHits() {
			t.Log(h.path)
		}
		t.Errorf("%d requests, %d at once at most; want at least 8, one at a time", n, f.peak)
	}
}

func TestParallelIsBounded(t *testing.T) {
	f := newFaultServer(t)
	var slugs []string
	for i := range 12 {
		slugs = append(slugs, fmt.Sprintf("m%02d", i))
	}
	f.site("", slugs...)
	for _, s := range slugs {
		slug := s
		f.handle("/fi/toimintamalli/"+slug+"/", func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(20 * time.Millisecond)
			static(fixtureModel(slug, "Malli "+slug, "Lappi", "Teksti."))(w, r)
		})
	}
	sum := crawlFixture(t, f, newMemFrontier(), func(o *Options) { o.Parallel = 3 })
	if f.peak > 3 || sum.New != 12 {
		t.Errorf("%d requests at once with --parallel 3; summary %+v", f.peak, sum)
	}
}

func TestRobotsCrawlDelay(t *testing.T) {
	f := newFaultServer(t)
	f.site("Crawl-delay: 0.2", "a", "b")
	f.addModel("a", "Malli A", "Lappi")
	f.addModel("b", "Malli B", "Kainuu")
	crawlFixture(t, f, newMemFrontier(), func(o *Options) { o.Delay = 0; o.Parallel = 1 })
	hits := f.allHits()
	for i := 1; i < len(hits); i++ { // after robots.txt
		if gap := hits[i].at.Sub(hits[i-1].at); gap < 200*time.Millisecond {
			t.Errorf("%s came %s after %s; robots.txt asks for 0.2s", hits[i].path, gap, hits[i-1].path)
		}
	}
}

// TestSiteMovesToHTTPS: a site given as http:// whose robots.txt
// redirects to https on the same host is crawled over https.
func TestSiteMovesToHTTPS(t *testing.T) {
	f := newFaultServer(t)
	f.Close()
	f.Server = httptest.NewTLSServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Server.Close)
	f.site("", "a")
	f.addModel("a", "Malli A", "Lappi")
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, f.URL+r.URL.Path, http.StatusMovedPermanently)
	}))
	defer plain.Close()
	front := newMemFrontier()
	opts := fastOptions(plain.URL)
	opts.Transport = f.Client().Transport
	c, err := New(opts, front)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := c.Run(t.Context())
	if err != nil || sum.New != 1 || !strings.HasPrefix(sum.Site, "https://") {
		t.Errorf("summary %+v, %v", sum, err)
	}
}
