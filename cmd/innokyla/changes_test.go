package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/history"
)

// TestChangesListsExactlyTheEdits crawls the snapshot and a changed copy:
// changes since the latest crawl lists exactly the models added, edited
// and withdrawn, with the edited fields, sentences and coding.
func TestChangesListsExactlyTheEdits(t *testing.T) {
	data, ch := crawledTwice(t)
	for _, args := range [][]string{{"--since-crawl", "1"}, {"--since", "2026-12-01"}, {"--since", "2026-12-01T09:00:00Z"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out := mustRunAt(t, data, day2, append([]string{"changes", "--format", "json"}, args...)...)
			var log history.Log
			if err := json.Unmarshal([]byte(out), &log); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			got := map[string][]string{}
			entries := map[string]history.Entry{}
			for _, r := range log.Regions {
				for _, es := range [][]history.Entry{r.Added, r.Changed, r.Withdrawn} {
					for _, e := range es {
						got[e.Kind] = append(got[e.Kind], e.ID)
						entries[e.ID] = e
					}
				}
			}
			want := map[string][]string{
				history.Added:     ch.added,
				history.Changed:   append(slices.Clone(ch.edited), ch.fields...),
				history.Withdrawn: append(slices.Clone(ch.unlisted), ch.gone...),
			}
			for kind, ids := range want {
				slices.Sort(ids)
				g := slices.Clone(got[kind])
				slices.Sort(g)
				if !slices.Equal(g, ids) {
					t.Errorf("%s: %v; want %v", kind, g, ids)
				}
			}
			if f := entries[ch.fields[0]].Diff; f == nil || len(f.Fields) != 2 || len(f.Sections) != 0 {
				t.Errorf("Perustiedot edit: %+v", f)
			}
			d := entries[ch.coded].Diff
			if d == nil || len(d.Sections) != 1 || len(d.Sections[0].Added) != 1 || len(d.Sections[0].Removed) != 1 ||
				!strings.HasPrefix(d.Sections[0].Added[0], "Asiakkaille tehtiin kysely") {
				t.Fatalf("section edit: %+v", d)
			}
			if d.Coding == nil || !slices.ContainsFunc(d.Coding.MethodsGained, func(c history.Code) bool {
				return c.ID == "survey" && strings.Contains(c.Evidence, "Asiakkaille tehtiin kysely")
			}) {
				t.Errorf("coding change: %+v", d.Coding)
			}
		})
	}
	md := mustRunAt(t, data, day2, "changes", "--lang", "en")
	for _, w := range []string{"# Changes since 2026-12-01T09:00:00Z (start of crawl 2)", "Added: 2, changed: 3, withdrawn: 2.", "→ Uusi rahoittaja", "  - \\+ Asiakkaille tehtiin kysely"} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q:\n%s", w, md)
		}
	}
	if code, _, errw := runAt(t, data, day2, "changes", "--since-crawl", "5"); code != 2 || !strings.Contains(errw, "only 2 finished crawls") {
		t.Errorf("--since-crawl 5: exit %d %s", code, errw)
	}
}

// TestAuditSinceLastAudit: the audit of the region whose model gained a
// survey of clients lists it under "gained a description" since day2.
func TestAuditSinceLastAudit(t *testing.T) {
	data, ch := crawledTwice(t)
	out := mustRunAt(t, data, day2, "report", "--audit", "--region", "Vantaan ja Keravan hyvinvointialue", "--since-audit", "2026-12-01", "--lang", "en")
	i := strings.Index(out, "## Since the last audit (2026-12-01T00:00:00Z)")
	j := strings.Index(out, "### Gained a description of client involvement (1)")
	k := strings.Index(out, "### Lost their description")
	if i < 0 || j < i || k < j || !strings.Contains(out[j:k], "("+ch.coded+")") {
		t.Errorf("audit since the last audit:\n%s", out)
	}
	if code, _, _ := runAt(t, data, day2, "report", "--since-audit", "2026-12-01"); code != 2 {
		t.Errorf("--since-audit without --audit: exit %d", code)
	}
}
