package store

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

// crawlRun records one run of site that finds (and stores) the models ids
// and answers 404 for gone; it returns the run.
func crawlRun(t *testing.T, s *Store, ids, gone []string, now time.Time) int64 {
	t.Helper()
	ctx := context.Background()
	run, err := s.BeginCrawl(ctx, "key-"+now.String(), now)
	if err != nil {
		t.Fatal(err)
	}
	var ts []model.CrawlTarget
	for _, id := range append(slices.Clone(ids), gone...) {
		ts = append(ts, model.CrawlTarget{URL: "http://site.test/fi/toimintamalli/" + id + "/"})
	}
	if err := s.AddCrawlTargets(ctx, run.ID, "site", ts); err != nil {
		t.Fatal(err)
	}
	var cs []model.CrawlCommit
	for _, id := range ids {
		m := sample(id, "Pirkanmaan hyvinvointialue", "2021-01-01")
		m.FetchedAt = now
		cs = append(cs, model.CrawlCommit{Run: run.ID, Target: "http://site.test/fi/toimintamalli/" + id + "/", Model: m, Stored: true, ModelID: id})
	}
	if _, err := s.CommitCrawls(ctx, "site", cs); err != nil {
		t.Fatal(err)
	}
	return run.ID
}

func TestSettleCrawl(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var all []string
	for i := range 10 {
		all = append(all, "m"+strconv.Itoa(i))
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	run := crawlRun(t, s, all, nil, t0)
	if got, err := s.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: "site", Complete: true, Now: t0}); err != nil || len(got.Withdrawn)+len(got.Restored) != 0 {
		t.Fatalf("first run settled %+v, %v", got, err)
	}
	// m0 unlisted, m1 answers 404: withdrawn; a partial run withdraws nothing.
	t1 := t0.AddDate(0, 1, 0)
	run = crawlRun(t, s, all[2:], all[1:2], t1)
	gone := []string{"http://site.test/fi/toimintamalli/m1/"}
	if got, _ := s.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: "site", Complete: false, Gone: gone, Now: t1}); len(got.Withdrawn) != 0 {
		t.Errorf("a partial run withdrew %v", got.Withdrawn)
	}
	got, err := s.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: "site", Complete: true, Gone: gone, Now: t1})
	if err != nil || !slices.Equal(got.Withdrawn, []string{"m0", "m1"}) || got.Refused != "" {
		t.Fatalf("complete run settled %+v, %v", got, err)
	}
	if n := count(t, s, Query{}); n != 8 {
		t.Errorf("%d published; want 8", n)
	}
	if n := count(t, s, Query{AsOf: t0}); n != 10 {
		t.Errorf("%d published as of the first run; want 10", n)
	}
	// Three of the eight missing: more than a fifth, nothing withdrawn.
	t2 := t1.AddDate(0, 1, 0)
	run = crawlRun(t, s, all[5:], nil, t2)
	if got, _ := s.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: "site", Complete: true, Now: t2}); len(got.Withdrawn) != 0 || got.Refused == "" {
		t.Errorf("a run missing 3 of 8 settled %+v", got)
	}
	// m0 found again: restored.
	t3 := t2.AddDate(0, 1, 0)
	run = crawlRun(t, s, append([]string{"m0"}, all[2:]...), nil, t3)
	got, err = s.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: "site", Complete: true, Now: t3})
	if err != nil || !slices.Equal(got.Restored, []string{"m0"}) || len(got.Withdrawn) != 0 {
		t.Fatalf("run finding m0 again settled %+v, %v", got, err)
	}
	if n := count(t, s, Query{}); n != 9 {
		t.Errorf("%d published after the restore; want 9", n)
	}
	if n := count(t, s, Query{AsOf: t2}); n != 8 {
		t.Errorf("%d published as of before the restore; want 8", n)
	}
}

func count(t *testing.T, s *Store, q Query) int {
	t.Helper()
	n := 0
	if err := s.Each(context.Background(), q, func(*model.Model) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
