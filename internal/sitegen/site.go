package sitegen

import (
	"fmt"
	"strconv"
	"strings"
)

// ListingPath is the root-relative directory of listing page n (1-based).
func ListingPath(n int) string {
	if n <= 1 {
		return "/fi/toimintamallit/"
	}
	return "/fi/toimintamallit/sivu/" + strconv.Itoa(n) + "/"
}

// teaser writes one model link with its summary and region.
func teaser(b *strings.Builder, e entry) {
	b.WriteString(`<li class="teaser"><h3 class="teaser__title"><a href="` + ModelPath(e.slug) + `">` + esc(e.title) + "</a></h3>")
	if e.summary != "" {
		b.WriteString(`<p class="teaser__summary">` + esc(e.summary) + "</p>")
	}
	if e.region != "" {
		b.WriteString(`<span class="teaser__region">` + esc(e.region) + "</span>")
	}
	b.WriteString("</li>\n")
}

func frontPage(entries []entry, projects []*Project) []byte {
	var b strings.Builder
	headA(&b, "Etusivu", SiteURL+"/", "path-frontpage")
	b.WriteString(`<h1>Innokylä</h1>
<p class="intro">Toimintamallit ja kehittämisen kokonaisuudet yhdessä paikassa.</p>
<p><a href="/fi/toimintamallit/" class="button">Selaa toimintamalleja (` + strconv.Itoa(len(entries)) + `)</a></p>
<h2>Uusimmat toimintamallit</h2>
<ul class="teaser-list">
`)
	for i, e := range entries {
		if i == 5 {
			break
		}
		teaser(&b, e)
	}
	b.WriteString("</ul>\n<h2>Kokonaisuudet</h2>\n<ul class=\"project-list\">\n")
	for _, p := range projects {
		b.WriteString(`<li><a href="` + ProjectPath(p.Slug) + `">` + esc(collapse(p.Title)) + "</a></li>\n")
	}
	b.WriteString("</ul>\n")
	footA(&b)
	return []byte(b.String())
}

// listing writes the paginated model listing, PageSize models a page, with
// "Edellinen"/"Seuraava" links and page numbers.
func (w *Writer) listing() error {
	pages := (len(w.entries) + PageSize - 1) / PageSize
	if pages == 0 {
		pages = 1
	}
	for n := 1; n <= pages; n++ {
		var b strings.Builder
		title := "Toimintamallit"
		if n > 1 {
			title = fmt.Sprintf("Toimintamallit, sivu %d", n)
		}
		headA(&b, title, SiteURL+strings.TrimSuffix(ListingPath(n), "/"), "path-toimintamallit")
		b.WriteString(`<h1>Toimintamallit</h1>
<p class="result-count">` + strconv.Itoa(len(w.entries)) + ` toimintamallia</p>
<ul class="teaser-list">
`)
		lo, hi := (n-1)*PageSize, n*PageSize
		if hi > len(w.entries) {
			hi = len(w.entries)
		}
		for _, e := range w.entries[lo:hi] {
			teaser(&b, e)
		}
		b.WriteString("</ul>\n<nav class=\"pager\" aria-label=\"Sivutus\"><ul class=\"pager__items\">\n")
		if n > 1 {
			b.WriteString(`<li class="pager__item pager__item--previous"><a href="` + ListingPath(n-1) + `" rel="prev">Edellinen</a></li>` + "\n")
		}
		for k := 1; k <= pages; k++ {
			if k > 3 && k < pages-2 && (k < n-2 || k > n+2) {
				continue // a window of page numbers, as pagers show
			}
			if k == n {
				b.WriteString(`<li class="pager__item is-active"><span aria-current="page">` + strconv.Itoa(k) + "</span></li>\n")
			} else {
				b.WriteString(`<li class="pager__item"><a href="` + ListingPath(k) + `">` + strconv.Itoa(k) + "</a></li>\n")
			}
		}
		if n < pages {
			b.WriteString(`<li class="pager__item pager__item--next"><a href="` + ListingPath(n+1) + `" rel="next">Seuraava</a></li>` + "\n")
		}
		b.WriteString("</ul></nav>\n")
		footA(&b)
		if err := w.file(ListingPath(n)+"index.html", []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

// projectPages writes one page per project listing its models.
func (w *Writer) projectPages(projects []*Project) error {
	byProject := map[string][]entry{}
	for _, e := range w.entries {
		if e.project != "" {
			byProject[e.project] = append(byProject[e.project], e)
		}
	}
	for _, p := range projects {
		var b strings.Builder
		title := collapse(p.Title)
		headA(&b, title, SiteURL+strings.TrimSuffix(ProjectPath(p.Slug), "/"), "path-node page-node-type-kokonaisuus")
		b.WriteString(`<article class="node node--type-kokonaisuus">
<h1 class="page-title">` + esc(title) + "</h1>\n")
		if v := collapse(p.RegionRaw); v != "" {
			b.WriteString(`<div class="field field--name-field-region"><div class="field__label">Paikkakunta, maakunta tai hyvinvointialue</div><div class="field__item">` + esc(v) + "</div></div>\n")
		}
		if v := collapse(p.Summary); v != "" {
			b.WriteString(`<div class="field field--name-body"><p>` + esc(v) + "</p></div>\n")
		}
		models := byProject[p.Slug]
		b.WriteString("<h2>Kokonaisuuden toimintamallit (" + strconv.Itoa(len(models)) + ")</h2>\n<ul class=\"teaser-list\">\n")
		for _, e := range models {
			teaser(&b, e)
		}
		b.WriteString("</ul>\n</article>\n")
		footA(&b)
		if err := w.file(ProjectPath(p.Slug)+"index.html", []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

// sitemapMax is the most URLs one sitemap file may hold.
const sitemapMax = 50000

// sitemaps writes /sitemap.xml (an index) and the model and project
// sitemaps; <lastmod> is the model's modified (else created) date, and a
// project's latest model date. Locations are root-relative.
func (w *Writer) sitemaps(projects []*Project) error {
	type url struct{ loc, lastmod string }
	var models []url
	for _, e := range w.entries {
		models = append(models, url{ModelPath(e.slug), e.lastmod})
	}
	latest := map[string]string{}
	for _, e := range w.entries {
		if e.project != "" && e.lastmod > latest[e.project] {
			latest[e.project] = e.lastmod
		}
	}
	var projs []url
	for _, p := range projects {
		projs = append(projs, url{ProjectPath(p.Slug), latest[p.Slug]})
	}
	urlset := func(urls []url) []byte {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, u := range urls {
			b.WriteString("  <url><loc>" + esc(u.loc) + "</loc>")
			if u.lastmod != "" {
				b.WriteString("<lastmod>" + u.lastmod + "</lastmod>")
			}
			b.WriteString("</url>\n")
		}
		b.WriteString("</urlset>\n")
		return []byte(b.String())
	}
	var index []url
	for i := 0; i == 0 || i*sitemapMax < len(models); i++ {
		name := "/sitemap-toimintamallit.xml"
		if i > 0 {
			name = fmt.Sprintf("/sitemap-toimintamallit-%d.xml", i+1)
		}
		hi := min((i+1)*sitemapMax, len(models))
		chunk := models[i*sitemapMax : hi]
		mod := ""
		for _, u := range chunk {
			mod = max(mod, u.lastmod)
		}
		if err := w.file(name, urlset(chunk)); err != nil {
			return err
		}
		index = append(index, url{name, mod})
	}
	if err := w.file("/sitemap-kokonaisuudet.xml", urlset(projs)); err != nil {
		return err
	}
	pmod := ""
	for _, u := range projs {
		pmod = max(pmod, u.lastmod)
	}
	index = append(index, url{"/sitemap-kokonaisuudet.xml", pmod})
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range index {
		b.WriteString("  <sitemap><loc>" + u.loc + "</loc>")
		if u.lastmod != "" {
			b.WriteString("<lastmod>" + u.lastmod + "</lastmod>")
		}
		b.WriteString("</sitemap>\n")
	}
	b.WriteString("</sitemapindex>\n")
	return w.file("/sitemap.xml", []byte(b.String()))
}
