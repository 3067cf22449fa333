package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// hostileModel has text that would run in a spreadsheet or drive a
// terminal.
func hostileModel() *model.Model {
	return &model.Model{ID: "vihamielinen", URL: "https://innokyla.example/fi/toimintamalli/vihamielinen",
		Title: "=HYPERLINK(\"http://paha.example\",\"Avaa\")\x1b[2J", Region: "Lapin hyvinvointialue",
		Regions: []string{"Lapin hyvinvointialue"}, Project: "@SUM(1+1)*cmd|' /C calc'!A0",
		Funder: "-2+3\n+STM", Author: "\tvälilyönti", Place: "\r=1",
		Sections: []model.Section{{Page: model.PageMain, Heading: "Ratkaisun\x1b]0;otsikko\x07 perusidea",
			Text: "Asiakkaat suunnittelivat palvelun yhdessä työpajoissa.\x1b[31m"}}}
}

// TestExportCSVNeutralisesFormulas: no cell of the export CSV begins with
// a character a spreadsheet reads as a formula; funders are ';'-joined.
func TestExportCSVNeutralisesFormulas(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, []*model.Model{hostileModel()})
	code, out, stderr := c.run("export", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	for i, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("column %s begins with %q: %q", rows[0][i], cell[0], cell)
		}
	}
	for i, h := range rows[0] {
		if h == "funder" && rows[1][i] != "'-2+3;+STM" {
			t.Errorf("funder cell %q; want the funders ';'-joined, neutralised", rows[1][i])
		}
	}
}

// TestExplainDropsControlCharacters: page text cannot clear the screen or
// set the window title of the person running explain.
func TestExplainDropsControlCharacters(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, []*model.Model{hostileModel()})
	code, out, stderr := c.run("explain", "vihamielinen")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.ContainsAny(out, "\x1b\x07\r") {
		t.Errorf("explain printed control characters: %q", out)
	}
	if !strings.Contains(out, `=HYPERLINK("http://paha.example","Avaa")[2J`) {
		t.Errorf("the title is not shown as text:\n%s", out)
	}
}

// TestOutputFileModes: export and report files are 0644 less the umask
// when new, keep the mode of a file they replace, and write through an
// --out symlink to its target.
func TestOutputFileModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	dir := t.TempDir()
	mode := func(p string) os.FileMode {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	t.Run("new", func(t *testing.T) {
		p := filepath.Join(dir, "new.csv")
		if code, _, stderr := c.run("export", "--format", "csv", "--out", p); code != 0 {
			t.Fatal(stderr)
		}
		if m := mode(p); m != 0o644 {
			t.Errorf("export file mode %v; want 0644", m)
		}
	})
	t.Run("existing keeps its mode", func(t *testing.T) {
		p := filepath.Join(dir, "shared.md")
		writeFile(t, p, "old")
		os.Chmod(p, 0o660)
		if code, _, stderr := c.run("report", "--out", p); code != 0 {
			t.Fatal(stderr)
		}
		if m := mode(p); m != 0o660 {
			t.Errorf("report file mode %v; want 0660 kept", m)
		}
	})
	t.Run("symlink", func(t *testing.T) {
		target := writeFile(t, filepath.Join(dir, "jaettu", "raportti.md"), "old")
		link := filepath.Join(dir, "raportti.md")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := c.run("report", "--out", link); code != 0 {
			t.Fatal(stderr)
		}
		if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
			t.Error("the --out symlink was replaced by a file")
		}
		if b, _ := os.ReadFile(target); string(b) == "old" {
			t.Error("the link's target was not written")
		}
	})
}
