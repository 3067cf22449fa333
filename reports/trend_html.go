package reports

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// trendTemplate is the trend page: a line chart and a table per series.
const trendTemplate = htmlPageStart + `{{with .Note}}<p class="note">{{.}}</p>
{{end}}{{if .Empty}}<p>{{.EmptyMessage}}</p>
{{end}}{{range .Series}}<h2>{{.Name}}</h2>
{{template "chart" .Chart}}<table>
<thead><tr>{{range $.Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}{{if $i}}<td class="n">{{$c}}</td>{{else}}<td>{{$c}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}</body>
</html>
`

type trendHTMLData struct {
	htmlMeta
	Note         string
	Empty        bool
	EmptyMessage string
	Head         []string
	Series       []trendHTMLSeries
}

type trendHTMLSeries struct {
	Name  string
	Chart *chart
	Rows  [][]string
}

// WriteTrendHTML writes the trend as one self-contained page: per series
// (the whole country first) a small inline-SVG line chart of the share
// describing client involvement and the share covering all four phases,
// and a table of the period's models and shares. No scripts.
func WriteTrendHTML(w io.Writer, r *TrendReport) error {
	tpl, err := template.New("report").Parse(htmlTemplate)
	if err == nil {
		tpl, err = tpl.New("trend").Parse(trendTemplate)
	}
	if err != nil {
		return fmt.Errorf("html template: %w", err)
	}
	l := r.Lang
	d := trendHTMLData{
		htmlMeta: newHTMLMeta(l, l.trendTitle(r.Trend), r.Selection, r.codebook(), r.Snapshot.describe(l, r.models())),
		Empty:    len(r.Trend.Periods) == 0, EmptyMessage: l.emptyMessage(),
		Head: []string{l.t("Jakso", "Period"), l.t("Malleja", "Models"), l.t("Kuvattu %", "Described %"), l.t("Kaikki 4 vaihetta %", "All 4 phases %")},
	}
	if r.Trend.Undated > 0 {
		d.Note = fmt.Sprintf(l.t("Ilman päivämäärää: %s; ne on jätetty pois.", "Without the date: %s; they are left out."), l.models(r.Trend.Undated))
	}
	if !d.Empty {
		for _, s := range r.series() {
			hs := trendHTMLSeries{Name: s.Label, Chart: trendChart(s, l)}
			for _, p := range s.Points {
				hs.Rows = append(hs.Rows, []string{p.Period, strconv.Itoa(p.Models), l.pctOrEmpty(p.Described, p.Coded), l.pctOrEmpty(p.AllPhases, p.Coded)})
			}
			d.Series = append(d.Series, hs)
		}
	}
	return tpl.ExecuteTemplate(w, "trend", d)
}

// trendChart draws a series' shares per period, 0-100 %: a line for
// the share describing client involvement and one for the share covering
// all four phases; a period with no coded model breaks the lines.
func trendChart(s namedSeries, l Lang) *chart {
	const left, top, plotW, plotH = 44, 34, 440, 120
	n := len(s.Points)
	c := &chart{Title: s.Label + ": " + l.t("osuus koodatuista malleista", "share of the coded models"),
		Width: left + plotW + 36, Height: top + plotH + 40}
	x := func(i int) int {
		if n == 1 {
			return left + plotW/2
		}
		return left + i*plotW/(n-1)
	}
	y := func(v float64) int { return top + plotH - int(v*float64(plotH)/100+0.5) }
	for _, v := range []float64{0, 50, 100} { // grid and scale
		c.Rects = append(c.Rects, rect{X: left, Y: y(v), W: plotW, H: 1, Fill: "#d6d9de", Tip: fmt.Sprintf("%.0f %%", v)})
		c.Texts = append(c.Texts, text{X: left - 6, Y: y(v) + 4, Anchor: "end", S: fmt.Sprintf("%.0f %%", v)})
	}
	step := max(1, (n+7)/8) // at most about eight period labels
	for i, p := range s.Points {
		if i%step == 0 {
			c.Texts = append(c.Texts, text{X: x(i), Y: top + plotH + 18, Anchor: "middle", S: p.Period})
		}
	}
	lines := []struct {
		label, colour string
		count         func(TrendPoint) int
	}{
		{l.t("kuvattu", "described"), "#1b6ca8", func(p TrendPoint) int { return p.Described }},
		{l.t("kaikki 4 vaihetta", "all 4 phases"), "#3fa34d", func(p TrendPoint) int { return p.AllPhases }},
	}
	for k, ln := range lines {
		lx := left + k*170
		c.Rects = append(c.Rects, rect{X: lx, Y: 8, W: 12, H: 12, Fill: ln.colour, Tip: ln.label})
		c.Texts = append(c.Texts, text{X: lx + 18, Y: 19, Anchor: "start", S: ln.label})
		var seg []string
		flush := func() {
			if len(seg) > 1 {
				c.Lines = append(c.Lines, polyline{Points: strings.Join(seg, " "), Stroke: ln.colour})
			}
			seg = nil
		}
		for i, p := range s.Points {
			if p.Coded == 0 {
				flush()
				continue
			}
			px, py := x(i), y(pct(ln.count(p), p.Coded))
			seg = append(seg, fmt.Sprintf("%d,%d", px, py))
			c.Dots = append(c.Dots, dot{X: px, Y: py, Fill: ln.colour,
				Tip: fmt.Sprintf("%s %s: %d / %d (%s %%)", p.Period, ln.label, ln.count(p), p.Coded, l.pct(ln.count(p), p.Coded))})
		}
		flush()
	}
	return c
}
