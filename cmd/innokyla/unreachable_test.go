package main

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCrawlUnreachable: a site nothing answers at is one line naming the
// host and why, and a line of what to try; not the robots.txt chain.
func TestCrawlUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: connection refused
	site := "http://" + addr
	for _, tc := range []struct {
		name string
		urls []string
	}{
		{"whole site", nil},
		{"one model", []string{site + "/fi/toimintamalli/x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errw bytes.Buffer
			f := &Factory{DataDir: filepath.Join(t.TempDir(), "data"), Out: &out, Err: &errw, Now: time.Now, Quiet: true}
			defer f.Close()
			err := runCrawl(context.Background(), &CrawlOptions{F: f, Site: site, URLs: tc.urls, Parallel: 1, Backoff: time.Millisecond})
			code := printError(&errw, err)
			lines := strings.Split(strings.TrimSpace(errw.String()), "\n")
			if code != exitError || len(lines) != 2 || out.Len() > 0 {
				t.Fatalf("exit %d, stdout %q, stderr %d lines:\n%s", code, out.String(), len(lines), errw.String())
			}
			want := "innokyla: crawl " + site + ": could not reach " + addr + ": nothing answers there (connection refused)"
			if lines[0] != want || !strings.HasPrefix(lines[1], "Try: check the network connection") {
				t.Errorf("stderr:\n%s\nwant first line %q and a Try line", errw.String(), want)
			}
			if strings.Contains(errw.String(), "robots.txt") {
				t.Errorf("the error repeats the robots.txt chain:\n%s", errw.String())
			}
		})
	}
}
