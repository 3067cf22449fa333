package reports

import (
	"bufio"
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// WriteMarkdown writes the report's four tables as a markdown document.
func WriteMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	l := r.Lang
	fmt.Fprintf(bw, "# %s\n\n", l.reportTitle())
	fmt.Fprintf(bw, "%s: %s  \n", l.t("Valinta", "Selection"), md(r.Selection.describe(l)))
	fmt.Fprintf(bw, "%s: %s  \n", l.t("Koodikirja", "Codebook"), md(orDash(r.codebook())))
	fmt.Fprintf(bw, "%s: %s\n\n", l.t("Aineisto", "Snapshot"), md(r.snapshotLine()))
	if r.Result.Empty() {
		fmt.Fprintf(bw, "%s\n", l.emptyMessage())
		return bw.Flush()
	}
	if err := writeUncodedNote(bw, r.Result.Total, l); err != nil {
		return err
	}
	for i, t := range Tables(r.Result, l) {
		if err := writeMarkdownTable(bw, t, l, i+1); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func writeUncodedNote(w io.Writer, total *Group, l Lang) error {
	if n := total.NotCoded(); n > 0 {
		_, err := fmt.Fprintf(w, l.t("Huom. Ei vielä koodattu: %s (innokyla classify); ne on jätetty osuuksien ulkopuolelle.\n\n",
			"Note: not yet coded: %s (innokyla classify); they are left out of the shares.\n\n"), l.models(n))
		return err
	}
	return nil
}

// writeMarkdownTable writes "## n. Title", an optional note and the table.
func writeMarkdownTable(w io.Writer, t *Table, l Lang, n int) error {
	fmt.Fprintf(w, "## %d. %s\n\n", n, t.Title)
	if t.Note != "" {
		fmt.Fprintf(w, "%s\n\n", t.Note)
	}
	head := []string{md(t.Head.Label)}
	for _, c := range t.Columns {
		head = append(head, md(c.Label))
	}
	var rows [][]string
	for _, r := range t.Rows {
		label := md(r.Label)
		if r.Total {
			label = "**" + label + "**"
		}
		row := []string{label}
		for _, c := range r.Cells {
			s := c.text(l)
			if (c.Top || r.Total) && s != "" {
				s = "**" + s + "**"
			}
			row = append(row, s)
		}
		rows = append(rows, row)
	}
	if err := renderMarkdown(w, head, rows); err != nil {
		return fmt.Errorf("table %s: %w", t.ID, err)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// renderMarkdown renders already-escaped cells through tablewriter: header
// case kept, no wrapping, first column left and the others right aligned.
func renderMarkdown(w io.Writer, head []string, rows [][]string) error {
	align := make([]tw.Align, len(head))
	for i := range align {
		align[i] = tw.AlignRight
	}
	align[0] = tw.AlignLeft
	tb := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithTrimSpace(tw.Off),
	)
	tb.Header(toAny(head)...)
	for _, r := range rows {
		if err := tb.Append(toAny(r)...); err != nil {
			return err
		}
	}
	return tb.Render()
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
