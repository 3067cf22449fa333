package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
)

// runIndexCanceled runs the index command with the store open and its
// context cancelled: it stops before reading the first model, as Ctrl-C
// would while indexing.
func runIndexCanceled(t *testing.T, c *cli, rebuild bool) {
	t.Helper()
	var out, errw bytes.Buffer
	f := &Factory{DataDir: c.data, Out: &out, Err: &errw}
	defer f.Close()
	if _, err := f.WriteStore(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := runIndex(ctx, &IndexOptions{F: f, Rebuild: rebuild}); err == nil {
		t.Fatal("a cancelled index run succeeded")
	}
}

// TestInterruptedRebuildKeepsIndex: an interrupted index --rebuild leaves
// the index in use whole and unmarked; the next rebuild swaps in a new one.
func TestInterruptedRebuildKeepsIndex(t *testing.T) {
	c := newCLI(t)
	searchCorpus(t, c)
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	_, before, _ := c.run("search", "kysely")
	runIndexCanceled(t, c, true)
	code, after, stderr := c.run("search", "kysely")
	if code != 0 || after != before || strings.Contains(stderr, "incomplete") {
		t.Errorf("after an interrupted rebuild: exit %d, stderr %q\n%s\nwant\n%s", code, stderr, after, before)
	}
	if _, err := os.Stat(filepath.Join(c.data, "index.rebuild")); err != nil {
		t.Fatalf("the interrupted rebuild left nothing aside: %v", err)
	}
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	if _, err := os.Stat(filepath.Join(c.data, "index.rebuild")); !os.IsNotExist(err) {
		t.Errorf("an index run leaves what an interrupted rebuild left: %v", err)
	}
	runIndexCanceled(t, c, true)
	if code, out, e := c.run("index", "--rebuild"); code != 0 || !strings.Contains(out, "rebuilt") {
		t.Fatalf("rebuild: exit %d %s %s", code, out, e)
	}
	if _, err := os.Stat(filepath.Join(c.data, "index.rebuild")); !os.IsNotExist(err) {
		t.Errorf("the rebuild directory is left: %v", err)
	}
	if _, again, _ := c.run("search", "kysely"); again != before {
		t.Errorf("after the rebuild:\n%s\nwant\n%s", again, before)
	}
}

// TestInterruptedIndexWarns: an interrupted incremental index marks the
// index incomplete; search says so until an index run finishes.
func TestInterruptedIndexWarns(t *testing.T) {
	c := newCLI(t)
	searchCorpus(t, c)
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	seedStore(t, c.data, []*model.Model{{ID: "uusi-kysely", URL: "https://innokyla.example/fi/toimintamalli/uusi-kysely",
		Title: "Uusi kysely", Region: "Lapin hyvinvointialue", Regions: []string{"Lapin hyvinvointialue"}}})
	runIndexCanceled(t, c, false)
	code, _, stderr := c.run("search", "kysely")
	if code != 0 || !strings.Contains(stderr, "index at "+filepath.Join(c.data, "index")+" is incomplete") {
		t.Errorf("search after an interrupted index: exit %d, stderr %q", code, stderr)
	}
	if code, _, e := c.run("index"); code != 0 {
		t.Fatal(e)
	}
	if _, out, stderr := c.run("search", "kysely"); strings.Contains(stderr, "incomplete") || !strings.Contains(out, "Uusi kysely") {
		t.Errorf("after a finished index: stderr %q\n%s", stderr, out)
	}
}

// TestRunReportsWhenIndexBusy: run writes its reports although its index
// step fails (serve holds the index) and says why the index was not updated.
func TestRunReportsWhenIndexBusy(t *testing.T) {
	site := filepath.Join("..", "..", "testdata", "site")
	c := newCLI(t)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, e := c.run("run", "--site", site, "--out", out); code != 0 {
		t.Fatal(e)
	}
	for _, f := range []string{"report.md", "report.csv"} {
		os.Remove(filepath.Join(out, f))
	}
	ix, err := index.Open(filepath.Join(c.data, "index"), index.Options{ReadOnly: true}) // as serve does
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	code, stdout, stderr := c.run("run", "--site", site, "--out", out)
	if code != 0 {
		t.Errorf("run beside serve: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"report.md", "report.csv"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if !strings.Contains(stderr, "warning: the search index was not updated: ") || !strings.Contains(stderr, "in use by another innokyla process") {
		t.Errorf("run does not say the index was not updated and why:\n%s", stderr)
	}
	if stdout != filepath.Join(out, "report.md")+"\n" {
		t.Errorf("stdout %q", stdout)
	}
}
