package sitegen

import (
	"bytes"
	"flag"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadTestCorpus(t *testing.T) *Corpus {
	t.Helper()
	c, err := Load(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGoldenPages(t *testing.T) {
	c := loadTestCorpus(t)
	for _, variant := range []string{"a", "b"} {
		out := t.TempDir()
		if err := Write(c, out, variant); err != nil {
			t.Fatal(err)
		}
		for _, rel := range []string{
			"fi/toimintamalli/kotikaynnit-etana/index.html",
			"fi/toimintamalli/kotikaynnit-etana/kehittamisen-polku/index.html",
		} {
			got, err := os.ReadFile(filepath.Join(out, rel))
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join("testdata", "golden", variant, strings.ReplaceAll(strings.TrimSuffix(rel, "/index.html"), "/", "_")+".html")
			if *update {
				os.MkdirAll(filepath.Dir(name), 0o755)
				if err := os.WriteFile(name, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("variant %s %s differs from %s (run go test -update after checking)", variant, rel, name)
			}
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	c := loadTestCorpus(t)
	a, b := t.TempDir(), t.TempDir()
	if err := Write(c, a, "a"); err != nil {
		t.Fatal(err)
	}
	if err := Write(c, b, "a"); err != nil {
		t.Fatal(err)
	}
	// Regenerating in place gives the same tree too.
	if err := Write(c, b, "a"); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) || len(ta) < 10 {
		t.Fatalf("trees have %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two generations", name)
		}
	}
}

func TestWriteRemovesStaleFilesOnly(t *testing.T) {
	c := loadTestCorpus(t)
	out := t.TempDir()
	if err := Write(c, out, "a"); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(out, "fi", "muistiinpano.txt")
	if err := os.WriteFile(keep, []byte("oma"), 0o644); err != nil {
		t.Fatal(err)
	}
	smaller := &Corpus{Projects: c.Projects, Sources: c.Sources[1:]}
	gone := c.Sources[0].Slug
	if err := Write(smaller, out, "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "fi", "toimintamalli", gone)); !os.IsNotExist(err) {
		t.Errorf("stale model directory %s still there (err %v)", gone, err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file the generator did not write was removed: %v", err)
	}
	man, _ := os.ReadFile(filepath.Join(out, ManifestName))
	if strings.Contains(string(man), gone) || !strings.Contains(string(man), "robots.txt") {
		t.Errorf("manifest not rewritten:\n%s", man)
	}

	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "x.html"), []byte("x"), 0o644)
	if err := Write(c, foreign, "a"); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf("writing into a foreign non-empty dir: got %v", err)
	}
	if err := Write(c, t.TempDir(), "d"); err == nil {
		t.Error("unknown variant accepted")
	}
}

// TestRoundTripText checks, for both variants, that every value of every
// expected record is on the page it must be read from.
func TestRoundTripText(t *testing.T) {
	corpora := map[string]string{"test": filepath.Join("testdata", "src"), "snapshot": filepath.Join("..", "..", "testdata", "sitesrc")}
	for name, src := range corpora {
		c, err := Load(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, variant := range []string{"a", "b"} {
			out := t.TempDir()
			if err := Write(c, out, variant); err != nil {
				t.Fatal(err)
			}
			for _, s := range c.Sources {
				checkPages(t, out, variant, s)
			}
		}
	}
}

func checkPages(t *testing.T, out, variant string, s *Source) {
	t.Helper()
	read := func(dir string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(dir, "/")), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return html.UnescapeString(strings.ReplaceAll(string(b), "&nbsp;", " "))
	}
	pages := map[string]string{model.PageMain: read(ModelPath(s.Slug)), model.PagePath: read(PathPagePath(s.Slug))}
	r := s.Record()
	main := pages[model.PageMain]
	if !strings.Contains(main, `"`+r.URL+`"`) {
		t.Errorf("%s/%s: no canonical %s", s.Slug, variant, r.URL)
	}
	for _, v := range []string{r.Title, r.Summary, r.Place, r.RegionRaw, r.Funder, r.Project, r.Author, r.Stage, s.Created, s.Modified} {
		if v != "" && !strings.Contains(main, v) {
			t.Errorf("%s/%s: main page lacks %q", s.Slug, variant, v)
		}
	}
	for _, sec := range r.Sections {
		page := pages[sec.Page]
		if !strings.Contains(page, sec.Heading) {
			t.Errorf("%s/%s: %s page lacks heading %q", s.Slug, variant, sec.Page, sec.Heading)
		}
		for _, line := range strings.Split(sec.Text, "\n") {
			for _, part := range strings.Split(strings.TrimPrefix(line, "- "), " | ") {
				part = strings.Trim(part, "| ")
				if part != "" && !strings.Contains(page, part) {
					t.Errorf("%s/%s: %s page lacks text %q", s.Slug, variant, sec.Page, part)
				}
			}
		}
	}
}

func TestSiteStructure(t *testing.T) {
	c := loadTestCorpus(t)
	// Enough models for three listing pages.
	base := c.Sources[0]
	for i := 0; i < 2*PageSize+1; i++ {
		cp := *base
		cp.Slug = base.Slug + "-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		c.Sources = append(c.Sources, &cp)
	}
	out := t.TempDir()
	if err := Write(c, out, "a"); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	p1, p2, p3 := string(tree["fi/toimintamallit/index.html"]), string(tree["fi/toimintamallit/sivu/2/index.html"]), string(tree["fi/toimintamallit/sivu/3/index.html"])
	if !strings.Contains(p1, `href="/fi/toimintamallit/sivu/2/" rel="next">Seuraava`) || strings.Contains(p1, "Edellinen") {
		t.Error("page 1 pagination wrong")
	}
	if !strings.Contains(p2, `href="/fi/toimintamallit/" rel="prev">Edellinen`) || !strings.Contains(p2, `href="/fi/toimintamallit/sivu/3/" rel="next">Seuraava`) {
		t.Error("page 2 pagination wrong")
	}
	if strings.Contains(p3, "Seuraava") || strings.Count(p3, `class="teaser"`) != len(c.Sources)-2*PageSize {
		t.Errorf("page 3 wrong: %d teasers", strings.Count(p3, `class="teaser"`))
	}
	if _, ok := tree["fi/toimintamallit/sivu/4/index.html"]; ok {
		t.Error("a fourth listing page was written")
	}
	proj := string(tree["fi/kokonaisuus/kotona-kaupungissa/index.html"])
	if !strings.Contains(proj, `href="/fi/toimintamalli/asukasilta-tikkurila/"`) || strings.Contains(proj, "/ruokakassi/") {
		t.Error("project page does not list exactly its models")
	}
	robots := string(tree["robots.txt"])
	for _, want := range []string{"User-agent: *", "Disallow: /fi/haku/", "Sitemap: /sitemap.xml"} {
		if !strings.Contains(robots, want) {
			t.Errorf("robots.txt lacks %q", want)
		}
	}
	idx := string(tree["sitemap.xml"])
	if !strings.Contains(idx, "<loc>/sitemap-toimintamallit.xml</loc>") || !strings.Contains(idx, "<loc>/sitemap-kokonaisuudet.xml</loc>") {
		t.Errorf("sitemap index:\n%s", idx)
	}
	sm := string(tree["sitemap-toimintamallit.xml"])
	if !strings.Contains(sm, "<loc>/fi/toimintamalli/ruokakassi/</loc><lastmod>2020-10-10</lastmod>") ||
		!strings.Contains(sm, "<loc>/fi/toimintamalli/asukasilta-tikkurila/</loc><lastmod>2022-03-01</lastmod>") {
		t.Errorf("model sitemap lastmod wrong:\n%s", sm)
	}
	if !strings.Contains(string(tree["sitemap-kokonaisuudet.xml"]), "<loc>/fi/kokonaisuus/kotona-kaupungissa/</loc><lastmod>2022-11-15</lastmod>") {
		t.Error("project sitemap wrong")
	}
	if !strings.Contains(string(tree["index.html"]), `href="/fi/kokonaisuus/kotona-kaupungissa/"`) {
		t.Error("front page does not link the project")
	}
}

func TestFieldsOmittedWhenEmpty(t *testing.T) {
	c := loadTestCorpus(t)
	out := t.TempDir()
	if err := Write(c, out, "a"); err != nil {
		t.Fatal(err)
	}
	page := string(readTree(t, out)["fi/toimintamalli/ruokakassi/index.html"])
	for _, label := range []string{"Toteutuspaikka", "rahoittaja", "Kokonaisuus", "omistaja", "muokattu", "icon/launch"} {
		if strings.Contains(page, label) {
			t.Errorf("empty field %q is on the page", label)
		}
	}
	if !strings.Contains(page, "<p>Täydentyy</p>") {
		t.Error(`summary "Täydentyy" is not published as such`)
	}
}
