package sitegen

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the file in which Write lists what it generated.
const ManifestName = ".sitegen-manifest"

// PageSize is the number of models per listing page.
const PageSize = 20

// entry is what the site-level pages need of one written model.
type entry struct {
	slug, title, summary, region, lastmod, project string
}

// Writer renders a mirror one model at a time, so that large synthetic
// corpora need not be held in memory; only a short entry per model is kept
// for the listing, project pages and sitemaps written by Close.
type Writer struct {
	dir      string
	variant  string
	projects map[string]*Project
	entries  []entry
	files    []string
	closed   bool
}

// NewWriter prepares outDir for a new generation in variant "a", "b" or "c":
// it removes the files of a previous generation listed in the manifest, and
// refuses a non-empty directory that has no manifest.
func NewWriter(outDir, variant string) (*Writer, error) {
	if variant != "a" && variant != "b" && variant != "c" {
		return nil, fmt.Errorf("sitegen: unknown variant %q (want a, b or c)", variant)
	}
	if err := clean(outDir); err != nil {
		return nil, fmt.Errorf("sitegen: %w", err)
	}
	return &Writer{dir: outDir, variant: variant, projects: map[string]*Project{}}, nil
}

// AddProject registers a project page; its model list is written by Close.
func (w *Writer) AddProject(p *Project) { w.projects[p.Slug] = p }

// AddModel writes the main and kehittämisen polku pages of s.
func (w *Writer) AddModel(s *Source) error {
	main, path := mainPageA, pathPageA
	switch w.variant {
	case "b":
		main, path = mainPageB, pathPageB
	case "c":
		main, path = mainPageC, pathPageC
	}
	if err := w.file(ModelPath(s.Slug)+"index.html", main(s)); err != nil {
		return err
	}
	if err := w.file(PathPagePath(s.Slug)+"index.html", path(s)); err != nil {
		return err
	}
	lastmod := isoDate(s.Modified)
	if lastmod == "" {
		lastmod = isoDate(s.Created)
	}
	e := entry{slug: s.Slug, title: collapse(s.Title), summary: collapse(s.Summary), region: collapse(s.RegionRaw), lastmod: lastmod}
	if s.project != nil {
		e.project = s.project.Slug
	}
	w.entries = append(w.entries, e)
	return nil
}

// Close writes the front page, listing pages, project pages, sitemaps,
// robots.txt and the manifest.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	// Newest first, as Innokylä lists them; slug breaks ties.
	sort.Slice(w.entries, func(i, j int) bool {
		a, b := w.entries[i], w.entries[j]
		if a.lastmod != b.lastmod {
			return a.lastmod > b.lastmod
		}
		return a.slug < b.slug
	})
	projects := make([]*Project, 0, len(w.projects))
	for _, p := range w.projects {
		projects = append(projects, p)
	}
	sort.Slice(projects, func(i, j int) bool { return projects[i].Slug < projects[j].Slug })
	steps := []func() error{
		func() error { return w.file("/index.html", frontPage(w.entries, projects)) },
		func() error { return w.listing() },
		func() error { return w.projectPages(projects) },
		func() error { return w.sitemaps(projects) },
		func() error { return w.file("/robots.txt", []byte(robotsTxt)) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	sort.Strings(w.files)
	man := "# Files written by internal/sitegen; the next generation removes them.\n" + strings.Join(w.files, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(w.dir, ManifestName), []byte(man), 0o644); err != nil {
		return fmt.Errorf("sitegen: %w", err)
	}
	return nil
}

const robotsTxt = `# Innokylä mirror (generated)
User-agent: *
Disallow: /fi/haku/
Allow: /

Sitemap: /sitemap.xml
`

// file writes one generated file at a root-relative path.
func (w *Writer) file(rel string, data []byte) error {
	full := filepath.Join(w.dir, filepath.FromSlash(strings.TrimPrefix(rel, "/")))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("sitegen: %w", err)
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return fmt.Errorf("sitegen: %w", err)
	}
	w.files = append(w.files, strings.TrimPrefix(rel, "/"))
	return nil
}

// Write renders the whole corpus into outDir in the given variant.
func Write(c *Corpus, outDir, variant string) error {
	w, err := NewWriter(outDir, variant)
	if err != nil {
		return err
	}
	for _, p := range c.Projects {
		w.AddProject(p)
	}
	for _, s := range c.Sources {
		if err := w.AddModel(s); err != nil {
			return err
		}
	}
	return w.Close()
}

// clean removes the files of the previous generation in dir (per its
// manifest) and the directories left empty.
func clean(dir string) error {
	man := filepath.Join(dir, ManifestName)
	f, err := os.Open(man)
	if errors.Is(err, fs.ErrNotExist) {
		ents, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return os.MkdirAll(dir, 0o755)
		}
		if err != nil {
			return err
		}
		if len(ents) > 0 {
			return fmt.Errorf("%s is not empty and has no %s: refusing to write into it", dir, ManifestName)
		}
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	dirs := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rel := strings.TrimSpace(sc.Text())
		if rel == "" || strings.HasPrefix(rel, "#") {
			continue
		}
		if strings.Contains(rel, "..") || filepath.IsAbs(rel) {
			return fmt.Errorf("%s: bad entry %q", man, rel)
		}
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := filepath.Dir(full); d != dir && strings.HasPrefix(d, dir); d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", man, err)
	}
	// Deepest first, so parents empty out before they are tried.
	list := make([]string, 0, len(dirs))
	for d := range dirs {
		list = append(list, d)
	}
	sort.Slice(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	for _, d := range list {
		os.Remove(d) // fails harmlessly when not empty
	}
	return os.Remove(man)
}
