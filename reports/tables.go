package reports

import (
	"strconv"

	"github.com/innokyla/innokyla/model"
)

// Table IDs, also the `table` column of the long CSV and the file names of
// the per-table CSV files.
const (
	TableCoverage    = "coverage"
	TablePhases      = "phases"
	TableMethodPhase = "method_phase"
	TableMethods     = "methods"
)

// Cell kinds.
const (
	cellCount = iota
	cellPct
	cellMark
)

// Cell is one number of a table, kept as a number until it is written.
type Cell struct {
	kind  int
	N, Of int  // count, or percentage N of Of
	On    bool // mark
	Top   bool // the largest count of its column (shown in bold)
	// Also, when HasAlso, is a comparison figure shown in brackets (the
	// national count beside a region's).
	Also    int
	HasAlso bool
}

func count(n int) Cell       { return Cell{kind: cellCount, N: n} }
func percent(n, of int) Cell { return Cell{kind: cellPct, N: n, Of: of} }
func markCell(on bool) Cell  { return Cell{kind: cellMark, On: on} }

// text formats the cell for people.
func (c Cell) text(l Lang) string {
	var s string
	switch c.kind {
	case cellPct:
		s = l.pct(c.N, c.Of)
	case cellMark:
		s = l.mark(c.On)
	default:
		s = strconv.Itoa(c.N)
	}
	if c.HasAlso {
		s += " (" + strconv.Itoa(c.Also) + ")"
	}
	return s
}

// value formats the cell for machines: counts as integers, percentages
// with one decimal and a point, marks as 1 or 0.
func (c Cell) value() string {
	switch c.kind {
	case cellPct:
		return strconv.FormatFloat(round1(c.N, c.Of), 'f', 1, 64)
	case cellMark:
		if c.On {
			return "1"
		}
		return "0"
	}
	return strconv.Itoa(c.N)
}

// Column is a table column: an ID for machines and a label for people.
type Column struct{ ID, Label string }

// Row is a table row. ID is the group name, a method ID or "total".
type Row struct {
	ID, Label string
	Total     bool // a total row (shown in bold)
	Cells     []Cell
}

// Table is one of the four report tables.
type Table struct {
	ID, Title string
	Note      string // a line under the title, or ""
	Head      Column // the row-label column
	Columns   []Column
	Rows      []Row
}

// Tables builds the four tables of r with labels in l.
func Tables(r *Result, l Lang) []*Table {
	return []*Table{coverageTable(r, l), phasesTable(r, l), methodPhaseTable(r, l), methodsTable(r, l)}
}

// groupRows calls cells for each group and for the total.
func groupRows(r *Result, l Lang, cells func(g *Group) []Cell) []Row {
	var rows []Row
	for _, g := range r.Groups {
		name := l.groupName(r.GroupBy, g.Name)
		rows = append(rows, Row{ID: name, Label: name, Cells: cells(g)})
	}
	return append(rows, Row{ID: "total", Label: l.totalName(), Total: true, Cells: cells(r.Total)})
}

func coverageTable(r *Result, l Lang) *Table {
	t := &Table{
		ID:    TableCoverage,
		Title: l.t("Kattavuus: onko asiakkaiden osallistuminen kuvattu", "Coverage: is client participation described"),
		Head:  Column{"group", l.groupHeading(r.GroupBy)},
		Columns: []Column{
			{"models", l.t("Malleja", "Models")},
			{"described", l.t("Kuvattu", "Described")},
			{"described_pct", l.t("Kuvattu %", "Described %")},
			{"not_described", l.t("Ei kuvattu", "Not described")},
			{"not_described_pct", l.t("Ei kuvattu %", "Not described %")},
			{"reviewed", l.t("Henkilön tarkistama", "Reviewed by a person")},
		},
		Rows: groupRows(r, l, coverageCells),
	}
	if r.Total.NotCoded() > 0 {
		// Shares are of the coded models; the others are counted apart.
		t.Columns = append(t.Columns, Column{"not_coded", l.t("Ei vielä koodattu", "Not yet coded")})
		for i := range t.Rows {
			g := r.Total
			if i < len(r.Groups) {
				g = r.Groups[i]
			}
			t.Rows[i].Cells = append(t.Rows[i].Cells, count(g.NotCoded()))
		}
	}
	return t
}

// coverageCells are a group's coverage; the shares are of its coded models.
func coverageCells(g *Group) []Cell {
	return []Cell{count(g.Models), count(g.Described), percent(g.Described, g.Coded),
		count(g.NotDescribed()), percent(g.NotDescribed(), g.Coded), count(g.Reviewed)}
}

func phasesTable(r *Result, l Lang) *Table {
	t := &Table{
		ID:    TablePhases,
		Title: l.t("Vaiheet: mallit, joissa asiakkaat osallistuivat vaiheeseen", "Phases: models with client involvement in each phase"),
		Head:  Column{"group", l.groupHeading(r.GroupBy)},
	}
	for _, p := range model.PhaseIDs {
		t.Columns = append(t.Columns, Column{p, l.phase(p)})
	}
	t.Columns = append(t.Columns,
		Column{"phases_covered", l.t("Vaiheita", "Phases covered")},
		Column{"all_phases", l.t("Kaikki neljä", "All four")})
	t.Rows = groupRows(r, l, phaseCells)
	return t
}

func phaseCells(g *Group) []Cell {
	var cs []Cell
	for _, n := range g.Phases {
		cs = append(cs, count(n))
	}
	return append(cs, count(g.PhasesCovered()), markCell(g.AllPhases()))
}

func methodPhaseTable(r *Result, l Lang) *Table {
	t := &Table{
		ID:    TableMethodPhase,
		Title: l.t("Menetelmät vaiheittain (koko valinta)", "Methods by phase (whole selection)"),
		Note: l.t("Mallien määrä; lihavoitu luku on vaiheen yleisin menetelmä.",
			"Number of models; the bold figure is the most used method of the phase."),
		Head: Column{"method", l.t("Menetelmä", "Method")},
	}
	for _, p := range append(append([]string{}, model.PhaseIDs...), noPhase) {
		t.Columns = append(t.Columns, Column{p, l.phase(p)})
	}
	t.Columns = append(t.Columns, Column{"models", l.t("Malleja", "Models")})
	g := r.Total
	for i, id := range model.MethodIDs {
		var cs []Cell
		for _, n := range g.MethodPhase[i] {
			cs = append(cs, count(n))
		}
		t.Rows = append(t.Rows, Row{ID: id, Label: l.method(id), Cells: append(cs, count(g.Methods[i]))})
	}
	markTops(t, nPhases)
	return t
}

func methodsTable(r *Result, l Lang) *Table {
	t := &Table{
		ID:    TableMethods,
		Title: l.t("Menetelmät ryhmittäin", "Methods by group"),
		Note:  l.t("Menetelmää käyttäneiden mallien määrä.", "Number of models using the method."),
		Head:  Column{"group", l.groupHeading(r.GroupBy)},
	}
	for _, id := range model.MethodIDs {
		t.Columns = append(t.Columns, Column{id, l.method(id)})
	}
	t.Rows = groupRows(r, l, methodCells)
	return t
}

func methodCells(g *Group) []Cell {
	var cs []Cell
	for _, n := range g.Methods {
		cs = append(cs, count(n))
	}
	return cs
}

// markTops flags the largest non-zero count of each of the first n
// columns (all ties).
func markTops(t *Table, n int) {
	for c := 0; c < n; c++ {
		max := 0
		for _, r := range t.Rows {
			if !r.Total && r.Cells[c].N > max {
				max = r.Cells[c].N
			}
		}
		if max == 0 {
			continue
		}
		for i := range t.Rows {
			if !t.Rows[i].Total && t.Rows[i].Cells[c].N == max {
				t.Rows[i].Cells[c].Top = true
			}
		}
	}
}

// TopMethod returns the method ID most models use in phase (a phase ID or
// "none") over the group, and its count; "" when no model uses any.
func TopMethod(g *Group, phase string) (string, int) {
	p := nPhases
	if phase != noPhase {
		p = phaseIndex(phase)
	}
	if p < 0 {
		return "", 0
	}
	best, n := "", 0
	for i, id := range model.MethodIDs {
		if c := g.MethodPhase[i][p]; c > n {
			best, n = id, c
		}
	}
	return best, n
}
