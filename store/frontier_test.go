package store

import (
	"bytes"
	"context"
	"testing"
	"time"
)

func TestCrawlRunResumes(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	r1, err := s.BeginCrawl(ctx, "k", now)
	if err != nil || r1.Resumed {
		t.Fatalf("first run %+v, %v", r1, err)
	}
	if err := s.MarkCrawlDiscovered(ctx, r1.ID); err != nil {
		t.Fatal(err)
	}
	again, err := s.BeginCrawl(ctx, "k", now)
	if err != nil || again.ID != r1.ID || !again.Resumed || !again.Discovered {
		t.Fatalf("unfinished run not resumed: %+v, %v", again, err)
	}
	other, err := s.BeginCrawl(ctx, "other", now)
	if err != nil || other.ID == r1.ID || other.Resumed {
		t.Fatalf("another key shares the run: %+v, %v", other, err)
	}
	if err := s.EndCrawl(ctx, r1.ID, now, `{"new":1}`); err != nil {
		t.Fatal(err)
	}
	r2, err := s.BeginCrawl(ctx, "k", now)
	if err != nil || r2.ID == r1.ID || r2.Resumed || r2.Discovered {
		t.Fatalf("finished run resumed: %+v, %v", r2, err)
	}
}

func TestCrawlCommitStoresOnceAndVersions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	now := time.Now()
	run, _ := s.BeginCrawl(ctx, "k", now)
	site := "https://innokyla.example/"
	u := site + "fi/toimintamalli/a"
	if err := s.AddCrawlTargets(ctx, run.ID, site, []CrawlTarget{{URL: u, Lastmod: "2024-01-01"}, {URL: site + "fi/toimintamalli/b"}}); err != nil {
		t.Fatal(err)
	}
	body := []byte("<html>main page</html>")
	if err := s.SaveCrawlPartial(ctx, run.ID, site, u, CrawlPartial{URL: u, ContentType: "text/html", ETag: `"e1"`, Body: body}); err != nil {
		t.Fatal(err)
	}
	ts, err := s.CrawlTargets(ctx, run.ID, site)
	if err != nil || len(ts) != 2 {
		t.Fatalf("targets %+v, %v", ts, err)
	}
	if ts[0].URL != u || ts[0].Lastmod != "2024-01-01" || ts[0].Partial == nil || !bytes.Equal(ts[0].Partial.Body, body) || ts[1].Partial != nil {
		t.Fatalf("target a %+v", ts[0])
	}
	if err := s.FailCrawl(ctx, run.ID, site, site+"fi/toimintamalli/b", "http-5xx", "HTTP 500", now); err != nil {
		t.Fatal(err)
	}
	m := sample("a", "Lapin hyvinvointialue", "2024-01-01")
	c := CrawlCommit{Run: run.ID, Target: u, Lastmod: "2024-01-01", Model: m, Stored: true,
		ModelID: "a", Region: m.Region, Modified: "2024-01-01", MainETag: `"e1"`}
	res, stored, err := s.CommitCrawl(ctx, site, c)
	if err != nil || res != New || !stored {
		t.Fatalf("commit: %v %v %v", res, stored, err)
	}
	if res, _, err = s.CommitCrawl(ctx, site, c); err != nil || res != Unchanged {
		t.Fatalf("same model again: %v %v", res, err)
	}
	m2 := sample("a", "Lapin hyvinvointialue", "2024-01-01")
	m2.Title = "Uusi otsikko"
	c.Model = m2
	if res, _, err = s.CommitCrawl(ctx, site, c); err != nil || res != Changed {
		t.Fatalf("changed model: %v %v", res, err)
	}
	vs, err := s.Versions(ctx, "a")
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions %d, %v", len(vs), err)
	}
	ts, _ = s.CrawlTargets(ctx, run.ID, site)
	a := ts[0]
	if a.DoneRun != run.ID || a.Partial != nil || a.StoredLastmod != "2024-01-01" || a.MainETag != `"e1"` || a.ModelID != "a" {
		t.Errorf("after commit %+v", a)
	}
	fails, err := s.CrawlFailures(ctx, site)
	if err != nil || len(fails) != 1 || fails[0].Kind != "http-5xx" || fails[0].Count != 1 {
		t.Errorf("failures %+v, %v", fails, err)
	}
	// A filtered-out commit keeps the region but not a stored lastmod.
	run2, _ := s.BeginCrawl(ctx, "k2", now)
	s.AddCrawlTargets(ctx, run2.ID, site, []CrawlTarget{{URL: site + "fi/toimintamalli/b", Lastmod: "2025-05-05"}})
	if _, stored, err := s.CommitCrawl(ctx, site, CrawlCommit{Run: run2.ID, Target: site + "fi/toimintamalli/b", Lastmod: "2025-05-05",
		ModelID: "b", Region: "Kainuun hyvinvointialue"}); err != nil || stored {
		t.Fatalf("filtered commit: %v %v", stored, err)
	}
	ts, _ = s.CrawlTargets(ctx, run2.ID, site)
	if len(ts) != 1 || ts[0].StoredLastmod != "" || ts[0].ReadLastmod != "2025-05-05" || ts[0].Region != "Kainuun hyvinvointialue" {
		t.Errorf("filtered target %+v", ts)
	}
	if fails, _ := s.CrawlFailures(ctx, site); len(fails) != 0 {
		t.Errorf("failure kept after a commit: %+v", fails)
	}
}
