package sitegen

import (
	"strings"

	"github.com/innokyla/innokyla/model"
)

// Variant b renders the same content as variant a with the markup of
// another CMS theme: h3/strong headings without markers, div paragraphs,
// ordered lists, a dl of metadata after the sections, other class names,
// label spellings and attribute order, and indented element content.

func headB(b *strings.Builder, title, canonical string) {
	b.WriteString(`<!doctype html>
<html lang="fi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>` + esc(title) + ` – Innokylä</title>
<link href="` + esc(canonical) + `" rel="canonical">
<link href="/static/b/site.css" rel="stylesheet" type="text/css">
</head>
<body>
<div id="page">
<div class="ylapalkki">
  <a href="/">Etusivu</a> |
  <a href="/fi/toimintamallit/">Kaikki toimintamallit</a> |
  <a href="/fi/haku/?q=">Hae</a>
</div>
`)
}

func footB(b *strings.Builder) {
	b.WriteString(`<div id="alatunniste">
  <a href="mailto:palaute@innokyla.example">Anna palautetta</a>
  <a href="javascript:void(0)" onclick="window.print()">Tulosta</a>
  <a href="https://thl.fi/">THL</a>
</div>
</div>
</body>
</html>
`)
}

func tabsB(b *strings.Builder, slug string) {
	b.WriteString(`<ul class="valilehdet">
  <li><a href="` + ModelPath(slug) + `">Kuvaus</a></li>
  <li><a href="` + PathPagePath(slug) + `">Kehittämisen polku</a></li>
</ul>
`)
}

// sectionsB renders one page's sections as h3/strong + div.sisalto.
func sectionsB(b *strings.Builder, s *Source, page string) int {
	n := 0
	for _, sec := range s.Sections {
		if sec.Page != page {
			continue
		}
		n++
		b.WriteString(`<div class="osio">
  <h3><strong>` + esc(collapse(sec.Heading)) + `</strong></h3>
  <div class="sisalto">
`)
		writeBlocks(b, sec.Text, "b")
		b.WriteString("  </div>\n</div>\n")
	}
	return n
}

// mainPageB renders a model's main page in the variant-b markup.
func mainPageB(s *Source) []byte {
	var b strings.Builder
	title := collapse(s.Title)
	headB(&b, title, CanonicalURL(s.Slug))
	b.WriteString(`<div id="content" class="toimintamalli">
<h1 class="otsikko">
  ` + esc(title) + `
</h1>
`)
	if v := collapse(s.Summary); v != "" {
		b.WriteString(`<p class="ingressi">` + esc(v) + "</p>\n")
	}
	tabsB(&b, s.Slug)
	b.WriteString(`<div class="kuvaus">` + "\n")
	sectionsB(&b, s, model.PageMain)
	b.WriteString("</div>\n")
	b.WriteString(`<div class="tiedot">
<h3>Perustiedot</h3>
<dl class="metatiedot">
`)
	fields := s.fields()
	if v := collapse(s.Stage); v != "" {
		fields = append(fields, field{key: fStage, value: v})
	}
	for _, f := range fields {
		b.WriteString("  <dt>" + esc(labelsB[f.key]) + "</dt>\n  <dd>\n    ")
		if f.href != "" {
			b.WriteString(`<a title="Kokonaisuus" href="` + f.href + `">` + esc(f.value) + "</a>")
		} else {
			b.WriteString(esc(f.value))
		}
		b.WriteString("\n  </dd>\n")
	}
	b.WriteString("</dl>\n</div>\n</div>\n")
	footB(&b)
	return []byte(b.String())
}

// pathPageB renders a model's kehittämisen polku page in variant b.
func pathPageB(s *Source) []byte {
	var b strings.Builder
	title := collapse(s.Title)
	headB(&b, "Kehittämisen polku: "+title, CanonicalURL(s.Slug)+"/kehittamisen-polku")
	b.WriteString(`<div id="content" class="kehittamisen-polku">
<h1 class="otsikko">
  ` + esc(title) + `
</h1>
`)
	tabsB(&b, s.Slug)
	if sectionsB(&b, s, model.PagePath) == 0 {
		b.WriteString("<div class=\"huom\">Kehittämisen polkua ei ole kuvattu.</div>\n")
	}
	b.WriteString("</div>\n")
	footB(&b)
	return []byte(b.String())
}
