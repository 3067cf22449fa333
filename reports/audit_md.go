package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/innokyla/innokyla/history"
	"github.com/innokyla/innokyla/model"
)

// AuditMeta is the provenance an audit report states.
type AuditMeta struct {
	Version   string    // tool version
	Command   string    // the command line that made the report
	Selection Selection // Since/Until apply to both the region and the corpus
	// Snapshot is the state of the corpus read; the report holds no other
	// time, so the same command on the same store gives the same bytes.
	Snapshot Snapshot
	// SinceLast is what changed in the region since the last audit
	// (--since-audit); nil leaves the section out.
	SinceLast *history.Log
}

// WriteAudit writes the audit of a region as a markdown document: the
// provenance, the four tables beside the national figures, the models
// lacking a description or a phase, an example sentence per method and
// recommendations drawn from the numbers.
func WriteAudit(w io.Writer, a *AuditResult, meta AuditMeta, l Lang) error {
	bw := bufio.NewWriter(w)
	names := make([]string, len(a.Regions))
	for i, r := range a.Regions {
		names[i] = md(r)
	}
	fmt.Fprintf(bw, "# %s: %s\n\n", l.t("Auditointiraportti", "Audit report"), strings.Join(names, ", "))
	writeProvenance(bw, a, meta, l)
	if a.Local.Empty() {
		fmt.Fprintf(bw, "%s\n", l.emptyMessage())
		return bw.Flush()
	}
	writeSummary(bw, a, l)
	writeSinceLast(bw, meta.SinceLast, l)
	if err := writeUncodedNote(bw, a.Local.Total, l); err != nil {
		return err
	}
	for i, t := range auditTables(a, l) {
		if err := writeMarkdownTable(bw, t, l, i+1); err != nil {
			return err
		}
	}
	writeNotDescribed(bw, a, l)
	writeMissing(bw, a, l)
	writeExamples(bw, a, l)
	fmt.Fprintf(bw, "## 8. %s\n\n", l.t("Suositukset", "Recommendations"))
	for _, rec := range Recommendations(a, l) {
		fmt.Fprintf(bw, "- %s\n", rec)
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

func writeProvenance(w io.Writer, a *AuditResult, meta AuditMeta, l Lang) {
	fmt.Fprintf(w, "## %s\n\n", l.t("Tausta", "Provenance"))
	fmt.Fprintf(w, "- %s: innokyla %s\n", l.t("Työkalu", "Tool"), md(orDash(meta.Version)))
	fmt.Fprintf(w, "- %s: %s\n", l.t("Koodikirja", "Codebook"), md(orDash(strings.Join(a.National.Codebooks, ", "))))
	crawl := "–"
	if !a.FetchedMin.IsZero() {
		crawl = a.FetchedMin.UTC().Format("2006-01-02") + " – " + a.FetchedMax.UTC().Format("2006-01-02")
	}
	fmt.Fprintf(w, "- %s: %s\n", l.t("Aineisto haettu", "Data fetched"), crawl)
	sel := meta.Selection
	sel.Regions = a.Regions
	sel.GroupBy = a.Local.GroupBy
	fmt.Fprintf(w, "- %s: %s\n", l.t("Valinta", "Selection"), md(sel.describe(l)))
	fmt.Fprintf(w, "- %s: %s\n", l.t("Vertailu", "Comparison"),
		l.t(fmt.Sprintf("koko aineisto samalla aikavälillä (%d mallia)", a.National.Total.Models),
			fmt.Sprintf("the whole corpus over the same dates (%d models)", a.National.Total.Models)))
	if meta.Command != "" {
		fmt.Fprintf(w, "- %s: %s\n", l.t("Komento", "Command"), md(meta.Command))
	}
	fmt.Fprintf(w, "- %s: %s\n", l.t("Aineisto", "Snapshot"), md(meta.Snapshot.describe(l, a.National.Total.Models)))
	fmt.Fprintln(w)
}

func writeSummary(w io.Writer, a *AuditResult, l Lang) {
	g, n := a.Local.Total, a.National.Total
	fmt.Fprintf(w, "## %s\n\n", l.t("Yhteenveto", "Summary"))
	fmt.Fprintf(w, l.t("Alueella on %d toimintamallia; asiakkaiden osallistuminen on kuvattu %d mallissa (%s %%, koko aineistossa %s %%). ",
		"The region has %d practice models; %d describe client participation (%s %%, %s %% in the whole corpus). "),
		g.Models, g.Described, l.pct(g.Described, g.Coded), l.pct(n.Described, n.Coded))
	fmt.Fprintf(w, l.t("Asiakkaat ovat mukana %d vaiheessa neljästä.\n\n", "Clients take part in %d of the four phases.\n\n"), g.PhasesCovered())
	fmt.Fprintf(w, "%s\n\n", l.t("Taulukoissa on ensin alueen ryhmät ja alueen yhteissumma, viimeisellä rivillä koko aineisto vertailuksi.",
		"The tables list the region's groups and its total first, the whole corpus last for comparison."))
}

// auditTables are the four tables of the region with a national row (or,
// for methods by phase, the national count in brackets).
func auditTables(a *AuditResult, l Lang) []*Table {
	ts := Tables(a.Local, l)
	nat := a.National.Total
	natRow := func(cells []Cell) Row {
		return Row{ID: "national", Label: l.t("Koko aineisto", "Whole corpus"), Total: true, Cells: cells}
	}
	for _, t := range ts {
		for i := range t.Rows {
			if t.Rows[i].ID == "total" {
				t.Rows[i].Label = l.t("Alue yhteensä", "Region total")
			}
		}
		switch t.ID {
		case TableCoverage:
			cells := coverageCells(nat)
			if len(t.Columns) > len(cells) { // the not_coded column
				cells = append(cells, count(nat.NotCoded()))
			}
			t.Rows = append(t.Rows, natRow(cells))
		case TablePhases:
			t.Rows = append(t.Rows, natRow(phaseCells(nat)))
		case TableMethods:
			t.Rows = append(t.Rows, natRow(methodCells(nat)))
		case TableMethodPhase:
			t.Title = l.t("Menetelmät vaiheittain (alue; suluissa koko aineisto)", "Methods by phase (region; whole corpus in brackets)")
			for i := range t.Rows {
				for j := range t.Rows[i].Cells {
					c := &t.Rows[i].Cells[j]
					if j < nPhases+1 {
						c.Also, c.HasAlso = nat.MethodPhase[i][j], true
					} else {
						c.Also, c.HasAlso = nat.Methods[i], true
					}
				}
			}
		}
	}
	return ts
}

func writeNotDescribed(w io.Writer, a *AuditResult, l Lang) {
	fmt.Fprintf(w, "## 5. %s\n\n", l.t("Mallit, joissa asiakkaiden osallistumista ei ole kuvattu", "Models that do not describe client participation"))
	if len(a.NotDescribed) == 0 {
		fmt.Fprintf(w, "%s\n\n", l.t("Kaikki alueen mallit kuvaavat asiakkaiden osallistumista.", "Every model of the region describes client participation."))
		return
	}
	writeRefs(w, a.NotDescribed)
}

func writeMissing(w io.Writer, a *AuditResult, l Lang) {
	fmt.Fprintf(w, "## 6. %s\n\n", l.t("Mallit, joista puuttuu vaihe", "Models by missing phase"))
	fmt.Fprintf(w, "%s\n\n", l.t("Mallit, jotka kuvaavat asiakkaiden osallistumista mutta eivät tässä vaiheessa.",
		"Models that describe client participation, but not in this phase."))
	for _, p := range model.PhaseIDs {
		refs := a.Missing[p]
		fmt.Fprintf(w, "### %s (%d)\n\n", l.phase(p), len(refs))
		if len(refs) == 0 {
			fmt.Fprintf(w, "%s\n\n", l.t("Ei yhtään.", "None."))
			continue
		}
		writeRefs(w, refs)
	}
}

func writeRefs(w io.Writer, refs []ModelRef) {
	for _, r := range refs {
		title := r.Title
		if strings.TrimSpace(title) == "" {
			title = r.ID
		}
		fmt.Fprintf(w, "- %s\n", mdLink(title, r.URL))
	}
	fmt.Fprintln(w)
}

func writeExamples(w io.Writer, a *AuditResult, l Lang) {
	fmt.Fprintf(w, "## 7. %s\n\n", l.t("Käytetyt menetelmät ja esimerkit", "Methods used, with an example each"))
	if len(a.Examples) == 0 {
		fmt.Fprintf(w, "%s\n\n", l.t("Alueen malleissa ei mainita yhtään menetelmää.", "The region's models name no method."))
		return
	}
	for _, ex := range a.Examples {
		n := a.Local.Total.Methods[methodIndex(ex.Method)]
		phases := make([]string, len(ex.Phases))
		for i, p := range ex.Phases {
			phases[i] = l.phase(p)
		}
		where := md(ex.Section)
		if len(phases) > 0 {
			where += "; " + strings.Join(phases, ", ")
		}
		fmt.Fprintf(w, "- **%s** (%s): “%s” — %s (%s)\n", l.method(ex.Method), l.models(n),
			md(ex.Text), mdLink(ex.Model.Title, ex.Model.URL), where)
	}
	fmt.Fprintln(w)
}
