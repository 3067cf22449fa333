package crawler

import (
	"bytes"
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

func TestServerErrorThenSuccess(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a")
	var n atomic.Int32
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		static(fixtureModel("a", "Malli A", "Lappi", "Teksti."))(w, r)
	})
	f.handle("/fi/toimintamalli/a/kehittamisen-polku/", static(fixturePath("Polku.")))
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, nil)
	if got := len(f.requests("/fi/toimintamalli/a/")); got != 3 {
		t.Errorf("requested %d times; want 3 (500, 500, 200)", got)
	}
	if sum.New != 1 || sum.FailedTotal() != 0 {
		t.Errorf("summary %+v", sum)
	}
}

func TestServerErrorBoundedRetries(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a", "b")
	f.addModel("b", "Malli B", "Kainuu")
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusBadGateway)
	})
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, func(o *Options) { o.Retries = 2 })
	if got := len(f.requests("/fi/toimintamalli/a/")); got != 3 {
		t.Errorf("requested %d times; want 1 + 2 retries", got)
	}
	if sum.Failed[KindHTTP5xx] != 1 || sum.New != 1 {
		t.Errorf("summary %+v", sum)
	}
}

func TestSlowerThanTimeout(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a", "b")
	f.addModel("b", "Malli B", "Kainuu")
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, func(o *Options) { o.Timeout = 100 * time.Millisecond; o.Retries = 1 })
	if got := len(f.requests("/fi/toimintamalli/a/")); got != 2 {
		t.Errorf("requested %d times; want 2 (one retry)", got)
	}
	if sum.Failed[KindTimeout] != 1 || sum.New != 1 {
		t.Errorf("summary %+v", sum)
	}
}

func TestTruncatedBody(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a")
	page := fixtureModel("a", "Malli A", "Lappi", strings.Repeat("Pitkä teksti. ", 200))
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(page)))
		w.Write([]byte(page[:len(page)/2])) // the connection closes early
	})
	front := newMemFrontier()
	opts := fastOptions(f.URL)
	opts.Retries = 1
	c, _ := New(opts, front)
	sum, err := c.Run(t.Context())
	if err == nil || sum.Failed[KindTruncated] != 1 || len(front.latest()) != 0 {
		t.Errorf("a truncated page must fail, not be stored cut: err %v, summary %+v", err, sum)
	}
	if got := len(f.requests("/fi/toimintamalli/a/")); got != 2 {
		t.Errorf("requested %d times; want 2 (one retry)", got)
	}
}

func TestRedirectLoop(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a", "b")
	f.addModel("b", "Malli B", "Kainuu")
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/elsewhere/", http.StatusFound)
	})
	f.handle("/elsewhere/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/fi/toimintamalli/a/", http.StatusFound)
	})
	sum := crawlFixture(t, f, newMemFrontier(), nil)
	if sum.Failed[KindRedirect] != 1 || sum.New != 1 {
		t.Errorf("summary %+v", sum)
	}
	if n := len(f.requests("/elsewhere/")); n > 10 {
		t.Errorf("followed the loop %d times", n)
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
			continue // colly's own robots.txt check is not rate limited
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

func TestCharsets(t *testing.T) {
	latin1 := func(s string) []byte { // ISO-8859-1 / Windows-1252 bytes of s
		var b bytes.Buffer
		for _, r := range s {
			switch r {
			case '”':
				b.WriteByte(0x94)
			default:
				b.WriteByte(byte(r))
			}
		}
		return b.Bytes()
	}
	f := newFaultServer(t)
	f.site("", "latin1", "cp1252", "bom")
	f.handle("/fi/toimintamalli/latin1/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write(latin1(strings.Replace(fixtureModel("latin1", "Päivä yöllä", "Hämeenlinna", "Äänestys ja öljy."), `<meta charset="utf-8">`, "", 1)))
	})
	f.handle("/fi/toimintamalli/cp1252/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(latin1(strings.Replace(fixtureModel("cp1252", "”Hyvä” malli", "Jyväskylä", "Öisin."), `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1)))
	})
	f.handle("/fi/toimintamalli/bom/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(append([]byte("\xef\xbb\xbf"), strings.Replace(fixtureModel("bom", "Kävijä", "Pori", "Tässä."), `<meta charset="utf-8">`, `<meta charset="iso-8859-1">`, 1)...))
	})
	front := newMemFrontier()
	crawlFixture(t, f, front, nil)
	got := front.latest()
	for id, want := range map[string]string{"latin1": "Päivä yöllä", "cp1252": "”Hyvä” malli", "bom": "Kävijä"} {
		if m := got[id]; m == nil || m.Title != want {
			t.Errorf("%s: title %v; want %q", id, m, want)
		}
	}
	if m := got["latin1"]; m != nil && (m.Region != "Kanta-Hämeen hyvinvointialue" || m.Sections[0].Text != "Äänestys ja öljy.") {
		t.Errorf("latin1: %+v", m)
	}
}

func TestBrokenHTML(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "rikki")
	f.handle("/fi/toimintamalli/rikki/", static(`<html><head><title>Rikki</title>
<link rel=canonical href=https://innokyla.example/fi/toimintamalli/rikki>
<body><h1>Rikkinäinen sivu
<div><div>Toimintamallin nimi</div><div>Rikkinäinen &amp malli</div>
<div><b>Luotu:</b> 3.4.2021
<table><tr><td>Toteutuspaikka<td>Oulun kirjasto</table>
<h2>Ratkaisun perusidea **</h2><p>Ensimmäinen kappale<p>Toinen<br>rivi</div></div></div>
<ul><li>yksi<li>kaksi</ul>`))
	front := newMemFrontier()
	crawlFixture(t, f, front, nil)
	m := front.latest()["rikki"]
	if m == nil {
		t.Fatal("broken page not stored")
	}
	if m.Title != "Rikkinäinen & malli" || m.Created != "2021-04-03" || m.Place != "Oulun kirjasto" {
		t.Errorf("fields: %+v", m)
	}
	want := "Ensimmäinen kappale\n\nToinen\nrivi\n\n- yksi\n- kaksi"
	if len(m.Sections) != 1 || m.Sections[0].Heading != "Ratkaisun perusidea" || m.Sections[0].Text != want {
		t.Errorf("sections %q", m.Sections)
	}
}

func TestBodySizeLimit(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "iso")
	big := fixtureModel("iso", "Iso sivu", "Lappi", strings.Repeat("Hyvin pitkä sivu. ", 5<<20/18))
	f.handle("/fi/toimintamalli/iso/", static(big))
	front := newMemFrontier()
	opts := fastOptions(f.URL)
	c, _ := New(opts, front)
	sum, err := c.Run(t.Context())
	if err == nil || sum.Failed[KindTooLarge] != 1 || len(front.latest()) != 0 {
		t.Fatalf("a %d-byte page over the limit: err %v, summary %+v", len(big), err, sum)
	}
	if !strings.Contains(sum.Failures[0].Error, "limit") {
		t.Errorf("error %q does not name the limit", sum.Failures[0].Error)
	}
	// With a higher limit the same page is read whole.
	sum = crawlFixture(t, f, front, func(o *Options) { o.MaxBodySize = 8 << 20 })
	m := front.latest()["iso"]
	if sum.New != 1 || m == nil || len(m.Sections[0].Text) < 5<<20-100 {
		t.Errorf("summary %+v", sum)
	}
}

func TestMirrorTransport(t *testing.T) {
	dir := t.TempDir()
	tr, err := NewMirrorTransport(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "file:///nothing/here/", nil)
	req.RequestURI = ""
	resp, err := tr.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("missing file: %v %v", resp, err)
	}
	req = httptest.NewRequest("GET", "http://example.com/", nil)
	req.RequestURI = ""
	if _, err := tr.RoundTrip(req); err == nil {
		t.Error("an http URL was served by the mirror")
	}
	if _, err := NewMirrorTransport(dir+"/missing", nil); err == nil {
		t.Error("a missing mirror directory is accepted")
	}
}

// TestFailureRetriedNextRun: a page that keeps failing is recorded, the
// run still finishes, and the next run fetches it again.
func TestFailureRetriedNextRun(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a", "b")
	f.addModel("b", "Malli B", "Kainuu")
	var broken atomic.Bool
	broken.Store(true)
	f.handle("/fi/toimintamalli/a/", func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		static(fixtureModel("a", "Malli A", "Lappi", "Teksti."))(w, r)
	})
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, func(o *Options) { o.Retries = -1 })
	if sum.Failed[KindHTTP5xx] != 1 || len(sum.Failures) != 1 || !strings.Contains(sum.Failures[0].Error, "500") {
		t.Fatalf("first run %+v", sum)
	}
	if front.fails[f.URL+"/fi/toimintamalli/a/"] != KindHTTP5xx {
		t.Errorf("failure not recorded: %v", front.fails)
	}
	broken.Store(false)
	sum = crawlFixture(t, f, front, nil)
	if sum.New != 1 || sum.Unchanged != 1 || sum.FailedTotal() != 0 || front.latest()["a"] == nil {
		t.Errorf("second run %+v", sum)
	}
}

func TestProgressLine(t *testing.T) {
	f := newFaultServer(t)
	f.site("", "a", "b")
	f.addModel("a", "Malli A", "Lappi")
	f.addModel("b", "Malli B", "Kainuu")
	var out bytes.Buffer
	crawlFixture(t, f, newMemFrontier(), func(o *Options) { o.Progress = &out })
	if !strings.Contains(out.String(), "crawl: 2/2 models  2 new") || !strings.HasSuffix(out.String(), "\n") {
		t.Errorf("progress %q", out.String())
	}
}

func TestRobotsCrawlDelay(t *testing.T) {
	f := newFaultServer(t)
	f.site("Crawl-delay: 0.2", "a", "b")
	f.addModel("a", "Malli A", "Lappi")
	f.addModel("b", "Malli B", "Kainuu")
	crawlFixture(t, f, newMemFrontier(), func(o *Options) { o.Delay = 0; o.Parallel = 1 })
	hits := f.allHits()
	for i := 2; i < len(hits); i++ { // after colly's robots check and ours
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
