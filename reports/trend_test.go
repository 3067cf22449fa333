package reports

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

func TestPeriods(t *testing.T) {
	cases := []struct{ date, period, want, next string }{
		{"2024-05-17", TrendYear, "2024", "2025"},
		{"2024-05-17", TrendHalf, "2024-H1", "2024-H2"},
		{"2024-07-01", TrendHalf, "2024-H2", "2025-H1"},
		{"2024-12-31", TrendQuarter, "2024-Q4", "2025-Q1"},
		{"2024-04-01", TrendQuarter, "2024-Q2", "2024-Q3"},
		{"", TrendYear, "", ""},
		{"2024-13-01", TrendYear, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.date+"/"+tc.period, func(t *testing.T) {
			got := periodOf(tc.date, tc.period)
			if got != tc.want {
				t.Fatalf("periodOf = %q; want %q", got, tc.want)
			}
			if got != "" && nextPeriod(got, tc.period) != tc.next {
				t.Errorf("nextPeriod(%q) = %q; want %q", got, nextPeriod(got, tc.period), tc.next)
			}
		})
	}
}

func fixtureTrend(t *testing.T, period, by string, l Lang) *TrendReport {
	t.Helper()
	a, err := NewTrend(period, by)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range fixture() {
		a.Add(m)
	}
	return &TrendReport{Selection: Selection{GroupBy: GroupByRegion}, Snapshot: Snapshot{AsOf: "2026-11-22T12:00:00Z", LastCrawl: CrawlLabel(3, "2026-11-22T12:00:00Z")},
		Trend: a.Result(), Lang: l}
}

func TestTrendGolden(t *testing.T) {
	cases := []struct {
		name, period, by string
		l                Lang
		write            func(io.Writer, *TrendReport) error
	}{
		{"trend-year-fi.md", TrendYear, TrendByCreated, LangFI, WriteTrendMarkdown},
		{"trend-half-en.csv", TrendHalf, TrendByCreated, LangEN, WriteTrendCSV},
		{"trend-quarter-en.json", TrendQuarter, TrendByModified, LangEN, WriteTrendJSON},
		{"trend-year-fi.html", TrendYear, TrendByCreated, LangFI, WriteTrendHTML},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b, fixtureTrend(t, tc.period, tc.by, tc.l)); err != nil {
				t.Fatal(err)
			}
			golden(t, "golden/"+tc.name, b.Bytes())
		})
	}
}

func TestTrendCounts(t *testing.T) {
	r := fixtureTrend(t, TrendYear, TrendByCreated, LangEN)
	var b bytes.Buffer
	if err := WriteTrendJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Periods []string
		Country struct {
			Points []struct {
				Period       string
				Models       int
				Coded        int
				DescribedPct *float64 `json:"described_pct"`
			}
		}
		Regions []struct{ Region string }
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	total, coded := 0, 0
	for _, p := range doc.Country.Points {
		total += p.Models
		coded += p.Coded
		if (p.Coded == 0) != (p.DescribedPct == nil) {
			t.Errorf("%s: %d coded, share %v", p.Period, p.Coded, p.DescribedPct)
		}
	}
	if total+r.Trend.Undated != len(fixture()) || len(doc.Regions) == 0 || len(doc.Periods) != len(doc.Country.Points) {
		t.Errorf("%d models in %d periods (+%d undated) of %d; %d regions", total, len(doc.Periods), r.Trend.Undated, len(fixture()), len(doc.Regions))
	}
	for i := 1; i < len(doc.Periods); i++ {
		if doc.Periods[i] != nextPeriod(doc.Periods[i-1], TrendYear) {
			t.Errorf("periods have a gap: %v", doc.Periods)
		}
	}
	var h bytes.Buffer
	if err := WriteTrendHTML(&h, r); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	if strings.Contains(page, "<script") || strings.Count(page, "<svg") != len(doc.Regions)+1 || !strings.Contains(page, "<polyline") {
		t.Errorf("trend page: %d charts for %d regions and the country, scripts %v", strings.Count(page, "<svg"), len(doc.Regions), strings.Contains(page, "<script"))
	}
}
