package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportTrend crawls and codes the snapshot and writes its trend: the
// whole country counts every dated model, the regions add up to it, a
// --region keeps its own series beside the whole country, and every
// format is written.
func TestReportTrend(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	mustRunAt(t, data, day1, "crawl", "--site", filepath.Join("..", "..", "testdata", "site"))
	mustRunAt(t, data, day1, "classify")
	type series struct {
		Region string
		Points []struct {
			Period       string
			Models       int
			Coded        int
			DescribedPct *float64 `json:"described_pct"`
		}
	}
	var doc struct {
		Period, By string
		Periods    []string
		Undated    int
		Country    series
		Regions    []series
	}
	read := func(args ...string) {
		t.Helper()
		out := mustRunAt(t, data, day1, append([]string{"report", "--format", "json"}, args...)...)
		doc.Regions = nil
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	sum := func(s series) int {
		n := 0
		for _, p := range s.Points {
			n += p.Models
		}
		return n
	}
	for _, by := range []string{"created", "modified"} {
		read("--trend", "quarter", "--trend-by", by)
		regions := 0
		for _, r := range doc.Regions {
			regions += sum(r)
			if len(r.Points) != len(doc.Periods) {
				t.Errorf("%s: %d points for %d periods", r.Region, len(r.Points), len(doc.Periods))
			}
		}
		if doc.Period != "quarter" || doc.By != by || sum(doc.Country)+doc.Undated != 93 || regions != sum(doc.Country) || len(doc.Regions) < 10 {
			t.Errorf("by %s: country %d (+%d undated), regions %d in %d series", by, sum(doc.Country), doc.Undated, regions, len(doc.Regions))
		}
	}
	read("--trend", "year", "--region", "Pirkanmaa")
	if len(doc.Regions) != 1 || doc.Regions[0].Region != "Pirkanmaan hyvinvointialue" || sum(doc.Country)+doc.Undated != 93 || sum(doc.Regions[0]) >= sum(doc.Country) {
		t.Errorf("--region Pirkanmaa: %d series, country %d", len(doc.Regions), sum(doc.Country))
	}
	for _, f := range []string{"md", "csv", "html"} {
		out := mustRunAt(t, data, day1, "report", "--trend", "half", "--format", f)
		want := map[string]string{"md": "## Koko maa", "csv": "country,", "html": "<polyline"}[f]
		if !strings.Contains(out, want) || !strings.Contains(out, "2026-11-02T09:00:00Z") {
			t.Errorf("--trend half --format %s lacks %q or the snapshot", f, want)
		}
	}
	for _, args := range [][]string{{"--trend", "month"}, {"--trend", "year", "--trend-by", "fetched"}, {"--trend", "year", "--audit", "--region", "Pirkanmaa"}} {
		if code, _, _ := runAt(t, data, day1, append([]string{"report"}, args...)...); code != 2 {
			t.Errorf("report %v: exit %d; want 2", args, code)
		}
	}
}
