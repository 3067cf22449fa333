package reports

import (
	"fmt"
	"io"

	"github.com/innokyla/innokyla/history"
)

// writeSinceLast writes the section "since the last audit": the region's
// new models, the models that gained or lost a description of client
// involvement, and the models withdrawn.
func writeSinceLast(w io.Writer, log *history.Log, l Lang) {
	if log == nil {
		return
	}
	var added, gained, lost, withdrawn []history.Entry
	for _, r := range log.Regions {
		added = append(added, r.Added...)
		withdrawn = append(withdrawn, r.Withdrawn...)
		for _, e := range r.Changed {
			if e.Diff == nil || e.Diff.Coding == nil || e.Diff.Coding.DescribedBefore == e.Diff.Coding.DescribedAfter {
				continue
			}
			if e.Diff.Coding.DescribedAfter {
				gained = append(gained, e)
			} else {
				lost = append(lost, e)
			}
		}
	}
	fmt.Fprintf(w, "## %s (%s)\n\n", l.t("Edellisen auditoinnin jälkeen", "Since the last audit"), md(log.Since))
	list := func(title string, es []history.Entry) {
		fmt.Fprintf(w, "### %s (%d)\n\n", title, len(es))
		if len(es) == 0 {
			fmt.Fprintf(w, "%s\n\n", l.t("Ei yhtään.", "None."))
			return
		}
		for _, e := range es {
			line := fmt.Sprintf("- %s (%s)", mdLink(e.Title, e.URL), md(e.ID))
			if e.Withdrawn != "" {
				line += fmt.Sprintf(", %s %s", l.t("poistunut", "withdrawn"), md(dateOf(e.Withdrawn)))
			}
			fmt.Fprintln(w, line)
		}
		fmt.Fprintln(w)
	}
	list(l.t("Uudet mallit", "New models"), added)
	list(l.t("Asiakkaiden osallistumisen kuvaus tuli", "Gained a description of client involvement"), gained)
	list(l.t("Asiakkaiden osallistumisen kuvaus poistui", "Lost their description of client involvement"), lost)
	list(l.t("Poistuneet mallit", "Withdrawn models"), withdrawn)
}
