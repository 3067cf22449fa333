package crawler

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
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
	c.setRules(pg, err)
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

// setRules keeps the Allow and Disallow rules of robots.txt for our
// User-Agent, read once per crawl and checked before every request (as
// colly would, fetching robots.txt a second time). No robots.txt (4xx)
// allows everything; a robots.txt that could not be fetched (5xx,
// throttled, network, after the retries) or read fails every request.
func (c *Crawler) setRules(pg *page, err error) {
	var fe *FetchError
	var data *robotstxt.RobotsData
	switch {
	case err == nil:
		data, err = robotstxt.FromStatusAndBytes(pg.Status, pg.Body)
	case errors.As(err, &fe) && fe.Kind == KindHTTP4xx:
		data, err = robotstxt.FromStatusAndBytes(fe.Status, nil)
	}
	if err != nil {
		c.robotsErr = &FetchError{Kind: KindNetwork, URL: c.site.String(), Err: fmt.Errorf("robots.txt: %w", err)}
		if errors.As(err, &fe) {
			c.robotsErr = &FetchError{Kind: fe.Kind, URL: fe.URL, Status: fe.Status, Err: fmt.Errorf("robots.txt: %w", err)}
		}
		return
	}
	c.robots = data.FindGroup(c.opts.UserAgent)
}

// robotsAllow reports whether robots.txt lets us fetch u; before it is
// read (the robots.txt request itself) everything is allowed.
func (c *Crawler) robotsAllow(u *url.URL) error {
	if c.robotsErr != nil {
		return c.robotsErr
	}
	if c.robots == nil {
		return nil
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.Query().Encode()
	}
	if !c.robots.Test(p) {
		return &FetchError{Kind: KindRobots, URL: u.String(), Err: errors.New("disallowed by robots.txt")}
	}
	return nil
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
