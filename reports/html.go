package reports

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// WriteHTML writes the report as one self-contained HTML page: inline CSS,
// the four tables, a heatmap of groups by phases and a bar chart of methods
// by phase as inline SVG. No scripts, fonts or other external assets. All
// text goes through html/template, so titles and names stay text.
func WriteHTML(w io.Writer, r *Report) error {
	tpl, err := template.New("report").Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("html template: %w", err)
	}
	l := r.Lang
	d := htmlData{
		htmlMeta: newHTMLMeta(l, l.reportTitle(), r.Selection, r.codebook(), r.snapshotLine()),
		Empty:    r.Result.Empty(), EmptyMessage: l.emptyMessage(),
	}
	if !d.Empty {
		if n := r.Result.Total.NotCoded(); n > 0 {
			d.Note = fmt.Sprintf(l.t("Huom. Ei vielä koodattu: %s; ne on jätetty osuuksien ulkopuolelle.",
				"Note: not yet coded: %s; they are left out of the shares."), l.models(n))
		}
		for i, t := range Tables(r.Result, l) {
			d.Tables = append(d.Tables, toHTMLTable(t, l, i+1))
		}
		d.Heatmap = heatmap(r.Result, l)
		d.Bars = methodBars(r.Result.Total, l)
	}
	return tpl.Execute(w, d)
}

// htmlMeta is what htmlPageStart shows of every report page.
type htmlMeta struct {
	Lang, Title               string
	SelectionLabel, Selection string
	CodebookLabel, Codebook   string
	SnapshotLabel, Snapshot   string
}

func newHTMLMeta(l Lang, title string, sel Selection, codebook, snapshot string) htmlMeta {
	return htmlMeta{Lang: string(l), Title: title,
		SelectionLabel: l.t("Valinta", "Selection"), Selection: sel.describe(l),
		CodebookLabel: l.t("Koodikirja", "Codebook"), Codebook: orDash(codebook),
		SnapshotLabel: l.t("Aineisto", "Snapshot"), Snapshot: snapshot}
}

type htmlData struct {
	htmlMeta
	Note          string
	Empty         bool
	EmptyMessage  string
	Tables        []htmlTable
	Heatmap, Bars *chart
}

type htmlTable struct {
	N               int
	ID, Title, Note string
	Head            []string
	Rows            []htmlRow
}

type htmlRow struct {
	Label string
	Full  string // the whole name, on hover, when Label is short
	Total bool
	Cells []htmlCell
}

type htmlCell struct {
	Text string
	Top  bool
}

func toHTMLTable(t *Table, l Lang, n int) htmlTable {
	h := htmlTable{N: n, ID: t.ID, Title: t.Title, Note: t.Note, Head: []string{t.Head.Label}}
	for _, c := range t.Columns {
		h.Head = append(h.Head, c.Label)
	}
	for _, r := range t.Rows {
		row := htmlRow{Label: shortLabel(r.Label), Total: r.Total}
		if row.Label != r.Label {
			row.Full = r.Label
		}
		for _, c := range r.Cells {
			row.Cells = append(row.Cells, htmlCell{Text: c.text(l), Top: c.Top})
		}
		h.Rows = append(h.Rows, row)
	}
	return h
}

// chart is an SVG drawing: rectangles and text, coordinates in pixels.
type chart struct {
	Title         string
	Width, Height int
	Rects         []rect
	Texts         []text
	Lines         []polyline
	Dots          []dot
}

// polyline is one line of a line chart: "x,y x,y ..." in its Points.
type polyline struct {
	Points, Stroke string
}

// dot is a point of a line chart with its tooltip.
type dot struct {
	X, Y      int
	Fill, Tip string
}

type rect struct {
	X, Y, W, H int
	Fill       string
	Tip        string // <title> tooltip
}

type text struct {
	X, Y   int
	Anchor string // start, middle, end
	Bold   bool
	Light  bool // white text on a dark cell
	S      string
}

// heatmap draws groups (rows, and the total) by phases (columns); a cell's
// shade is the share of the group's models with clients in the phase.
func heatmap(r *Result, l Lang) *chart {
	const labelW, cellW, cellH, top = 300, 120, 28, 56
	groups := largest(r.Groups, maxHeatmapRows)
	title := l.t("Asiakkaiden osallistuminen vaiheittain (osuus ryhmän malleista)",
		"Client involvement by phase (share of the group's models)")
	if len(groups) < len(r.Groups) {
		title += fmt.Sprintf(l.t("; %d suurinta ryhmää %d:stä", "; the %d largest of %d groups"), len(groups), len(r.Groups))
	}
	groups = append(groups, r.Total)
	c := &chart{Title: title, Width: labelW + cellW*nPhases + 10, Height: top + cellH*len(groups) + 10}
	for p, id := range model.PhaseIDs {
		c.Texts = append(c.Texts, text{X: labelW + p*cellW + cellW/2, Y: top - 12, Anchor: "middle", Bold: true, S: l.phase(id)})
	}
	for i, g := range groups {
		y := top + i*cellH
		name := l.groupName(r.GroupBy, g.Name)
		if g == r.Total {
			name = l.totalName()
		}
		c.Texts = append(c.Texts, text{X: labelW - 8, Y: y + cellH/2 + 5, Anchor: "end", Bold: g == r.Total, S: clip(name, 40)})
		for p := 0; p < nPhases; p++ {
			share := pct(g.Phases[p], g.Coded) / 100
			x := labelW + p*cellW
			c.Rects = append(c.Rects, rect{X: x + 1, Y: y + 1, W: cellW - 2, H: cellH - 2, Fill: shade(share),
				Tip: fmt.Sprintf("%s, %s: %d / %d (%s %%)", name, l.phase(model.PhaseIDs[p]), g.Phases[p], g.Coded, l.pct(g.Phases[p], g.Coded))})
			c.Texts = append(c.Texts, text{X: x + cellW/2, Y: y + cellH/2 + 5, Anchor: "middle", Light: share > 0.55,
				S: fmt.Sprintf("%d (%s %%)", g.Phases[p], l.pct(g.Phases[p], g.Coded))})
		}
	}
	return c
}

// maxHeatmapRows bounds the heatmap; the tables still list every group.
const maxHeatmapRows = 40

// largest returns the n groups with the most models, in their given order.
func largest(gs []*Group, n int) []*Group {
	if len(gs) <= n {
		return append([]*Group{}, gs...)
	}
	idx := make([]int, len(gs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return gs[idx[a]].Models > gs[idx[b]].Models })
	idx = idx[:n]
	sort.Ints(idx)
	out := make([]*Group, n)
	for i, j := range idx {
		out[i] = gs[j]
	}
	return out
}

// phaseColors are the bar colours of the four phases and of "no phase".
var phaseColors = [nPhases + 1]string{"#1b6ca8", "#3fa34d", "#e0a526", "#c2413b", "#9a9a9a"}

// methodBars draws, for every method, one bar per phase (and no phase):
// how many models of the selection use the method in that phase.
func methodBars(g *Group, l Lang) *chart {
	const labelW, barH, gap, top, plotW = 230, 7, 10, 60, 420
	phases := append(append([]string{}, model.PhaseIDs...), noPhase)
	max := 1
	for i := range model.MethodIDs {
		for _, n := range g.MethodPhase[i] {
			if n > max {
				max = n
			}
		}
	}
	blockH := barH*len(phases) + gap
	c := &chart{Title: l.t("Menetelmät vaiheittain (mallien määrä)", "Methods by phase (number of models)"),
		Width: labelW + plotW + 60, Height: top + blockH*nMethods + 10}
	for p, id := range phases { // legend
		x := 10 + p*150
		c.Rects = append(c.Rects, rect{X: x, Y: 10, W: 12, H: 12, Fill: phaseColors[p], Tip: l.phase(id)})
		c.Texts = append(c.Texts, text{X: x + 18, Y: 21, Anchor: "start", S: l.phase(id)})
	}
	for i, id := range model.MethodIDs {
		y := top + i*blockH
		c.Texts = append(c.Texts, text{X: labelW - 8, Y: y + barH*len(phases)/2 + 4, Anchor: "end", S: l.method(id)})
		for p := range phases {
			n := g.MethodPhase[i][p]
			w := n * plotW / max
			by := y + p*barH
			if w > 0 {
				c.Rects = append(c.Rects, rect{X: labelW, Y: by, W: w, H: barH - 1, Fill: phaseColors[p],
					Tip: fmt.Sprintf("%s, %s: %d", l.method(id), l.phase(phases[p]), n)})
				c.Texts = append(c.Texts, text{X: labelW + w + 4, Y: by + barH - 1, Anchor: "start", S: fmt.Sprint(n)})
			}
		}
	}
	return c
}

// shade maps a share 0..1 to a colour from pale grey-blue to dark blue.
func shade(share float64) string {
	if share < 0 {
		share = 0
	}
	if share > 1 {
		share = 1
	}
	lerp := func(a, b int) int { return a + int(float64(b-a)*share+0.5) }
	return fmt.Sprintf("#%02x%02x%02x", lerp(0xf2, 0x08), lerp(0xf5, 0x30), lerp(0xf9, 0x6b))
}

// clip shortens s to at most n runes, ending with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// shortLabel is a region's name as a table's row label: "Vantaan ja
// Keravan hva" for "Vantaan ja Keravan hyvinvointialue" (hva is the usual
// short form), so a wide table keeps its labels on one line; the page
// shows the whole name on hover.
func shortLabel(name string) string {
	if s, ok := strings.CutSuffix(name, " hyvinvointialue"); ok {
		return s + " hva"
	}
	return name
}
