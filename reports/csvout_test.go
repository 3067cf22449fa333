package reports

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVTableNeutralisesFormulas: a group name from the corpus (a project
// title, say) that a spreadsheet would run is written as text.
func TestCSVTableNeutralisesFormulas(t *testing.T) {
	tb := &Table{ID: "coverage", Head: Column{ID: "group"}, Columns: []Column{{ID: "models"}},
		Rows: []Row{{ID: "=HYPERLINK(\"http://x\")", Cells: []Cell{{N: 3}}}, {ID: "@SUM(A1)", Cells: []Cell{{N: 1}}}}}
	var b bytes.Buffer
	if err := WriteCSVTable(&b, tb); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[0], "'") {
			t.Errorf("row %q is written as a formula", row[0])
		}
	}
}
