package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExcelCSV: --excel writes what Finnish Excel opens with ä intact and
// columns split (UTF-8 with a byte-order mark, ';', decimal commas); the
// default stays RFC 4180.
func TestExcelCSV(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, e := c.run("classify"); code != 0 {
		t.Fatal(e)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want []string // cells some row must hold
	}{
		{"export", []string{"export", "--format", "csv"}, []string{"Kotihoidon iltakäynnit", "Pirkanmaan hyvinvointialue"}},
		{"report", []string{"report", "--format", "csv"}, []string{"described_pct", "66,7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain, excel := filepath.Join(dir, tc.name+".csv"), filepath.Join(dir, tc.name+"-excel.csv")
			for _, run := range [][]string{append(tc.args, "--out", plain), append(tc.args, "--excel", "--out", excel)} {
				if code, _, e := c.run(run...); code != 0 {
					t.Fatalf("%v: exit %d: %s", run, code, e)
				}
			}
			b, err := os.ReadFile(excel)
			if err != nil {
				t.Fatal(err)
			}
			body, ok := strings.CutPrefix(string(b), "\ufeff")
			if !ok || !strings.Contains(body, "\r\n") {
				t.Fatalf("--excel: no byte-order mark or CRLF lines: %q", b[:min(len(b), 40)])
			}
			r := csv.NewReader(strings.NewReader(body))
			r.Comma = ';'
			rows, err := r.ReadAll()
			if err != nil || len(rows) < 2 || len(rows[0]) < 3 {
				t.Fatalf("--excel does not read as ';'-separated CSV: %v, %d rows", err, len(rows))
			}
			cells := map[string]bool{}
			for _, row := range rows {
				for _, c := range row {
					cells[c] = true
				}
			}
			for _, w := range tc.want {
				if !cells[w] {
					t.Errorf("--excel lacks the cell %q", w)
				}
			}
			p, err := os.ReadFile(plain)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(string(p), "\ufeff") || !strings.Contains(strings.SplitN(string(p), "\n", 2)[0], ",") {
				t.Errorf("the default is no longer RFC 4180: %q", p[:min(len(p), 60)])
			}
		})
	}
	if code, _, e := c.run("export", "--format", "jsonl", "--excel"); code != exitUsage || !strings.Contains(e, "--excel is for --format csv") {
		t.Errorf("--excel with jsonl: exit %d, %s", code, e)
	}
}
