package safe

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestCSVCell(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"formula", `=HYPERLINK("http://x","klikkaa")`, `'=HYPERLINK("http://x","klikkaa")`},
		{"plus", "+1+1", "'+1+1"},
		{"minus", "-2+3", "'-2+3"},
		{"at", "@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"tab", "\t=1", "'\t=1"},
		{"carriage return", "\r=1", "'\r=1"},
		{"text", "Kotihoito = hyvä", "Kotihoito = hyvä"},
		{"date", "2024-01-02", "2024-01-02"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CSVCell(tc.in); got != tc.want {
				t.Errorf("CSVCell(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCSVWriterNeutralisesEveryCell(t *testing.T) {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	w.Write([]string{"id", "=1+1"})
	w.Write([]string{"@x", "ok"})
	w.Flush()
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for _, c := range row {
			if CSVCell(c) != c {
				t.Errorf("cell %q would run as a formula", c)
			}
		}
	}
}

func TestText(t *testing.T) {
	in := "Otsikko\x1b[2J\x1b]0;x\x07 rivi\nseuraava\ttab\r\u0085\u202eolleh\x7f"
	if got, want := Text(in), "Otsikko[2J]0;x rivi\nseuraava\ttabolleh"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if got, want := Line(in), "Otsikko[2J]0;x rivi seuraava tabolleh"; got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	if got, want := Text("a\x9b2Jb"), "a\uFFFD2Jb"; got != want {
		t.Errorf("Text of a lone 8-bit CSI = %q, want %q", got, want)
	}
}

func TestTerminalWriter(t *testing.T) {
	var b bytes.Buffer
	w := &TerminalWriter{W: &b}
	// ESC, a C1 CSI split across writes, and ä split across writes.
	for _, p := range []string{"a\x1b[2Jb", "\xc2", "\x9bc\r", "\xc3", "\xa4\n", "\x9b1m"} {
		if n, err := w.Write([]byte(p)); err != nil || n != len(p) {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	if got, want := b.String(), "a[2Jbc\rä\n1m"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}

func TestWriteFile(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	dir := t.TempDir()
	t.Run("new file is 0644 less the umask", func(t *testing.T) {
		p := filepath.Join(dir, "new.csv")
		if err := WriteFile(p, write("x")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, want 0644", st.Mode().Perm())
		}
		syscall.Umask(0o077)
		defer syscall.Umask(0o022)
		p = filepath.Join(dir, "private.csv")
		if err := WriteFile(p, write("x")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
			t.Errorf("under umask 077 mode %v, want 0600", st.Mode().Perm())
		}
	})
	t.Run("existing file keeps its mode", func(t *testing.T) {
		p := filepath.Join(dir, "shared.csv")
		os.WriteFile(p, []byte("old"), 0o664)
		os.Chmod(p, 0o664)
		if err := WriteFile(p, write("new")); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(p)
		b, _ := os.ReadFile(p)
		if st.Mode().Perm() != 0o664 || string(b) != "new" {
			t.Errorf("mode %v content %q, want 0664 and new", st.Mode().Perm(), b)
		}
	})
	t.Run("symlink is written through", func(t *testing.T) {
		real := filepath.Join(dir, "real", "out.md")
		os.MkdirAll(filepath.Dir(real), 0o755)
		os.WriteFile(real, []byte("old"), 0o644)
		link := filepath.Join(dir, "link.md")
		if err := os.Symlink(filepath.Join("real", "out.md"), link); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(link, write("new")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
			t.Error("the link was replaced by a file")
		}
		if b, _ := os.ReadFile(real); string(b) != "new" {
			t.Errorf("link target holds %q, want new", b)
		}
	})
	t.Run("failed write leaves the old file", func(t *testing.T) {
		p := filepath.Join(dir, "keep.csv")
		os.WriteFile(p, []byte("good"), 0o644)
		err := WriteFile(p, func(w io.Writer) error { io.WriteString(w, "half"); return io.ErrUnexpectedEOF })
		b, _ := os.ReadFile(p)
		if err == nil || string(b) != "good" {
			t.Errorf("err %v, file %q", err, b)
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("temporary file %s left behind", e.Name())
			}
		}
	})
}

func TestExcelCSVWriter(t *testing.T) {
	var b strings.Builder
	cw := NewCSVWriter(Excel(&b))
	for _, rec := range [][]string{{"alue", "osuus", "kaava"}, {"Päijät-Häme", "12.5", "=1+1"}, {"a;b", "2023-04-01", "v1.2.3"}} {
		if err := cw.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	cw.Flush()
	want := "\ufeffalue;osuus;kaava\r\nPäijät-Häme;12,5;'=1+1\r\n\"a;b\";2023-04-01;v1.2.3\r\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
