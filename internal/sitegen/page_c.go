package sitegen

import (
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// Variant c renders the same content with the markup of a Drupal theme:
// field__label/field__item pairs (several items in a field__items
// wrapper), Perustiedot in a <details> accordion, dates in <time> with the
// month written out, the author under the label "Tekijä", the title only
// in an <h1> after a site-name <h1> in the header, sections as paragraph
// entities, and a file field of attachments that is not a section.

// labelsC are the labels of variant c where they differ from variant a.
var labelsC = map[string]string{fAuthor: "Tekijä", fFunder: "Rahoittaja"}

// monthsFI are the Finnish month names as dates write them ("12. toukokuuta 2020").
var monthsFI = [...]string{"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
	"heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"}

// longDateFI writes an ISO date with the month in words.
func longDateFI(iso string) string {
	m, _ := strconv.Atoi(iso[5:7])
	d, _ := strconv.Atoi(iso[8:10])
	return strconv.Itoa(d) + ". " + monthsFI[m-1] + " " + iso[:4]
}

func headC(b *strings.Builder, title, canonical string) {
	b.WriteString(`<!DOCTYPE html>
<html lang="fi" dir="ltr">
<head>
<meta charset="utf-8">
<title>` + esc(title) + ` | Innokylä</title>
<link rel="canonical" href="` + esc(canonical) + `">
</head>
<body class="path-node page-node-type-toimintamalli">
<div class="dialog-off-canvas-main-canvas">
<header role="banner"><div class="region region-header"><h1 class="site-branding__name"><a href="/" rel="home">Innokylä</a></h1></div></header>
<div class="region region-breadcrumb"><ol class="breadcrumb"><li><a href="/">Etusivu</a></li><li><a href="/fi/toimintamallit/">Toimintamallit</a></li></ol></div>
<main role="main"><div class="region region-content">
`)
}

func footC(b *strings.Builder) {
	b.WriteString(`</div></main>
<footer role="contentinfo"><a href="https://thl.fi/">THL</a> <a href="/fi/saavutettavuus/">Saavutettavuusseloste</a></footer>
</div>
</body>
</html>
`)
}

// fieldC writes one Drupal field with its label and items.
func fieldC(b *strings.Builder, s *Source, f field) {
	label := labelsA[f.key]
	if l, ok := labelsC[f.key]; ok {
		label = l
	}
	b.WriteString(`<div class="field field--name-field-` + f.key + ` field--label-inline clearfix">
  <div class="field__label">` + nbspLabel(s.Slug, f.key, label) + `</div>
`)
	item := esc(f.value)
	switch {
	case f.href != "":
		item = `<a href="` + f.href + `" hreflang="fi">` + esc(f.value) + `</a>`
	case f.key == fSummary:
		item = "<p>" + esc(f.value) + "</p>"
	case (f.key == fCreated || f.key == fModified) && isoDate(f.value) != "":
		iso := isoDate(f.value)
		item = `<time datetime="` + iso + `T09:00:00Z" class="datetime">` + longDateFI(iso) + `</time>`
	}
	if f.key == fRegion {
		b.WriteString(`  <div class="field__items">
    <div class="field__item">` + item + `</div>
  </div>
</div>
`)
		return
	}
	b.WriteString(`  <div class="field__item">` + item + "</div>\n</div>\n")
}

// sectionsC writes one page's sections as Drupal paragraph entities.
func sectionsC(b *strings.Builder, s *Source, page string) int {
	n := 0
	for _, sec := range s.Sections {
		if sec.Page != page {
			continue
		}
		if n == 0 {
			b.WriteString(`<div class="field field--name-field-osiot field--label-hidden field__items">` + "\n")
		}
		n++
		b.WriteString(`<div class="field__item"><div class="paragraph paragraph--type--tekstiosio">
  <div class="field field--name-field-otsikko field--label-hidden field__item"><h2>` + esc(collapse(sec.Heading)) + `</h2></div>
  <div class="clearfix text-formatted field field--name-field-teksti field--label-hidden field__item">
`)
		writeBlocks(b, sec.Text, "a")
		b.WriteString("  </div>\n</div></div>\n")
	}
	if n > 0 {
		b.WriteString("</div>\n")
	}
	return n
}

// mainPageC renders a model's main page in the Drupal field markup.
func mainPageC(s *Source) []byte {
	var b strings.Builder
	title := collapse(s.Title)
	headC(&b, title, CanonicalURL(s.Slug))
	b.WriteString(`<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">` + esc(title) + `</span></h1>
<nav class="tabs"><ul class="tabs primary"><li class="is-active"><a href="` + ModelPath(s.Slug) + `">Toimintamalli</a></li><li><a href="` + PathPagePath(s.Slug) + `">Kehittämisen polku</a></li></ul></nav>
<article role="article" class="node node--type-toimintamalli node--view-mode-full"><div class="node__content">
<details class="perustiedot js-form-wrapper form-wrapper" open="open">
<summary role="button" aria-expanded="true">Perustiedot</summary>
<div class="details-wrapper">
`)
	fields := s.fields()
	if v := collapse(s.Stage); v != "" {
		fields = append(fields, field{key: fStage, value: v})
	}
	for _, f := range fields {
		if f.key != fName { // the title is the page's <h1>
			fieldC(&b, s, f)
		}
	}
	b.WriteString("</div>\n</details>\n")
	sectionsC(&b, s, model.PageMain)
	b.WriteString(`<div class="field field--name-field-liitteet field--type-file field--label-above">
  <h2 class="field__label">Liitteet</h2>
  <div class="field__items">
    <div class="field__item"><span class="file file--mime-application-pdf"><a href="/sites/default/files/` + s.Slug + `.pdf" type="application/pdf">` + s.Slug + `.pdf</a></span> <span>(120 kt)</span></div>
  </div>
</div>
</div></article>
`)
	footC(&b)
	return []byte(b.String())
}

// pathPageC renders a model's kehittämisen polku page in variant c.
func pathPageC(s *Source) []byte {
	var b strings.Builder
	title := collapse(s.Title)
	headC(&b, title+": Kehittämisen polku", CanonicalURL(s.Slug)+"/kehittamisen-polku")
	b.WriteString(`<h1 class="page-title">` + esc(title) + `</h1>
<nav class="tabs"><ul class="tabs primary"><li><a href="` + ModelPath(s.Slug) + `">Toimintamalli</a></li><li class="is-active"><a href="` + PathPagePath(s.Slug) + `">Kehittämisen polku</a></li></ul></nav>
<article role="article" class="node node--type-toimintamalli node--view-mode-kehittamisen-polku"><div class="node__content">
`)
	if sectionsC(&b, s, model.PagePath) == 0 {
		b.WriteString(`<p class="empty">Kehittämisen polkua ei ole vielä kuvattu.</p>` + "\n")
	}
	b.WriteString("</div></article>\n")
	footC(&b)
	return []byte(b.String())
}
