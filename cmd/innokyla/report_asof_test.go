package main

import (
	"strings"
	"testing"
)

// TestReportAsOfReproducesTheFirstReport makes every report format after
// the first crawl, crawls a changed copy, and makes them again --as-of
// the first day: the same bytes. The latest report differs and names its
// snapshot; the same command twice gives the same bytes.
func TestReportAsOfReproducesTheFirstReport(t *testing.T) {
	formats := []string{"md", "json", "csv", "html"}
	first := map[string]string{}
	data, _ := crawledTwice(t, func(data string) {
		for _, f := range formats {
			first[f] = mustRunAt(t, data, day1, "report", "--format", f)
		}
		first["audit"] = mustRunAt(t, data, day1, "report", "--audit", "--region", "Pirkanmaa", "--as-of", "2026-11-02")
	})
	if !strings.Contains(first["md"], "Aineisto: tilanne 2026-11-02T09:00:00Z; 93 mallia; viimeisin haku: 1 (2026-11-02T09:00:00Z)") {
		t.Errorf("first report's header:\n%s", first["md"][:min(600, len(first["md"]))])
	}
	for _, f := range formats {
		for _, asOf := range []string{"2026-11-02", "2026-11-02T09:00:00Z", "2026-11-30T23:00:00+02:00"} {
			if got := mustRunAt(t, data, day2, "report", "--format", f, "--as-of", asOf); got != first[f] {
				t.Errorf("report --format %s --as-of %s differs from the first report:\n%s\nfirst:\n%s", f, asOf, got, first[f])
			}
		}
	}
	if got := mustRunAt(t, data, day2, "report", "--audit", "--region", "Pirkanmaa", "--as-of", "2026-11-02"); got != first["audit"] {
		t.Errorf("audit --as-of the first day made again differs:\n%s\nfirst:\n%s", got, first["audit"])
	}
	recoded := mustRunAt(t, data, day2, "report", "--as-of", "2026-11-02", "--codebook", "builtin")
	body := func(s string) string { return s[strings.Index(s, "\n## "):] }
	if !strings.Contains(recoded, "koodattu uudelleen tätä raporttia varten koodikirjalla") || body(recoded) != body(first["md"]) {
		t.Errorf("--as-of with --codebook builtin recodes the first versions into other tables:\n%s", recoded)
	}
	latest := mustRunAt(t, data, day2, "report")
	if latest == first["md"] || !strings.Contains(latest, "tilanne 2026-12-01T09:00:00Z; 93 mallia; viimeisin haku: 2 (2026-12-01T09:00:00Z)") {
		t.Errorf("latest report's header:\n%s", latest[:min(600, len(latest))])
	}
	if again := mustRunAt(t, data, day2.Add(48*3600e9), "report"); again != latest {
		t.Error("the same report command on the same store gave other bytes")
	}
	withdrawn := mustRunAt(t, data, day2, "report", "--include-withdrawn", "--format", "json")
	if !strings.Contains(withdrawn, `"include_withdrawn": true`) || !strings.Contains(withdrawn, `"models": 95`) {
		t.Errorf("--include-withdrawn does not count the withdrawn models")
	}
	if code, _, errw := runAt(t, data, day2, "report", "--as-of", "yesterday"); code != 2 || !strings.Contains(errw, `--as-of "yesterday" is not a date`) {
		t.Errorf("--as-of yesterday: exit %d %s", code, errw)
	}
}
