package crawler

import (
	"bufio"
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// readRobots reads robots.txt for its Sitemap lines and a Crawl-delay
// for us (colly checks the Allow and Disallow rules itself). A longer
// Crawl-delay than --delay wins.
func (c *Crawler) readRobots(ctx context.Context) {
	before := c.rule.Delay
	defer func() {
		// The robots.txt request itself waited only the old delay.
		if grown := c.rule.Delay - before; grown > 0 {
			select {
			case <-ctx.Done():
			case <-time.After(grown):
			}
		}
	}()
	robots := c.site.ResolveReference(&url.URL{Path: "/robots.txt"})
	c.settling = true
	pg, err := c.fetch(robots.String(), "", "")
	c.settling = false
	if pg != nil {
		c.settle(pg.URL)
	}
	if err != nil {
		return
	}
	robots, _ = url.Parse(pg.URL)
	ua := strings.ToLower(c.opts.UserAgent)
	var agents []string
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(pg.Body))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "sitemap":
			if u, err := robots.Parse(v); err == nil && sameSite(c.site, u) {
				c.robotsSitemaps = append(c.robotsSitemaps, u)
			}
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(v))
		case "crawl-delay":
			inRules = true
			secs, err := strconv.ParseFloat(v, 64)
			if err != nil || secs <= 0 || secs > 3600 {
				continue
			}
			for _, a := range agents {
				if a == "*" || (a != "" && strings.Contains(ua, a)) {
					c.rule.Delay = max(c.rule.Delay, time.Duration(secs*float64(time.Second)))
				}
			}
		default:
			inRules = true
		}
	}
}

// settle moves the crawl to where the site answered from when robots.txt
// redirected to the same host over https or to its www. twin.
func (c *Crawler) settle(final string) {
	u, err := url.Parse(final)
	if err != nil || sameSite(c.site, u) || !siteVariant(c.site, u) {
		return
	}
	c.site.Scheme, c.site.Host = u.Scheme, u.Host
	c.col.AllowedDomains = []string{u.Hostname()}
	c.sum.Site = c.site.String()
}

// siteVariant reports whether u is the site's host (any port, or with or
// without "www.") over the same scheme or upgraded from http to https.
func siteVariant(site, u *url.URL) bool {
	if !strings.EqualFold(u.Scheme, site.Scheme) && !(site.Scheme == "http" && u.Scheme == "https") {
		return false
	}
	a, b := strings.ToLower(site.Hostname()), strings.ToLower(u.Hostname())
	return a == b || "www."+a == b || a == "www."+b
}
