package reports

import (
	"io"

	"github.com/innokyla/innokyla/internal/safe"
)

// WriteCSV writes every table as one long (tidy) table for R and Excel:
//
//	table,row,column,value
//	coverage,Vantaan ja Keravan hyvinvointialue,models,7
//	method_phase,survey,ideation,3
//
// The first rows (table "snapshot") name the state of the corpus read:
// as_of, last_crawl and codebook. row is a group name, "total" or a method ID; column is a column ID;
// value is a count, a percentage with one decimal and a point, or 1/0
// for all_phases. An empty selection gives the header and the snapshot only. Cells a
// spreadsheet would run as formulas are neutralised (safe.CSVCell).
func WriteCSV(w io.Writer, r *Report) error {
	cw := safe.NewCSVWriter(w)
	if err := cw.Write([]string{"table", "row", "column", "value"}); err != nil {
		return err
	}
	for _, kv := range [][2]string{{"as_of", r.Snapshot.AsOf}, {"last_crawl", r.Snapshot.LastCrawl}, {"codebook", r.codebook()}} {
		if err := cw.Write([]string{"snapshot", kv[0], "value", kv[1]}); err != nil {
			return err
		}
	}
	if !r.Result.Empty() {
		for _, t := range Tables(r.Result, r.Lang) {
			for _, row := range t.Rows {
				for i, c := range row.Cells {
					if err := cw.Write([]string{t.ID, row.ID, t.Columns[i].ID, c.value()}); err != nil {
						return err
					}
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVTable writes one table in wide form: a header of column IDs and
// one line per row.
func WriteCSVTable(w io.Writer, t *Table) error {
	cw := safe.NewCSVWriter(w)
	head := []string{t.Head.ID}
	for _, c := range t.Columns {
		head = append(head, c.ID)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range t.Rows {
		line := []string{row.ID}
		for _, c := range row.Cells {
			line = append(line, c.value())
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
