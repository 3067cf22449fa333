package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/sitegen"
)

// The days of the two crawls of the over-time tests.
var (
	day1 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
)

// runAt runs the CLI on data with the clock stopped at now.
func runAt(t *testing.T, data string, now time.Time, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	f := &Factory{In: strings.NewReader(""), Out: &out, Err: &errw, Now: func() time.Time { return now }, Version: "test",
		Args: append([]string{"innokyla"}, args...)}
	defer f.Close()
	root := NewCmdRoot(f)
	root.SetArgs(append([]string{"--data", data}, args...))
	root.SetOut(&out)
	root.SetErr(&errw)
	code = printError(&errw, root.ExecuteContext(context.Background()))
	return code, out.String(), errw.String()
}

// mustRunAt is runAt that fails the test on a non-zero exit.
func mustRunAt(t *testing.T, data string, now time.Time, args ...string) string {
	t.Helper()
	code, out, errw := runAt(t, data, now, args...)
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, errw)
	}
	return out
}

// siteChanges is what changedSite did to the snapshot.
type siteChanges struct {
	dir                   string
	edited, fields, added []string // sections edited, Perustiedot edited, new
	unlisted, gone        []string // left out of the site; listed but answering 404
	coded                 string   // the edited model whose edit adds a survey of clients
}

// changedSite writes a changed copy of the bundled snapshot
// (testdata/sitesrc through sitegen): two models with sections edited, one
// with Perustiedot fields edited, two added, one left out and one whose
// page is gone while the sitemap and listing still name it.
func changedSite(t *testing.T) siteChanges {
	t.Helper()
	c, err := sitegen.Load(filepath.Join("..", "..", "testdata", "sitesrc"))
	if err != nil {
		t.Fatal(err)
	}
	src := c.Sources
	ch := siteChanges{dir: filepath.Join(t.TempDir(), "site2")}
	// Sections: a staff survey becomes a survey of clients; a sentence added.
	s0 := src[0]
	first := strings.TrimSpace(s0.Sections[0].Text)
	if i := strings.Index(first, ". "); i > 0 {
		first = first[i+2:] // the first sentence removed
	}
	s0.Sections[0].Text = first + " Asiakkaille tehtiin kysely ennen kokeilua, ja heidän toiveensa otettiin mukaan suunnitteluun.\n"
	ch.coded = s0.Slug
	s2 := src[2]
	s2.Sections[0].Text = strings.TrimSpace(s2.Sections[0].Text) + " Toimintaa laajennetaan vuonna 2027 kahteen uuteen kuntaan.\n"
	ch.edited = []string{s0.Slug, s2.Slug}
	// Perustiedot.
	s1 := src[1]
	s1.Stage, s1.Funder = map[string]string{"Valmis": "Arvioitu"}[s1.Stage], "Uusi rahoittaja"
	if s1.Stage == "" {
		s1.Stage = "Valmis"
	}
	ch.fields = []string{s1.Slug}
	// Added: copies of two models under new slugs.
	for i, base := range []*sitegen.Source{src[5], src[6]} {
		n := *base
		n.Slug = []string{"uusi-malli-yksi", "uusi-malli-kaksi"}[i]
		n.Title = "Uusi malli " + base.Title
		n.Created, n.Modified = "20.11.2026", ""
		n.SetProject(base.ProjectRef())
		c.Sources = append(c.Sources, &n)
		ch.added = append(ch.added, n.Slug)
	}
	// Left out.
	ch.unlisted = []string{src[3].Slug}
	ch.gone = []string{src[4].Slug}
	c.Sources = append(c.Sources[:3:3], c.Sources[4:]...)
	if err := sitegen.Write(c, ch.dir, "a"); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(ch.dir, filepath.FromSlash(sitegen.ModelPath(ch.gone[0])))); err != nil {
		t.Fatal(err)
	}
	return ch
}

// crawledTwice crawls the snapshot on day1 and the changed copy on day2,
// classifying after each, and returns the data directory; between is
// called (when not nil) before the second crawl.
func crawledTwice(t *testing.T, between ...func(data string)) (string, siteChanges) {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	ch := changedSite(t)
	mustRunAt(t, data, day1, "crawl", "--site", filepath.Join("..", "..", "testdata", "site"))
	mustRunAt(t, data, day1, "classify")
	for _, f := range between {
		f(data)
	}
	mustRunAt(t, data, day2, "crawl", "--site", ch.dir)
	mustRunAt(t, data, day2, "classify")
	return data, ch
}
