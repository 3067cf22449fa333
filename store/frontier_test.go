package store

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
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

const testSite = "https://innokyla.example/"

// beginTestCrawl opens a fresh store and begins a crawl run in it.
func beginTestCrawl(t *testing.T) (*Store, model.CrawlRun) {
	t.Helper()
	s := openTemp(t)
	run, err := s.BeginCrawl(context.Background(), "k", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return s, run
}

func TestCrawlCommitStoresOnceAndVersions(t *testing.T) {
	ctx := context.Background()
	s, run := beginTestCrawl(t)
	site := testSite
	u := site + "fi/toimintamalli/a"
	if err := s.AddCrawlTargets(ctx, run.ID, site, []model.CrawlTarget{{URL: u, Lastmod: "2024-01-01"}, {URL: site + "fi/toimintamalli/b"}}); err != nil {
		t.Fatal(err)
	}
	body := []byte("<html>main page</html>")
	if err := s.SaveCrawlPartial(ctx, run.ID, site, u, model.CrawlPartial{URL: u, ContentType: "text/html", ETag: `"e1"`, Body: body}); err != nil {
		t.Fatal(err)
	}
	ts, err := s.CrawlTargets(ctx, run.ID, site, "", 100)
	if err != nil || len(ts) != 2 {
		t.Fatalf("targets %+v, %v", ts, err)
	}
	if ts[0].URL != u || ts[0].Lastmod != "2024-01-01" || ts[0].Partial == nil || !bytes.Equal(ts[0].Partial.Body, body) || ts[1].Partial != nil {
		t.Fatalf("target a %+v", ts[0])
	}
	if err := s.FailCrawl(ctx, run.ID, site, site+"fi/toimintamalli/b", "http-5xx", "HTTP 500", time.Now()); err != nil {
		t.Fatal(err)
	}
	m := sample("a", "Lapin hyvinvointialue", "2024-01-01")
	c := model.CrawlCommit{Run: run.ID, Target: u, Lastmod: "2024-01-01", Model: m, Stored: true,
		ModelID: "a", Regions: m.Regions, Modified: "2024-01-01", MainETag: `"e1"`}
	res, err := s.CommitCrawl(ctx, site, c)
	if err != nil || res != model.CrawlNew {
		t.Fatalf("commit: %v %v", res, err)
	}
	if res, err = s.CommitCrawl(ctx, site, c); err != nil || res != model.CrawlUnchanged {
		t.Fatalf("same model again: %v %v", res, err)
	}
	m2 := sample("a", "Lapin hyvinvointialue", "2024-01-01")
	m2.Title = "Uusi otsikko"
	c.Model = m2
	if res, err = s.CommitCrawl(ctx, site, c); err != nil || res != model.CrawlChanged {
		t.Fatalf("changed model: %v %v", res, err)
	}
	vs, err := s.Versions(ctx, "a")
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions %d, %v", len(vs), err)
	}
	ts, _ = s.CrawlTargets(ctx, run.ID, site, "", 100)
	a := ts[0]
	if a.DoneRun != run.ID || a.Partial != nil || a.StoredLastmod != "2024-01-01" || a.MainETag != `"e1"` || a.ModelID != "a" {
		t.Errorf("after commit %+v", a)
	}
	fails, err := s.CrawlFailures(ctx, site)
	if err != nil || len(fails) != 1 || fails[0].Kind != "http-5xx" || fails[0].Count != 1 {
		t.Errorf("failures %+v, %v", fails, err)
	}
	// A filtered-out commit keeps the region but not a stored lastmod.
	run2, _ := s.BeginCrawl(ctx, "k2", time.Now())
	s.AddCrawlTargets(ctx, run2.ID, site, []model.CrawlTarget{{URL: site + "fi/toimintamalli/b", Lastmod: "2025-05-05"}})
	if res, err := s.CommitCrawl(ctx, site, model.CrawlCommit{Run: run2.ID, Target: site + "fi/toimintamalli/b", Lastmod: "2025-05-05",
		ModelID: "b", Regions: []string{"Kainuun hyvinvointialue"}}); err != nil || res != model.CrawlNone {
		t.Fatalf("filtered commit: %v %v", res, err)
	}
	ts, _ = s.CrawlTargets(ctx, run2.ID, site, "", 100)
	if len(ts) != 1 || ts[0].StoredLastmod != "" || ts[0].ReadLastmod != "2025-05-05" || !slices.Equal(ts[0].Regions, []string{"Kainuun hyvinvointialue"}) {
		t.Errorf("filtered target %+v", ts)
	}
	if fails, _ := s.CrawlFailures(ctx, site); len(fails) != 0 {
		t.Errorf("failure kept after a commit: %+v", fails)
	}
}

// TestCrawlTargetsPaged: targets are added in batches, read page by page
// in URL order, and a page found twice in a run keeps its first lastmod.
func TestCrawlTargetsPaged(t *testing.T) {
	ctx := context.Background()
	s, run := beginTestCrawl(t)
	site := testSite
	page := func(c string) string { return site + "fi/toimintamalli/" + c }
	if err := s.AddCrawlTargets(ctx, run.ID, site, []model.CrawlTarget{{URL: page("c")}, {URL: page("a"), Lastmod: "2024-01-01"}}); err != nil {
		t.Fatal(err)
	}
	// Found again: a (first lastmod kept), c (lastmod now known), b new.
	if err := s.AddCrawlTargets(ctx, run.ID, site, []model.CrawlTarget{{URL: page("a"), Lastmod: "2025-09-09"}, {URL: page("c"), Lastmod: "2024-03-03"}, {URL: page("b")}}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.CountCrawlTargets(ctx, run.ID, site); err != nil || n != 3 {
		t.Fatalf("count %d, %v; want 3", n, err)
	}
	var got []string
	after := ""
	for {
		ts, err := s.CrawlTargets(ctx, run.ID, site, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(ts) == 0 {
			break
		}
		for _, tg := range ts {
			got = append(got, tg.URL[len(page("")):]+"="+tg.Lastmod)
		}
		after = ts[len(ts)-1].URL
	}
	if want := "[a=2024-01-01 b= c=2024-03-03]"; fmt.Sprint(got) != want {
		t.Errorf("pages read %v; want %s", got, want)
	}
	// A later run takes the lastmod it finds.
	run2, _ := s.BeginCrawl(ctx, "k2", time.Now())
	s.AddCrawlTargets(ctx, run2.ID, site, []model.CrawlTarget{{URL: page("a"), Lastmod: "2026-06-06"}})
	ts, _ := s.CrawlTargets(ctx, run2.ID, site, "", 10)
	if len(ts) != 1 || ts[0].Lastmod != "2026-06-06" {
		t.Errorf("second run targets %+v", ts)
	}
}

// TestCommitCrawlsGroup: several commits in one transaction, each with
// its own outcome.
func TestCommitCrawlsGroup(t *testing.T) {
	ctx := context.Background()
	s, run := beginTestCrawl(t)
	site := testSite
	var ts []model.CrawlTarget
	var cs []model.CrawlCommit
	for _, id := range []string{"a", "b", "c"} {
		u := site + "fi/toimintamalli/" + id
		ts = append(ts, model.CrawlTarget{URL: u})
		c := model.CrawlCommit{Run: run.ID, Target: u, ModelID: id, Stored: true, MainETag: `"` + id + `"`}
		if id != "c" {
			c.Model = sample(id, "Kainuun hyvinvointialue", "2024-01-01")
		}
		cs = append(cs, c)
	}
	s.AddCrawlTargets(ctx, run.ID, site, ts)
	out, err := s.CommitCrawls(ctx, site, cs)
	if err != nil || len(out) != 3 {
		t.Fatalf("commit: %+v, %v", out, err)
	}
	if out[0] != model.CrawlNew || out[1] != model.CrawlNew || out[2] != model.CrawlNone {
		t.Errorf("outcomes %+v", out)
	}
	cs[1].Model = sample("b", "Kainuun hyvinvointialue", "2024-01-01")
	cs[1].Model.Title = "Toinen"
	cs[0].Model = sample("a", "Kainuun hyvinvointialue", "2024-01-01")
	if out, err = s.CommitCrawls(ctx, site, cs[:2]); err != nil || out[0] != model.CrawlUnchanged || out[1] != model.CrawlChanged {
		t.Errorf("second group: %+v, %v", out, err)
	}
	got, _ := s.CrawlTargets(ctx, run.ID, site, "", 10)
	for i, tg := range got {
		if tg.DoneRun != run.ID || tg.MainETag != cs[i].MainETag {
			t.Errorf("target %s after commit: %+v", tg.URL, tg)
		}
	}
	// The sections with text of the model last stored are kept for the
	// next crawl; a commit without a model leaves the count.
	for i, want := range []int{1, 1, 0} {
		if got[i].Sections != want {
			t.Errorf("target %s: %d sections; want %d", got[i].URL, got[i].Sections, want)
		}
	}
	cs[0].Model = nil
	if _, err := s.CommitCrawls(ctx, site, cs[:1]); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.CrawlTargets(ctx, run.ID, site, "", 1); got[0].Sections != 1 {
		t.Errorf("a commit without a model changed the section count to %d", got[0].Sections)
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("%d models stored; want 2", n)
	}
}
