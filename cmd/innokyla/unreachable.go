package main

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/innokyla/innokyla/crawler"
)

// unreachableReasons map what a failed connection says to what the user
// is told, first match wins.
var unreachableReasons = []struct{ says, means string }{
	{"no such host", "the name does not resolve (no such host): no network, no DNS, or a typo in the address"},
	{"server misbehaving", "the name could not be looked up (DNS failed): no network or no DNS"},
	{"connection refused", "nothing answers there (connection refused)"},
	{"network is unreachable", "the network is unreachable"},
	{"no route to host", "there is no route to the host"},
	{"i/o timeout", "no answer in time"},
	{"deadline exceeded", "no answer in time"},
}

// unreachable turns a crawl that reached nothing of an HTTP site into one
// line naming the host and why, with what to try; else it returns err.
func unreachable(site string, sum *crawler.Summary, err error) (error, bool) {
	if err == nil || sum == nil || !isHTTPSite(site) || sum.Fetched > 0 || sum.NotModified > 0 {
		return err, false
	}
	texts := []string{err.Error()}
	for _, f := range sum.Failures {
		if f.Kind != crawler.KindNetwork {
			return err, false
		}
		texts = append(texts, f.Error)
	}
	all := strings.Join(texts, "\n")
	for _, r := range unreachableReasons {
		if strings.Contains(all, r.says) {
			host := site
			if u, perr := url.Parse(site); perr == nil && u.Host != "" {
				host = u.Host
			}
			return withHint(fmt.Errorf("crawl %s: could not reach %s: %s", site, host, r.means),
				"Try: check the network connection and the address given to --site, then run the same command again; "+
					"offline, crawl a saved mirror: innokyla crawl --site testdata/site"), true
		}
	}
	return err, false
}
