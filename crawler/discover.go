package crawler

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/innokyla/innokyla/model"
)

// Limits of discovery, against sites that never end.
const (
	maxSitemaps     = 1000
	maxListingPages = 5000
)

var (
	modelPath   = regexp.MustCompile(`/toimintamalli/([^/?#]+)/?(index\.html?)?$`)
	projectPath = regexp.MustCompile(`/kokonaisuus/([^/?#]+)/?(index\.html?)?$`)
	listingPath = regexp.MustCompile(`/toimintamallit(/sivu/\d+)?/?(index\.html?)?$`)
)

// pageKind tells what a URL of the site is.
func pageKind(u *url.URL) string {
	switch {
	case modelPath.MatchString(u.Path):
		return "model"
	case projectPath.MatchString(u.Path):
		return "project"
	case listingPath.MatchString(u.Path):
		return "listing"
	}
	return ""
}

// discoverBatch is how many found model pages discovery hands to the
// frontier at a time.
const discoverBatch = 5000

// maxSitemapSize is the largest sitemap read (sitemaps.org allows 50 MB);
// other pages keep Options.MaxBodySize.
const maxSitemapSize = 50 << 20

// found hands the model pages discovery finds to the frontier in batches,
// so discovery keeps no set of the site's pages in memory; the frontier
// keeps the first non-empty lastmod of a page found twice.
type found struct {
	ctx   context.Context
	front model.Frontier
	run   int64
	site  string
	buf   []model.CrawlTarget
	n     int // pages added, with repeats
	err   error
}

func (f *found) add(u *url.URL, lastmod string) {
	f.buf = append(f.buf, model.CrawlTarget{URL: targetURL(u), Lastmod: lastmod})
	f.n++
	if len(f.buf) >= discoverBatch {
		f.flush()
	}
}

func (f *found) flush() error {
	if len(f.buf) > 0 && f.err == nil {
		f.err = f.front.AddCrawlTargets(f.ctx, f.run, f.site, f.buf)
	}
	f.buf = f.buf[:0]
	return f.err
}

// discover finds the model pages of the site and adds them to the run's
// targets: the explicit URLs, else the sitemaps (from robots.txt, else
// /sitemap.xml) with lastmod, else the listing pages and their pagination;
// project pages add the models they link to.
func (c *Crawler) discover(ctx context.Context, run int64) error {
	found := &found{ctx: ctx, front: c.front, run: run, site: c.name}
	if len(c.opts.URLs) > 0 {
		for _, s := range c.opts.URLs {
			u, _ := c.site.Parse(s)
			found.add(u, "")
		}
		return found.flush()
	}
	var projects []*url.URL
	sitemaps := append([]*url.URL(nil), c.robotsSitemaps...)
	if len(sitemaps) == 0 {
		sitemaps = []*url.URL{c.site.ResolveReference(&url.URL{Path: "/sitemap.xml"})}
	}
	seen := map[string]bool{}
	for i := 0; i < len(sitemaps) && i < maxSitemaps && ctx.Err() == nil && found.err == nil; i++ {
		sm := sitemaps[i]
		if seen[sm.String()] {
			continue
		}
		seen[sm.String()] = true
		children, err := c.sitemap(sm, func(l loc) {
			switch pageKind(l.u) {
			case "model":
				found.add(l.u, l.lastmod)
			case "project":
				projects = append(projects, l.u)
			}
		})
		if err != nil {
			continue // a missing sitemap: the listings still tell
		}
		sitemaps = append(sitemaps, children...)
	}
	if found.n == 0 && ctx.Err() == nil && found.err == nil {
		more, err := c.listings(ctx, found.add)
		if err != nil && len(projects) == 0 {
			return err
		}
		projects = append(projects, more...)
	}
	done := map[string]bool{}
	for _, p := range projects {
		if ctx.Err() != nil || found.err != nil || done[targetURL(p)] {
			continue
		}
		done[targetURL(p)] = true
		pg, err := c.fetch(p.String(), "", "")
		if err != nil {
			c.noteFailure(p.String(), err)
			continue
		}
		c.links(pg, func(u *url.URL, kind string) {
			if kind == "model" {
				found.add(u, "")
			}
		})
	}
	if err := found.flush(); err != nil {
		return err
	}
	if found.n == 0 && ctx.Err() == nil {
		return fmt.Errorf("found no practice models: no sitemap, listing or project page links to one")
	}
	return nil
}

// targetURL is the form a model URL is kept in: no query, fragment or
// index.html.
func targetURL(u *url.URL) string {
	v := *u
	v.RawQuery, v.Fragment, v.RawFragment = "", "", ""
	v.Path = strings.TrimSuffix(strings.TrimSuffix(v.Path, "index.html"), "index.htm")
	v.RawPath = ""
	return v.String()
}

type loc struct {
	u       *url.URL
	lastmod string
}

// sitemap reads a sitemap or sitemap index, calling f for each of its
// locations as it decodes them; locations are resolved against the
// sitemap's URL and kept only when on the site.
func (c *Crawler) sitemap(sm *url.URL, f func(loc)) (children []*url.URL, err error) {
	c.polite.allowLarge(sm.String(), maxSitemapSize)
	pg, err := c.fetch(sm.String(), "", "")
	c.polite.allowLarge(sm.String(), 0)
	if err != nil {
		return nil, err
	}
	var e struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	}
	dec := xml.NewDecoder(bytes.NewReader(pg.Body))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return children, nil
		}
		if err != nil {
			return children, fmt.Errorf("sitemap %s: %w", sm, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || (se.Name.Local != "url" && se.Name.Local != "sitemap") {
			continue
		}
		e.Loc, e.Lastmod = "", ""
		if err := dec.DecodeElement(&e, &se); err != nil {
			return children, fmt.Errorf("sitemap %s: %w", sm, err)
		}
		if strings.TrimSpace(e.Loc) == "" {
			continue
		}
		u, err := sm.Parse(strings.TrimSpace(e.Loc))
		if err != nil || !sameSite(c.site, u) {
			continue
		}
		if se.Name.Local == "sitemap" {
			children = append(children, u)
		} else {
			f(loc{u, lastmodDate(e.Lastmod)})
		}
	}
}

// lastmodDate keeps the date of a W3C datetime.
func lastmodDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// listings walks the model listing and its pagination, adding the models
// they link to, and returns the project pages they link to.
func (c *Crawler) listings(ctx context.Context, add func(*url.URL, string)) ([]*url.URL, error) {
	start := c.site.ResolveReference(&url.URL{Path: "/fi/toimintamallit/"})
	queue := []*url.URL{start}
	seen := map[string]bool{targetURL(start): true}
	var projects []*url.URL
	var firstErr error
	for i := 0; i < len(queue) && i < maxListingPages && ctx.Err() == nil; i++ {
		pg, err := c.fetch(queue[i].String(), "", "")
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		c.links(pg, func(u *url.URL, kind string) {
			switch kind {
			case "model":
				add(u, "")
			case "project":
				projects = append(projects, u)
			case "listing":
				if k := targetURL(u) + "?" + u.RawQuery; !seen[k] {
					seen[k] = true
					queue = append(queue, u)
				}
			}
		})
	}
	if firstErr != nil && len(queue) == 1 {
		var fe *FetchError
		if errors.As(firstErr, &fe) {
			return projects, fmt.Errorf("listing %s: %w", start, firstErr)
		}
	}
	return projects, nil
}

// links calls f for every link of the page that stays on the site, with
// the kind of page it points to. mailto:, javascript:, file: (unless the
// site is a mirror) and off-site links are dropped.
func (c *Crawler) links(pg *page, f func(u *url.URL, kind string)) {
	doc, err := pg.document()
	if err != nil {
		return
	}
	base, err := url.Parse(pg.URL)
	if err != nil {
		return
	}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if u, ok := c.onSite(base, href); ok {
			f(u, pageKind(u))
		}
	})
}

// onSite resolves href against base and keeps it when it is a page of the
// crawled site.
func (c *Crawler) onSite(base *url.URL, href string) (*url.URL, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil, false
	}
	u, err := base.Parse(href)
	if err != nil {
		return nil, false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "file":
	default:
		return nil, false // mailto:, javascript:, tel:, data:, ...
	}
	if !sameSite(c.site, u) {
		return nil, false
	}
	u.Fragment, u.RawFragment = "", ""
	return u, true
}
