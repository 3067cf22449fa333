package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/innokyla/innokyla/history"
)

// WriteChangesMarkdown writes what changed since a time, region by region:
// the models added, the models changed (Perustiedot fields old -> new, the
// sentences added to and removed from each section, how the coding
// changed) and the models withdrawn.
func WriteChangesMarkdown(w io.Writer, log *history.Log, l Lang) error {
	bw := bufio.NewWriter(w)
	since := log.Since
	if log.SinceCrawl > 0 {
		since += l.t(fmt.Sprintf(" (haku %d alkoi)", log.SinceCrawl), fmt.Sprintf(" (start of crawl %d)", log.SinceCrawl))
	}
	fmt.Fprintf(bw, "# %s %s\n\n", l.t("Muutokset alkaen", "Changes since"), md(since))
	fmt.Fprintf(bw, "%s: %d, %s: %d, %s: %d.\n\n", l.t("Uusia", "Added"), log.Added,
		l.t("muuttuneita", "changed"), log.Changed, l.t("poistuneita", "withdrawn"), log.Withdrawn)
	if len(log.Regions) == 0 {
		fmt.Fprintln(bw, l.t("Ei muutoksia.", "No changes."))
		return bw.Flush()
	}
	for _, r := range log.Regions {
		fmt.Fprintf(bw, "## %s\n\n", md(l.groupName(GroupByRegion, r.Region)))
		if len(r.Added) > 0 {
			fmt.Fprintf(bw, "### %s (%d)\n\n", l.t("Uudet", "Added"), len(r.Added))
			for _, e := range r.Added {
				fmt.Fprintf(bw, "- %s (%s)\n", mdLink(e.Title, e.URL), md(e.ID))
			}
			fmt.Fprintln(bw)
		}
		if len(r.Changed) > 0 {
			fmt.Fprintf(bw, "### %s (%d)\n\n", l.t("Muuttuneet", "Changed"), len(r.Changed))
			for _, e := range r.Changed {
				writeChangedModel(bw, e, l)
			}
		}
		if len(r.Withdrawn) > 0 {
			fmt.Fprintf(bw, "### %s (%d)\n\n", l.t("Poistuneet", "Withdrawn"), len(r.Withdrawn))
			for _, e := range r.Withdrawn {
				fmt.Fprintf(bw, "- %s (%s), %s %s\n", mdLink(e.Title, e.URL), md(e.ID), l.t("poistunut", "withdrawn"), md(dateOf(e.Withdrawn)))
			}
			fmt.Fprintln(bw)
		}
	}
	return bw.Flush()
}

func writeChangedModel(w io.Writer, e history.Entry, l Lang) {
	fmt.Fprintf(w, "#### %s (%s), %s %d → %d\n\n", mdLink(e.Title, e.URL), md(e.ID), l.t("versio", "version"), e.OldVersion, e.Version)
	d := e.Diff
	if d == nil || d.Empty() {
		fmt.Fprintf(w, "%s\n\n", l.t("Vain muotoilu muuttui.", "Only the layout changed."))
		return
	}
	for _, f := range d.Fields {
		fmt.Fprintf(w, "- %s: %s → %s\n", md(f.Name), md(orDash(f.Old)), md(orDash(f.New)))
	}
	for _, s := range d.Sections {
		status := map[string]string{
			history.SectionChanged: l.t("muuttui", "changed"),
			history.SectionAdded:   l.t("lisätty", "added"),
			history.SectionRemoved: l.t("poistettu", "removed"),
		}[s.Status]
		fmt.Fprintf(w, "- %s %s (%s)\n", md(s.Heading), status, md(s.Page))
		for _, a := range s.Added {
			fmt.Fprintf(w, "  - \\+ %s\n", md(a))
		}
		for _, r := range s.Removed {
			fmt.Fprintf(w, "  - − %s\n", md(r))
		}
	}
	if c := d.Coding; c != nil {
		fmt.Fprintf(w, "- %s:", l.t("Koodaus", "Coding"))
		if c.DescribedBefore != c.DescribedAfter {
			fmt.Fprintf(w, " %s %s → %s;", l.t("kuvattu", "described"), l.yesNo(c.DescribedBefore), l.yesNo(c.DescribedAfter))
		}
		writeCodes(w, l.t("menetelmiä tuli", "methods gained"), c.MethodsGained, l)
		writeCodes(w, l.t("menetelmiä poistui", "methods lost"), c.MethodsLost, l)
		writePhases(w, l.t("vaiheita tuli", "phases gained"), c.PhasesGained, l)
		writePhases(w, l.t("vaiheita poistui", "phases lost"), c.PhasesLost, l)
		fmt.Fprintln(w)
		for _, m := range append(append([]history.Code(nil), c.MethodsGained...), c.MethodsLost...) {
			if m.Evidence != "" {
				fmt.Fprintf(w, "  - %s: “%s” (%s)\n", md(l.method(m.ID)), md(m.Evidence), md(m.Section))
			}
		}
	}
	fmt.Fprintln(w)
}

func writeCodes(w io.Writer, label string, cs []history.Code, l Lang) {
	if len(cs) == 0 {
		return
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = md(l.method(c.ID))
	}
	fmt.Fprintf(w, " %s: %s;", label, strings.Join(names, ", "))
}

func writePhases(w io.Writer, label string, ps []string, l Lang) {
	if len(ps) == 0 {
		return
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = md(l.phase(p))
	}
	fmt.Fprintf(w, " %s: %s;", label, strings.Join(names, ", "))
}

// dateOf is the date of an RFC 3339 time.
func dateOf(t string) string {
	if len(t) >= 10 {
		return t[:10]
	}
	return t
}

// WriteChangesJSON writes the log as one indented JSON object.
func WriteChangesJSON(w io.Writer, log *history.Log) error {
	if log.Regions == nil {
		log.Regions = []history.RegionLog{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func (l Lang) yesNo(b bool) string {
	if b {
		return l.t("kyllä", "yes")
	}
	return l.t("ei", "no")
}
