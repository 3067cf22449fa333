package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

type writer func(*bytes.Buffer, *Report) error

var formats = map[string]writer{
	"md":   func(b *bytes.Buffer, r *Report) error { return WriteMarkdown(b, r) },
	"json": func(b *bytes.Buffer, r *Report) error { return WriteJSON(b, r) },
	"csv":  func(b *bytes.Buffer, r *Report) error { return WriteCSV(b, r) },
	"html": func(b *bytes.Buffer, r *Report) error { return WriteHTML(b, r) },
}

func fixtureReport(t *testing.T, groupBy string, l Lang, ms []*model.Model) *Report {
	return &Report{Selection: Selection{GroupBy: groupBy, Until: "2026-12-31"}, Snapshot: Snapshot{AsOf: "2026-11-22T12:00:00Z", LastCrawl: CrawlLabel(3, "2026-11-22T12:00:00Z")},
		Result: aggregate(t, groupBy, ms), Lang: l}
}

func render(t *testing.T, format string, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := formats[format](&b, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// TestGolden holds every format for the fixture corpus, by region in
// Finnish and by project in English, and for an empty selection.
func TestGolden(t *testing.T) {
	cases := []struct {
		name    string
		groupBy string
		lang    Lang
		models  []*model.Model
	}{
		{"region-fi", GroupByRegion, LangFI, fixture()},
		{"project-en", GroupByProject, LangEN, fixture()},
		{"empty-fi", GroupByRegion, LangFI, nil},
	}
	for _, c := range cases {
		for _, f := range []string{"md", "json", "csv", "html"} {
			t.Run(c.name+"."+f, func(t *testing.T) {
				got := render(t, f, fixtureReport(t, c.groupBy, c.lang, c.models))
				golden(t, "golden/"+c.name+"."+f, got)
			})
		}
	}
}

func TestGoldenCSVTables(t *testing.T) {
	r := fixtureReport(t, GroupByRegion, LangFI, fixture())
	for _, tb := range Tables(r.Result, r.Lang) {
		var b bytes.Buffer
		if err := WriteCSVTable(&b, tb); err != nil {
			t.Fatal(err)
		}
		golden(t, "golden/region-fi-tables/"+tb.ID+".csv", b.Bytes())
	}
}

func TestMarkdownEscapesTitles(t *testing.T) {
	ms := fixture()
	hostile := "Alue | rikki\nrivi <script>alert(1)</script>"
	for _, m := range ms {
		if m.Region == hki {
			m.Region = hostile
		}
	}
	out := string(render(t, "md", fixtureReport(t, GroupByRegion, LangFI, ms)))
	if strings.Contains(out, "<script>") {
		t.Error("markdown carries a raw <script>")
	}
	if !strings.Contains(out, `Alue \| rikki<br>rivi &lt;script&gt;alert(1)&lt;/script&gt;`) {
		t.Errorf("hostile region name not escaped as expected:\n%s", out)
	}
	// Every table line of the coverage table has the same number of
	// unescaped pipes: the name did not split its row.
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "rikki") {
			if n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); n != 8 && n != 9 && n != 12 {
				t.Errorf("row split by the name (%d pipes): %s", n, line)
			}
		}
	}
}

func TestHTMLEscapesAndIsSelfContained(t *testing.T) {
	ms := fixture()
	for _, m := range ms {
		if m.Region == hki {
			m.Region = `Alue "x" <script>alert(1)</script> & <img src=x>`
		}
	}
	out := string(render(t, "html", fixtureReport(t, GroupByRegion, LangFI, ms)))
	for _, bad := range []string{"<script", "<img", " src=\"", "href=\"http", "url(", "@import"} {
		if strings.Contains(out, bad) {
			t.Errorf("html contains %q", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("escaped name missing from html")
	}
	if c := strings.Count(out, "<svg "); c != 2 {
		t.Errorf("%d svg charts, want 2 (heatmap and bars)", c)
	}
	if c := strings.Count(out, "<table"); c != 4 {
		t.Errorf("%d tables, want 4", c)
	}
}

func TestJSONShape(t *testing.T) {
	out := render(t, "json", fixtureReport(t, GroupByRegion, LangFI, fixture()))
	var doc struct {
		Selection map[string]any `json:"selection"`
		Codebook  string         `json:"codebook"`
		Groups    []struct {
			Name        string                    `json:"name"`
			Models      int                       `json:"models"`
			Described   int                       `json:"described"`
			Phases      map[string]int            `json:"phases"`
			AllPhases   bool                      `json:"all_phases"`
			Methods     map[string]int            `json:"methods"`
			MethodPhase map[string]map[string]int `json:"method_phase"`
		} `json:"groups"`
		Total json.RawMessage `json:"total"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Codebook != "2026.1" || len(doc.Groups) != 4 || doc.Selection["group_by"] != "region" {
		t.Fatalf("codebook %q, %d groups, selection %v", doc.Codebook, len(doc.Groups), doc.Selection)
	}
	g := doc.Groups[2]
	if g.Name != vk || g.Models != 4 || g.Described != 2 || !g.AllPhases || g.Phases["ideation"] != 2 {
		t.Errorf("VK group: %+v", g)
	}
	if len(g.Methods) != len(model.MethodIDs) || len(g.MethodPhase["survey"]) != 5 ||
		g.MethodPhase["survey"]["ideation"] != 2 || g.MethodPhase["survey"]["none"] != 0 {
		t.Errorf("VK methods %v, survey %v", g.Methods, g.MethodPhase["survey"])
	}
	if doc.Groups[3].Name != "(ei aluetta)" {
		t.Errorf("unnamed group called %q", doc.Groups[3].Name)
	}
}

func TestCSVIsTidy(t *testing.T) {
	out := render(t, "csv", fixtureReport(t, GroupByRegion, LangFI, fixture()))
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 5 rows (4 groups + total) x (7 + 6 + 10 columns) + 10 methods x 6;
	// coverage has a reviewed column, and not_coded as one model is not yet coded;
	// three snapshot rows (as_of, last_crawl, codebook) come first.
	if want := 1 + 3 + 5*(7+6+10) + 10*6; len(recs) != want {
		t.Errorf("%d records, want %d", len(recs), want)
	}
	found := false
	for _, r := range recs {
		if r[0] == "coverage" && r[1] == "total" && r[2] == "described_pct" {
			found = r[3] == "71.4" // 5 of the 7 coded models
		}
	}
	if !found {
		t.Error("coverage,total,described_pct,71.4 missing")
	}
}

func TestAuditGolden(t *testing.T) {
	for _, l := range []Lang{LangFI, LangEN} {
		a, err := NewAudit([]string{vk}, GroupByProject)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range fixture() {
			a.Add(m)
		}
		var b bytes.Buffer
		meta := AuditMeta{Version: "0.1.0-test", Command: "innokyla report --audit --region Vantaa",
			Snapshot: Snapshot{AsOf: "2026-11-22T12:00:00Z", LastCrawl: CrawlLabel(3, "2026-11-22T12:00:00Z")}}
		if err := WriteAudit(&b, a.Result(), meta, l); err != nil {
			t.Fatal(err)
		}
		golden(t, "golden/audit-vk-"+string(l)+".md", b.Bytes())
	}
}

func TestAuditFindsGaps(t *testing.T) {
	a, _ := NewAudit([]string{vk}, GroupByProject)
	for _, m := range fixture() {
		a.Add(m)
	}
	r := a.Result()
	if r.Local.Total.Models != 4 || r.National.Total.Models != 8 {
		t.Fatalf("local %d national %d", r.Local.Total.Models, r.National.Total.Models)
	}
	// vk-uusi is not yet coded: it says nothing either way.
	if len(r.NotDescribed) != 1 || r.NotDescribed[0].ID != "vk-ei" {
		t.Errorf("not described %+v", r.NotDescribed)
	}
	// vk-kysely lacks planning and development; vk-raati lacks piloting.
	if len(r.Missing[model.Planning]) != 1 || len(r.Missing[model.PilotingEvaluation]) != 1 || len(r.Missing[model.Ideation]) != 0 {
		t.Errorf("missing %+v", r.Missing)
	}
	if len(r.Examples) != 4 || r.Examples[0].Method != "survey" || !strings.Contains(r.Examples[0].Text, "verkkokysely") {
		t.Errorf("examples %+v", r.Examples)
	}
	if !r.FetchedMax.After(r.FetchedMin) {
		t.Errorf("fetched %v..%v", r.FetchedMin, r.FetchedMax)
	}
	recs := Recommendations(r, LangEN)
	if !strings.Contains(recs[0], "1 of 3 models (33.3 %)") {
		t.Errorf("first recommendation %q", recs[0])
	}
}

func TestAuditEmptyRegion(t *testing.T) {
	a, _ := NewAudit([]string{"Lapin hyvinvointialue"}, GroupByProject)
	for _, m := range fixture() {
		a.Add(m)
	}
	var b bytes.Buffer
	if err := WriteAudit(&b, a.Result(), AuditMeta{}, LangFI); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), LangFI.emptyMessage()) || strings.Contains(b.String(), "## 1.") {
		t.Errorf("empty audit:\n%s", b.String())
	}
}
