package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/innokyla/innokyla/crawler"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// savedPage is one saved HTML file, keyed to the model it belongs to.
type savedPage struct {
	file string
	body []byte
	key  string
	crawler.Sniffed
}

// importHTMLFiles pairs saved main pages with their kehittämisen polku
// pages and stores the models read from them. Pages that are not model
// pages (listings, project pages) are skipped and counted.
func importHTMLFiles(ctx context.Context, s *store.Store, files []string, c *importCounts) error {
	mains := map[string]savedPage{}
	paths := map[string]savedPage{}
	skipped := 0
	for _, file := range files {
		p, err := readSavedPage(file)
		if err != nil {
			return err
		}
		switch {
		case p.Path:
			paths[p.key] = p
		case p.Model:
			mains[p.key] = p
		default:
			skipped++
		}
	}
	var batch []*model.Model
	for _, key := range slices.Sorted(maps.Keys(mains)) {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := mains[key]
		var pathBody []byte
		if pp, ok := paths[key]; ok {
			pathBody = pp.body
			delete(paths, key)
		}
		abs, _ := filepath.Abs(p.file)
		m, err := crawler.Extract(p.body, pathBody, "file://"+filepath.ToSlash(abs))
		if err != nil {
			return fmt.Errorf("import %s: %w", p.file, err)
		}
		if st, err := os.Stat(p.file); err == nil {
			m.FetchedAt = st.ModTime().UTC()
		}
		batch = append(batch, m)
	}
	if len(batch) > 0 {
		res, err := s.PutAll(ctx, batch)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		for _, r := range res {
			c.count(r)
		}
	}
	c.Files += len(files)
	if skipped > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("%d HTML pages were not model pages (no Perustiedot) and were skipped", skipped))
	}
	for _, key := range slices.Sorted(maps.Keys(paths)) {
		c.Notes = append(c.Notes, fmt.Sprintf("%s: a kehittämisen polku page without its main page, skipped", paths[key].file))
	}
	return nil
}

func readSavedPage(file string) (savedPage, error) {
	body, err := os.ReadFile(file)
	if err != nil {
		return savedPage{}, fmt.Errorf("import: %w", err)
	}
	sn, err := crawler.Sniff(body)
	if err != nil {
		return savedPage{}, fmt.Errorf("import %s: %w", file, err)
	}
	p := savedPage{file: file, body: body, Sniffed: sn}
	if sn.Canonical != "" {
		p.key = model.IDFromURL(sn.Canonical)
		return p, nil
	}
	// No canonical link: take the key from the file's place on disk,
	// slug/index.html, slug/kehittamisen-polku/index.html or slug.html.
	rel := filepath.ToSlash(file)
	p.Path = strings.Contains(rel, "kehittamisen-polku")
	if strings.EqualFold(filepath.Base(rel), "index.html") {
		rel = filepath.ToSlash(filepath.Dir(rel))
	} else {
		rel = strings.TrimSuffix(rel, filepath.Ext(rel))
	}
	rel = strings.TrimSuffix(strings.TrimSuffix(rel, "kehittamisen-polku"), "-")
	p.key = model.IDFromURL(rel)
	return p, nil
}
