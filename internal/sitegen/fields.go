package sitegen

import (
	"hash/fnv"
	"html"
	"strings"
)

// Field keys of the Perustiedot block, in page order.
const (
	fName     = "name"
	fSummary  = "summary"
	fPlace    = "place"
	fRegion   = "region"
	fFunder   = "funder"
	fProject  = "project"
	fAuthor   = "author"
	fCreated  = "created"
	fModified = "modified"
	fStage    = "stage"
)

// labelsA are the labels as Innokylä prints them (variant a).
var labelsA = map[string]string{
	fName:     "Toimintamallin nimi",
	fSummary:  "Toimintamallin lyhyt kuvaus",
	fPlace:    "Toteutuspaikka",
	fRegion:   "Paikkakunta, maakunta tai hyvinvointialue",
	fFunder:   "Toimintamallin rahoittaja",
	fProject:  "Kokonaisuus",
	fAuthor:   "Toimintamallin omistaja",
	fCreated:  "Luotu",
	fModified: "Viimeksi muokattu",
	fStage:    "Kehittämisen vaihe",
}

// labelsB spell the same labels with other case and spacing (variant b).
var labelsB = map[string]string{
	fName:     "TOIMINTAMALLIN NIMI",
	fSummary:  "Toimintamallin lyhyt  kuvaus",
	fPlace:    "TOTEUTUSPAIKKA",
	fRegion:   "Paikkakunta,  maakunta tai hyvinvointialue",
	fFunder:   "Toimintamallin Rahoittaja",
	fProject:  "KOKONAISUUS",
	fAuthor:   "Toimintamallin omistaja",
	fCreated:  "luotu",
	fModified: "Viimeksi muokattu",
	fStage:    "Kehittämisen vaihe",
}

// field is one published label/value pair; href is set for the project link.
type field struct {
	key, value, href string
}

// fields lists the Perustiedot pairs of s that have a value, in page
// order. Values are published as written (including "Täydentyy"), with
// whitespace collapsed. The stage is not included: pages place it apart.
func (s *Source) fields() []field {
	var out []field
	add := func(key, v, href string) {
		if v = collapse(v); v != "" {
			out = append(out, field{key, v, href})
		}
	}
	add(fName, s.Title, "")
	add(fSummary, s.Summary, "")
	add(fPlace, s.Place, "")
	add(fRegion, s.RegionRaw, "")
	add(fFunder, s.Funder, "")
	if s.project != nil {
		add(fProject, s.project.Title, ProjectPath(s.project.Slug))
	}
	add(fAuthor, s.Author, "")
	add(fCreated, s.Created, "")
	add(fModified, s.Modified, "")
	return out
}

// esc escapes text for HTML element content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// nbspLabel escapes a label and, for some pages and labels (chosen by a
// hash of the slug, so deterministically), writes its first space as
// &nbsp; the way a CMS editor sometimes leaves it.
func nbspLabel(slug, key, label string) string {
	h := fnv.New32a()
	h.Write([]byte(slug))
	h.Write([]byte(key))
	e := esc(label)
	if h.Sum32()%3 == 0 {
		return strings.Replace(e, " ", "&nbsp;", 1)
	}
	return e
}

// svgIcon is an inline icon whose <title>/<desc> text ("icon/launch Created
// with Sketch.") ends up in the page text, as on Innokylä.
func svgIcon(name string) string {
	return `<svg width="24" height="24" viewBox="0 0 24 24" version="1.1" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">` +
		`<title>icon/` + name + `</title><desc>Created with Sketch.</desc>` +
		`<g stroke="none" stroke-width="1" fill="none" fill-rule="evenodd"><path d="M6 9l6 6 6-6" stroke="currentColor"></path></g></svg>`
}

// writeBlocks renders section text. Variant a: <p>, <ul>, <table> with a
// header row; variant b: <div> paragraphs, <ol>, <table> of td cells.
func writeBlocks(b *strings.Builder, text, variant string) {
	if isPlaceholder(text) {
		if variant == "b" {
			b.WriteString("<div>" + Placeholder + "</div>\n")
		} else {
			b.WriteString("<p>" + Placeholder + "</p>\n")
		}
		return
	}
	for _, blk := range parseBlocks(text) {
		switch blk.kind {
		case blockPara:
			if variant == "b" {
				b.WriteString("<div>\n  " + esc(blk.lines[0]) + "\n</div>\n")
			} else {
				b.WriteString("<p>" + esc(blk.lines[0]) + "</p>\n")
			}
		case blockList:
			tag := "ul"
			if variant == "b" {
				tag = "ol"
			}
			b.WriteString("<" + tag + ">\n")
			for _, l := range blk.lines {
				b.WriteString("<li>" + esc(l) + "</li>\n")
			}
			b.WriteString("</" + tag + ">\n")
		case blockTable:
			writeTable(b, blk.cells, variant)
		}
	}
}

func writeTable(b *strings.Builder, rows [][]string, variant string) {
	if variant == "b" {
		b.WriteString(`<table class="taulukko" border="1"><tbody>` + "\n")
		for _, r := range rows {
			b.WriteString("<tr>")
			for _, c := range r {
				b.WriteString("<td> " + esc(c) + " </td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody></table>\n")
		return
	}
	b.WriteString(`<table class="table">` + "\n")
	for i, r := range rows {
		cell := "td"
		switch i {
		case 0:
			b.WriteString("<thead>")
			cell = "th"
		case 1:
			b.WriteString("<tbody>\n")
		}
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString("<" + cell + ">" + esc(c) + "</" + cell + ">")
		}
		b.WriteString("</tr>")
		if i == 0 {
			b.WriteString("</thead>")
		}
		b.WriteString("\n")
	}
	if len(rows) > 1 {
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>\n")
}
