package crawler

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"
)

// page is one fetched page.
type page struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte // UTF-8 when colly decoded a header charset
}

// fetch gets u through the collector (robots.txt, delay, User-Agent, the
// polite transport) with conditional headers when validators are given.
// A non-2xx, non-304 status is an error; 304 is a page with Status 304.
func (c *Crawler) fetch(u, etag, lastModified string) (*page, error) {
	hdr := http.Header{}
	hdr.Set("User-Agent", c.opts.UserAgent)
	hdr.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	if etag != "" {
		hdr.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		hdr.Set("If-Modified-Since", lastModified)
	}
	pu, err := url.Parse(u)
	if err != nil {
		return nil, &FetchError{Kind: KindNetwork, URL: u, Err: err}
	}
	if err := c.robotsAllow(pu); err != nil {
		return nil, err
	}
	cctx := colly.NewContext()
	err = c.col.Request(http.MethodGet, u, nil, cctx, hdr)
	if e, ok := cctx.GetAny("error").(error); ok && e != nil {
		err = e
	}
	if err != nil {
		return nil, fetchErr(u, err)
	}
	r, ok := cctx.GetAny("response").(*colly.Response)
	if !ok || r == nil {
		return nil, &FetchError{Kind: KindNetwork, URL: u, Err: errors.New("no response")}
	}
	p := &page{URL: r.Request.URL.String(), Status: r.StatusCode, Body: r.Body}
	if r.Headers != nil {
		p.ContentType = r.Headers.Get("Content-Type")
		p.ETag = r.Headers.Get("ETag")
		p.LastModified = r.Headers.Get("Last-Modified")
	}
	c.count(func(s *Summary) {
		if p.Status == http.StatusNotModified {
			s.NotModified++
		} else if p.Status < 300 {
			s.Fetched++
		}
	})
	if p.Status >= 300 && p.Status != http.StatusNotModified {
		return p, &FetchError{Kind: kindForStatus(p.Status), URL: u, Status: p.Status}
	}
	return p, nil
}

// fetchErr names an error from colly or the transport.
func fetchErr(u string, err error) error {
	var fe *FetchError
	switch {
	case errors.As(err, &fe):
		return fe
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		return &FetchError{Kind: KindRobots, URL: u, Err: errors.New("disallowed by robots.txt")}
	case errors.Is(err, colly.ErrForbiddenDomain):
		return &FetchError{Kind: KindRedirect, URL: u, Err: errors.New("not on the crawled site")}
	}
	return &FetchError{Kind: KindNetwork, URL: u, Err: err}
}

// document parses a fetched HTML page. colly has already decoded a body
// whose Content-Type names a charset; otherwise a BOM or <meta> decides.
func (p *page) document() (*goquery.Document, error) {
	ct := ""
	if !strings.Contains(strings.ToLower(p.ContentType), "charset=") {
		ct = "text/html" // let the BOM or <meta> tell
	} else {
		ct = "text/html; charset=utf-8"
	}
	doc, err := parseHTML(p.Body, ct)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.URL, err)
	}
	return doc, nil
}
