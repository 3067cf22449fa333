package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
)

// TrendReport is a Trend with what it was computed from.
type TrendReport struct {
	Selection Selection
	Snapshot  Snapshot
	Trend     *Trend
	Lang      Lang
}

func (r *TrendReport) codebook() string { return strings.Join(r.Trend.Codebooks, ", ") }

// models is the number of dated models counted.
func (r *TrendReport) models() int {
	n := 0
	for _, p := range r.Trend.Country.Points {
		n += p.Models
	}
	return n
}

// namedSeries is a series with its heading and its CSV name.
type namedSeries struct {
	Label, ID string
	TrendSeries
}

// series is the whole country first, then the regions.
func (r *TrendReport) series() []namedSeries {
	out := []namedSeries{{r.Lang.t("Koko maa", "Whole country"), "country", r.Trend.Country}}
	for _, s := range r.Trend.Regions {
		out = append(out, namedSeries{r.Lang.groupName(GroupByRegion, s.Name), s.Name, s})
	}
	return out
}

func (l Lang) trendTitle(t *Trend) string {
	period := map[string]string{TrendYear: l.t("vuosittain", "by year"), TrendHalf: l.t("puolivuosittain", "by half-year"),
		TrendQuarter: l.t("neljännesvuosittain", "by quarter")}[t.Period]
	by := l.t("luontipäivän", "created date")
	if t.By == TrendByModified {
		by = l.t("muokkauspäivän", "modified date")
	}
	return l.t("Asiakkaiden osallistumisen kehitys ", "Client participation over time, ") + period +
		l.t(" ("+by+" mukaan)", " (by "+by+")")
}

// pctOrEmpty is a share with one decimal, "" when nothing was coded.
func (l Lang) pctOrEmpty(n, of int) string {
	if of == 0 {
		return ""
	}
	return l.pct(n, of)
}

// WriteTrendMarkdown writes one table per series (the whole country first):
// a row per period with the models, the share describing client
// involvement, the share covering all four phases and each method's share.
func WriteTrendMarkdown(w io.Writer, r *TrendReport) error {
	bw := bufio.NewWriter(w)
	l := r.Lang
	fmt.Fprintf(bw, "# %s\n\n", md(l.trendTitle(r.Trend)))
	fmt.Fprintf(bw, "%s: %s  \n", l.t("Valinta", "Selection"), md(r.Selection.describe(l)))
	fmt.Fprintf(bw, "%s: %s  \n", l.t("Koodikirja", "Codebook"), md(orDash(r.codebook())))
	fmt.Fprintf(bw, "%s: %s\n\n", l.t("Aineisto", "Snapshot"), md(r.Snapshot.describe(l, r.models())))
	if r.Trend.Undated > 0 {
		fmt.Fprintf(bw, l.t("Huom. Ilman päivämäärää: %s; ne on jätetty pois.\n\n", "Note: without the date: %s; they are left out.\n\n"), l.models(r.Trend.Undated))
	}
	if len(r.Trend.Periods) == 0 {
		fmt.Fprintf(bw, "%s\n", l.emptyMessage())
		return bw.Flush()
	}
	fmt.Fprintf(bw, "%s\n\n", l.t("Osuudet ovat koodatuista malleista (%).", "Shares are of the coded models (%)."))
	head := []string{l.t("Jakso", "Period"), l.t("Malleja", "Models"), l.t("Kuvattu", "Described"), l.t("Kaikki 4 vaihetta", "All 4 phases")}
	for _, id := range model.MethodIDs {
		head = append(head, md(l.method(id)))
	}
	for _, s := range r.series() {
		fmt.Fprintf(bw, "## %s\n\n", md(s.Label))
		var rows [][]string
		for _, p := range s.Points {
			row := []string{p.Period, strconv.Itoa(p.Models), l.pctOrEmpty(p.Described, p.Coded), l.pctOrEmpty(p.AllPhases, p.Coded)}
			for i := range model.MethodIDs {
				row = append(row, l.pctOrEmpty(p.Methods[i], p.Coded))
			}
			rows = append(rows, row)
		}
		if err := renderMarkdown(bw, head, rows); err != nil {
			return err
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

// WriteTrendCSV writes the trend as one long table:
//
//	series,period,measure,value
//	country,2024,models,12
//	Pirkanmaan hyvinvointialue,2024-H1,described_pct,50.0
//
// series is "country" or a region name ("" for no region); measures are
// models, coded, described_pct, all_phases_pct and <method>_pct (empty
// when no model of the period was coded). The snapshot comes first.
func WriteTrendCSV(w io.Writer, r *TrendReport) error {
	cw := safe.NewCSVWriter(w)
	cw.Write([]string{"series", "period", "measure", "value"})
	for _, kv := range [][2]string{{"as_of", r.Snapshot.AsOf}, {"last_crawl", r.Snapshot.LastCrawl}, {"codebook", r.codebook()}} {
		cw.Write([]string{"snapshot", "", kv[0], kv[1]})
	}
	f := func(n, of int) string {
		if of == 0 {
			return ""
		}
		return strconv.FormatFloat(round1(n, of), 'f', 1, 64)
	}
	for _, s := range r.series() {
		name := s.ID
		for _, p := range s.Points {
			cw.Write([]string{name, p.Period, "models", strconv.Itoa(p.Models)})
			cw.Write([]string{name, p.Period, "coded", strconv.Itoa(p.Coded)})
			cw.Write([]string{name, p.Period, "described_pct", f(p.Described, p.Coded)})
			cw.Write([]string{name, p.Period, "all_phases_pct", f(p.AllPhases, p.Coded)})
			for k, id := range model.MethodIDs {
				cw.Write([]string{name, p.Period, id + "_pct", f(p.Methods[k], p.Coded)})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonTrendPoint struct {
	Period       string              `json:"period"`
	Models       int                 `json:"models"`
	Coded        int                 `json:"coded"`
	DescribedPct *float64            `json:"described_pct"`
	AllPhasesPct *float64            `json:"all_phases_pct"`
	MethodPct    map[string]*float64 `json:"method_pct"`
}

type jsonTrendSeries struct {
	Region string           `json:"region"`
	Points []jsonTrendPoint `json:"points"`
}

// WriteTrendJSON writes the trend as one indented JSON object: periods,
// the country's series and each region's; a share is null when no model
// of the period was coded.
func WriteTrendJSON(w io.Writer, r *TrendReport) error {
	share := func(n, of int) *float64 {
		if of == 0 {
			return nil
		}
		v := round1(n, of)
		return &v
	}
	conv := func(s TrendSeries) jsonTrendSeries {
		js := jsonTrendSeries{Region: s.Name, Points: []jsonTrendPoint{}}
		for _, p := range s.Points {
			jp := jsonTrendPoint{Period: p.Period, Models: p.Models, Coded: p.Coded,
				DescribedPct: share(p.Described, p.Coded), AllPhasesPct: share(p.AllPhases, p.Coded), MethodPct: map[string]*float64{}}
			for i, id := range model.MethodIDs {
				jp.MethodPct[id] = share(p.Methods[i], p.Coded)
			}
			js.Points = append(js.Points, jp)
		}
		return js
	}
	sel := r.Selection
	if sel.Regions == nil {
		sel.Regions = []string{}
	}
	out := struct {
		Selection Selection         `json:"selection"`
		Codebook  string            `json:"codebook"`
		Snapshot  Snapshot          `json:"snapshot"`
		Period    string            `json:"period"`
		By        string            `json:"by"`
		Periods   []string          `json:"periods"`
		Undated   int               `json:"undated"`
		Country   jsonTrendSeries   `json:"country"`
		Regions   []jsonTrendSeries `json:"regions"`
	}{sel, r.codebook(), r.Snapshot, r.Trend.Period, r.Trend.By, r.Trend.Periods, r.Trend.Undated, conv(r.Trend.Country), []jsonTrendSeries{}}
	if out.Periods == nil {
		out.Periods = []string{}
	}
	for _, s := range r.Trend.Regions {
		out.Regions = append(out.Regions, conv(s))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
