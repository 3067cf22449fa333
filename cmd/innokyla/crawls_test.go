package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// TestCrawlsRecordsAndWithdraws crawls the snapshot, then a changed copy
// of it: both crawls are listed as complete with their counts, and the
// second withdraws exactly the model it no longer lists and the one that
// answers 404, keeping their versions.
func TestCrawlsRecordsAndWithdraws(t *testing.T) {
	data, ch := crawledTwice(t)
	mustRunAt(t, data, day2, "crawl", "--site", ch.dir, "--max", "2")
	out := mustRunAt(t, data, day2, "crawls", "--json")
	var recs []crawlRecord
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("crawls --json: %v\n%s", err, out)
	}
	if len(recs) != 3 {
		t.Fatalf("%d crawls listed; want 3", len(recs))
	}
	first, second, third := recs[2], recs[1], recs[0]
	if first.ID != 1 || !first.Complete || first.Counts == nil || first.Counts.New != 93 || first.Started != "2026-11-02T09:00:00Z" {
		t.Errorf("first crawl %+v %+v", first.Crawl, first.Counts)
	}
	want := append(slices.Clone(ch.gone), ch.unlisted...)
	slices.Sort(want)
	if !second.Complete || second.Counts == nil || second.Counts.New != 2 || second.Counts.Changed != 3 ||
		!slices.Equal(second.Counts.Withdrawn, want) || second.Counts.WithdrawRefused != "" {
		t.Errorf("second crawl %+v %+v; want withdrawn %v", second.Crawl, second.Counts, want)
	}
	if third.Complete || third.Max != 2 || third.Counts == nil || len(third.Counts.Withdrawn) != 0 {
		t.Errorf("a crawl limited by --max: %+v %+v", third.Crawl, third.Counts)
	}
	text := mustRunAt(t, data, day2, "crawls")
	for _, w := range []string{"crawl 3 ", "filters: --max 2", "partial", "complete", "withdrawn: 2 models", "93 new"} {
		if !strings.Contains(text, w) {
			t.Errorf("crawls lacks %q:\n%s", w, text)
		}
	}

	s, err := store.OpenReadOnly(context.Background(), filepath.Join(data, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range want {
		if vs, err := s.Versions(context.Background(), id); err != nil || len(vs) != 1 {
			t.Errorf("withdrawn %s: %d versions, %v", id, len(vs), err)
		}
	}
	n := 0
	if err := s.Each(context.Background(), store.Query{NoSections: true}, func(*model.Model) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 93+2-2 {
		t.Errorf("%d published models; want %d", n, 93+2-2)
	}
}

// TestBrokenListingWithdrawsNothing crawls the snapshot, then a copy whose
// sitemap lists only ten models: the crawl is complete but withdraws
// nothing and says why.
func TestBrokenListingWithdrawsNothing(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	site := filepath.Join("..", "..", "testdata", "site")
	mustRunAt(t, data, day1, "crawl", "--site", site)
	broken := filepath.Join(t.TempDir(), "broken")
	if err := os.CopyFS(broken, os.DirFS(site)); err != nil {
		t.Fatal(err)
	}
	sm := filepath.Join(broken, "sitemap-toimintamallit.xml")
	b, err := os.ReadFile(sm)
	if err != nil {
		t.Fatal(err)
	}
	urls := regexp.MustCompile(`(?m)^\s*<url>.*</url>\n`).FindAllString(string(b), -1)
	kept := strings.Replace(string(b), strings.Join(urls, ""), strings.Join(urls[:10], ""), 1)
	if kept == string(b) {
		t.Fatal("sitemap not shortened")
	}
	if err := os.WriteFile(sm, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, errw := runAt(t, data, day2, "crawl", "--site", broken)
	// Project pages still link to some of the models the sitemap lost.
	if !strings.Contains(errw, "of the site's 93 stored models were not found") || !strings.Contains(errw, "nothing withdrawn") {
		t.Errorf("crawl of a broken listing says:\n%s", errw)
	}
	out := mustRunAt(t, data, day2, "crawls", "--json")
	var recs []crawlRecord
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || !recs[0].Complete || len(recs[0].Counts.Withdrawn) != 0 || recs[0].Counts.WithdrawRefused == "" {
		t.Errorf("broken crawl recorded as %+v %+v", recs[0].Crawl, recs[0].Counts)
	}
	out = mustRunAt(t, data, day2, "report", "--format", "json")
	if !strings.Contains(out, `"models": 93`) {
		t.Errorf("report after the broken crawl does not count 93 models")
	}
}
