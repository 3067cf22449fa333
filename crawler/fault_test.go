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

// TestLargeSitemap: a sitemap may be larger than the page limit (up to
// the 50 MB sitemaps.org allows); its models are found from it.
func TestLargeSitemap(t *testing.T) {
	f := newFaultServer(t)
	f.handle("/robots.txt", static("User-agent: *\nSitemap: /sitemap.xml\n"))
	sm := `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
		`<!--` + strings.Repeat(" täyte", 20000) + `-->` +
		`<url><loc>/fi/toimintamalli/a/</loc><lastmod>2025-01-02</lastmod></url></urlset>`
	f.handle("/sitemap.xml", static(sm))
	f.addModel("a", "Malli A", "Lappi")
	front := newMemFrontier()
	sum := crawlFixture(t, f, front, func(o *Options) { o.MaxBodySize = 16 << 10 })
	if sum.New != 1 || len(f.requests("/fi/toimintamallit/")) != 0 {
		t.Errorf("a %d-byte sitemap over the %d-byte page limit: summary %+v", len(sm), 16<<10, sum)
	}
	if mt := front.targets[f.URL+"/fi/toimintamalli/a/"]; mt == nil || mt.Lastmod != "2025-01-02" {
		t.Errorf("target %+v; want the sitemap's lastmod", mt)
	}
}
