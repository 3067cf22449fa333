package crawler

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
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

// discover finds the model pages of the site: the explicit URLs, else the
// sitemaps (from robots.txt, else /sitemap.xml) with lastmod, else the
// listing pages and their pagination; project pages add the models they
// link to.
func (c *Crawler) discover(ctx context.Context) ([]Target, error) {
	found := map[string]*Target{}
	add := func(u *url.URL, lastmod string) {
		key := targetURL(u)
		if t, ok := found[key]; ok {
			if t.Lastmod == "" {
				t.Lastmod = lastmod
			}
			return
		}
		found[key] = &Target{URL: key, Lastmod: lastmod}
	}
	if len(c.opts.URLs) > 0 {
		for _, s := range c.opts.URLs {
			u, _ := c.site.Parse(s)
			add(u, "")
		}
		return sorted(found), nil
	}
	var projects []*url.URL
	sitemaps := append([]*url.URL(nil), c.robotsSitemaps...)
	if len(sitemaps) == 0 {
		sitemaps = []*url.URL{c.site.ResolveReference(&url.URL{Path: "/sitemap.xml"})}
	}
	seen := map[string]bool{}
	for i := 0; i < len(sitemaps) && i < maxSitemaps && ctx.Err() == nil; i++ {
		sm := sitemaps[i]
		if seen[sm.String()] {
			continue
		}
		seen[sm.String()] = true
		locs, children, err := c.sitemap(sm)
		if err != nil {
			continue // a missing sitemap: the listings still tell
		}
		sitemaps = append(sitemaps, children...)
		for _, l := range locs {
			switch pageKind(l.u) {
			case "model":
				add(l.u, l.lastmod)
			case "project":
				projects = append(projects, l.u)
			}
		}
	}
	if len(found) == 0 && ctx.Err() == nil {
		more, err := c.listings(ctx, add)
		if err != nil && len(projects) == 0 {
			return nil, err
		}
		projects = append(projects, more...)
	}
	done := map[string]bool{}
	for _, p := range projects {
		if ctx.Err() != nil || done[targetURL(p)] {
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
				add(u, "")
			}
		})
	}
	if len(found) == 0 && ctx.Err() == nil {
		return nil, fmt.Errorf("found no practice models: no sitemap, listing or project page links to one")
	}
	return sorted(found), nil
}

func sorted(found map[string]*Target) []Target {
	out := make([]Target, 0, len(found))
	for _, t := range found {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
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

// sitemap reads a sitemap or sitemap index; locations are resolved against
// the sitemap's URL and kept only when on the site.
func (c *Crawler) sitemap(sm *url.URL) (locs []loc, children []*url.URL, err error) {
	pg, err := c.fetch(sm.String(), "", "")
	if err != nil {
		return nil, nil, err
	}
	type entry struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	}
	var doc struct {
		URLs     []entry `xml:"url"`
		Sitemaps []entry `xml:"sitemap"`
	}
	if err := xml.Unmarshal(pg.Body, &doc); err != nil {
		return nil, nil, fmt.Errorf("sitemap %s: %w", sm, err)
	}
	for _, s := range doc.Sitemaps {
		if strings.TrimSpace(s.Loc) == "" {
			continue
		}
		if u, err := sm.Parse(strings.TrimSpace(s.Loc)); err == nil && sameSite(c.site, u) {
			children = append(children, u)
		}
	}
	for _, e := range doc.URLs {
		if strings.TrimSpace(e.Loc) == "" {
			continue
		}
		if u, err := sm.Parse(strings.TrimSpace(e.Loc)); err == nil && sameSite(c.site, u) {
			locs = append(locs, loc{u, lastmodDate(e.Lastmod)})
		}
	}
	return locs, children, nil
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
