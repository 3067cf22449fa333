package sitegen

import (
	"strings"

	"github.com/innokyla/innokyla/model"
)

// headA opens a page in the variant-a (Innokylä-like) chrome.
func headA(b *strings.Builder, title, canonical, bodyClass string) {
	b.WriteString(`<!DOCTYPE html>
<html lang="fi" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>` + esc(title) + ` | Innokylä</title>
`)
	if canonical != "" {
		b.WriteString(`<link rel="canonical" href="` + esc(canonical) + `">` + "\n")
	}
	b.WriteString(`<link rel="stylesheet" media="all" href="/themes/innokyla/css/style.css">
</head>
<body class="` + bodyClass + `">
<a href="#main-content" class="visually-hidden focusable skip-link">Siirry pääsisältöön</a>
<header class="site-header" role="banner">
<a href="/" class="site-logo" rel="home" title="Etusivu">Innokylä</a>
<nav class="main-menu" aria-label="Päävalikko">
<ul class="menu">
<li class="menu-item"><a href="/fi/toimintamallit/">Toimintamallit</a></li>
<li class="menu-item"><a href="/fi/haku/">Haku</a></li>
<li class="menu-item"><a href="javascript:void(0)" class="menu-toggle" aria-expanded="false">Valikko</a></li>
</ul>
</nav>
</header>
<main id="main-content" role="main">
`)
}

// footA closes a variant-a page with a footer of off-site links a crawler
// must not follow.
func footA(b *strings.Builder) {
	b.WriteString(`</main>
<footer class="site-footer" role="contentinfo">
<div class="footer__about">Innokylä on avoin kehittämisympäristö. Tämä sivusto on opetuskäyttöön tehty jäljitelmä.</div>
<ul class="footer__links">
<li><a href="https://thl.fi/" target="_blank" rel="noopener">Terveyden ja hyvinvoinnin laitos</a></li>
<li><a href="https://www.facebook.com/innokyla.example" target="_blank" rel="noopener">Facebook</a></li>
<li><a href="mailto:innokyla@innokyla.example">innokyla@innokyla.example</a></li>
<li><a href="javascript:void(0)" class="cookie-settings">Evästeasetukset</a></li>
</ul>
</footer>
</body>
</html>
`)
}

// tabsA is the model page tab bar; active is model.PageMain or model.PagePath.
func tabsA(b *strings.Builder, slug, active string) {
	item := func(href, label string, on bool) {
		if on {
			b.WriteString(`<li class="tabs__tab is-active"><a href="` + href + `" aria-current="page">` + label + `</a></li>`)
		} else {
			b.WriteString(`<li class="tabs__tab"><a href="` + href + `">` + label + `</a></li>`)
		}
	}
	b.WriteString(`<nav class="tabs" aria-label="Toimintamallin välilehdet"><ul class="tabs__list">`)
	item(ModelPath(slug), "Toimintamalli", active == model.PageMain)
	item(PathPagePath(slug), "Kehittämisen polku", active == model.PagePath)
	b.WriteString("</ul></nav>\n")
}

// mainPageA renders a model's main page in the Innokylä-like markup.
func mainPageA(s *Source) []byte {
	var b strings.Builder
	headA(&b, collapse(s.Title), CanonicalURL(s.Slug), "path-node page-node-type-toimintamalli")
	b.WriteString(`<article class="node node--type-toimintamalli node--view-mode-full">
<div class="node__header">
<h1 class="page-title"><span class="field field--name-title">` + esc(collapse(s.Title)) + `</span></h1>
`)
	if v := collapse(s.Summary); v != "" {
		b.WriteString(`<div class="node__lead"><p>` + esc(v) + "</p></div>\n")
	}
	tabsA(&b, s.Slug, model.PageMain)
	b.WriteString(`</div>
<section class="accordion basic-info">
<h2 class="accordion__title"><button type="button" class="accordion__button" aria-expanded="true">` + svgIcon("chevron-down") + ` Perustiedot</button></h2>
<div class="accordion__content">
`)
	for _, f := range s.fields() {
		b.WriteString(`<div class="field field--name-field-` + f.key + ` field--label-above"><div class="field__label">` +
			nbspLabel(s.Slug, f.key, labelsA[f.key]) + `</div><div class="field__item">`)
		switch {
		case f.href != "":
			b.WriteString(`<a href="` + f.href + `" hreflang="fi">` + esc(f.value) + `</a>`)
		case f.key == fSummary:
			b.WriteString("<p>" + esc(f.value) + "</p>")
		case (f.key == fCreated || f.key == fModified) && isoDate(f.value) != "":
			b.WriteString(`<time datetime="` + isoDate(f.value) + `">` + esc(f.value) + `</time>`)
		default:
			b.WriteString(esc(f.value))
		}
		b.WriteString("</div></div>\n")
	}
	b.WriteString("</div>\n</section>\n")
	sectionsA(&b, s, model.PageMain, "field field--name-field-sections", "paragraph paragraph--type-text-section")
	if v := collapse(s.Stage); v != "" {
		b.WriteString(`<div class="field field--name-field-stage"><div class="field__label">` + nbspLabel(s.Slug, fStage, labelsA[fStage]) +
			`</div><div class="field__item stage">` + svgIcon("launch") + " " + esc(v) + "</div></div>\n")
	}
	b.WriteString("</article>\n")
	footA(&b)
	return []byte(b.String())
}

// sectionsA renders the sections of one page as h2 + div.text, the heading
// followed by Innokylä's " **" required-field marker.
func sectionsA(b *strings.Builder, s *Source, page, wrapClass, itemClass string) int {
	n := 0
	for _, sec := range s.Sections {
		if sec.Page != page {
			continue
		}
		if n == 0 {
			b.WriteString(`<div class="` + wrapClass + `">` + "\n")
		}
		n++
		b.WriteString(`<div class="` + itemClass + `">
<h2 class="paragraph__title">` + esc(collapse(sec.Heading)) + ` <span class="form-required" title="Pakollinen tieto">**</span></h2>
<div class="text">
`)
		writeBlocks(b, sec.Text, "a")
		b.WriteString("</div>\n</div>\n")
	}
	if n > 0 {
		b.WriteString("</div>\n")
	}
	return n
}

// pathPageA renders a model's kehittämisen polku page.
func pathPageA(s *Source) []byte {
	var b strings.Builder
	title := collapse(s.Title)
	headA(&b, title+": Kehittämisen polku", CanonicalURL(s.Slug)+"/kehittamisen-polku", "path-node page-node-type-toimintamalli path-kehittamisen-polku")
	b.WriteString(`<article class="node node--type-toimintamalli node--view-mode-development-path">
<div class="node__header">
<h1 class="page-title"><span class="field field--name-title">` + esc(title) + `</span></h1>
`)
	tabsA(&b, s.Slug, model.PagePath)
	b.WriteString("</div>\n")
	if sectionsA(&b, s, model.PagePath, "development-path", "development-path__step") == 0 {
		b.WriteString(`<p class="development-path__empty">Kehittämisen polkua ei ole vielä kuvattu.</p>` + "\n")
	}
	b.WriteString("</article>\n")
	footA(&b)
	return []byte(b.String())
}
