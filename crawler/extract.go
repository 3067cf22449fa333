package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Fields of the Perustiedot block.
const (
	fieldTitle    = "title"
	fieldSummary  = "summary"
	fieldPlace    = "place"
	fieldRegion   = "region"
	fieldFunder   = "funder"
	fieldProject  = "project"
	fieldAuthor   = "author"
	fieldCreated  = "created"
	fieldModified = "modified"
	fieldStage    = "stage"
	fieldIgnored  = "-" // a label whose value the record does not keep
)

// labels maps a folded label (see foldLabel) to its field.
var labels = map[string]string{
	"toimintamallin nimi":                       fieldTitle,
	"toimintamallin lyhyt kuvaus":               fieldSummary,
	"lyhyt kuvaus":                              fieldSummary,
	"toteutuspaikka":                            fieldPlace,
	"paikkakunta, maakunta tai hyvinvointialue": fieldRegion,
	"paikkakunta, maakunta tai alue":            fieldRegion,
	"paikkakunta tai maakunta":                  fieldRegion,
	"toimintamallin rahoittaja":                 fieldFunder,
	"rahoittaja":                                fieldFunder,
	"rahoittajat":                               fieldFunder,
	"kokonaisuus":                               fieldProject,
	"kehittämiskokonaisuus":                     fieldProject,
	"toimintamallin omistaja":                   fieldAuthor,
	"toimintamallin tekijä":                     fieldAuthor,
	"toimintamallin kehittäjä":                  fieldAuthor,
	"toimintamallin tekijät":                    fieldAuthor,
	"tekijä":                                    fieldAuthor,
	"tekijät":                                   fieldAuthor,
	"omistaja":                                  fieldAuthor,
	"luotu":                                     fieldCreated,
	"julkaistu":                                 fieldCreated,
	"viimeksi muokattu":                         fieldModified,
	"muokattu":                                  fieldModified,
	"kehittämisen vaihe":                        fieldStage,
	"kansikuva":                                 fieldIgnored,
	"asiasanat":                                 fieldIgnored,
	"avainsanat":                                fieldIgnored,
	"liitteet":                                  fieldIgnored,
	"yhteyshenkilö":                             fieldIgnored,
}

// knownHeadings are section headings Innokylä uses; text equal to one of
// them starts a section whatever element holds it. Any h2-h6 does too.
var knownHeadings = map[string]bool{
	"ratkaisun perusidea": true, "toimintaympäristö": true,
	"kohderyhmä ja asiakasymmärrys": true, "toimivuuden ja käyttöönoton ehdot": true,
	"arvioinnin tulokset tiivistettynä": true, "kehittämistyön vaiheet": true,
	"resurssit": true, "vaikutukset": true, "juurrutus": true,
	"oivalla ja ymmärrä": true, "kehittäjäjoukon kokoaminen ja yhteiskehittäminen": true,
	"kuvittele ja kokeile": true, "arviointi": true, "levitä ja juurruta": true,
}

// attachmentHeadings head lists of files or links, which are not text:
// such a heading ends a section and starts none.
var attachmentHeadings = map[string]bool{
	"liite": true, "liitteet": true, "liitetiedostot": true, "tiedostot": true,
	"linkit": true, "liitteet ja linkit": true, "linkit ja liitteet": true,
}

// basicInfo is the heading of the Perustiedot block; its content is read
// as fields, not as a section.
const basicInfo = "perustiedot"

// placeholder is Innokylä's "to be completed" value.
const placeholder = "Täydentyy"

var (
	iconText = regexp.MustCompile(`icon/[\w-]+(\s+Created with Sketch\.?)?|Created with Sketch\.?`)
	fiDate   = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b`)
	isoDate  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// Extract reads one practice model from its main page and, when not nil,
// its kehittämisen polku page. The charset comes from a BOM or <meta>;
// pages without either are read as UTF-8 when valid. The record's url is
// the page's <link rel="canonical"> when present, else pageURL; its id is
// the last path segment of that url. Region and Regions are normalised
// from region_raw and place.
func Extract(mainHTML, pathHTML []byte, pageURL string) (*model.Model, error) {
	mainDoc, err := parseHTML(mainHTML, "")
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	var pathDoc *goquery.Document
	if pathHTML != nil {
		if pathDoc, err = parseHTML(pathHTML, ""); err != nil {
			return nil, fmt.Errorf("extract %s: kehittämisen polku: %w", pageURL, err)
		}
	}
	m, err := extractDocs(mainDoc, pathDoc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	return m, nil
}

// parseHTML decodes body to UTF-8 by contentType, BOM or <meta> and parses it.
func parseHTML(body []byte, contentType string) (*goquery.Document, error) {
	if declaresUTF8(contentType) && utf8.Valid(body) {
		// The decoder would pass every byte through unchanged.
		root, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		return goquery.NewDocumentFromNode(root), nil
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("charset: %w", err)
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	return goquery.NewDocumentFromNode(root), nil
}

// declaresUTF8 reports whether a Content-Type names the UTF-8 charset.
func declaresUTF8(contentType string) bool {
	_, params, ok := strings.Cut(strings.ToLower(contentType), "charset=")
	if !ok {
		return false
	}
	cs, _, _ := strings.Cut(strings.Trim(params, `" `), ";")
	cs = strings.Trim(cs, `" `)
	return cs == "utf-8" || cs == "utf8"
}

func extractDocs(mainDoc, pathDoc *goquery.Document, pageURL string) (*model.Model, error) {
	m, err := extractMain(mainDoc, pageURL)
	if err != nil {
		return nil, err
	}
	if pathDoc != nil {
		addPath(m, pathDoc)
	}
	return m, nil
}

// extractMain reads the fields and sections of a model's main page and
// normalises its region.
func extractMain(mainDoc *goquery.Document, pageURL string) (*model.Model, error) {
	m := &model.Model{URL: canonicalURL(mainDoc, pageURL), Sections: []model.Section{}}
	m.ID = modelID(m.URL)
	if m.ID == "" {
		return nil, fmt.Errorf("no model id in url %q", m.URL)
	}
	fields, nodes := findFields(mainDoc)
	m.Title = fields[fieldTitle]
	if m.Title == "" {
		m.Title = pageTitle(mainDoc)
	}
	m.Summary = fields[fieldSummary]
	m.Place = fields[fieldPlace]
	m.RegionRaw = fields[fieldRegion]
	m.Funder = fields[fieldFunder]
	m.Project = fields[fieldProject]
	m.Author = fields[fieldAuthor]
	m.Created = parseDate(fields[fieldCreated])
	m.Modified = parseDate(fields[fieldModified])
	m.Stage = fields[fieldStage]
	m.Sections = append(m.Sections, sections(mainDoc, nodes, model.PageMain)...)
	if m.Title == "" || !hasBasicInfo(mainDoc, fields) {
		return nil, fmt.Errorf("%w: %s", ErrNotModel, notModelReason(m.Title))
	}
	m.Region, m.Regions = region.Normalize(m.RegionRaw, m.Place)
	return m, nil
}

// ErrNotModel is the error of a page that is not a practice model page: a
// maintenance page, a "not found" or login page served with 200, a
// directory listing. A crawl stores nothing from it.
var ErrNotModel = errors.New("not a model page")

// hasBasicInfo reports whether a page has the Perustiedot block: its
// heading, or a Perustiedot field besides the name.
func hasBasicInfo(doc *goquery.Document, fields map[string]string) bool {
	for f := range fields {
		if f != fieldTitle {
			return true
		}
	}
	found := false
	doc.Find("h1, h2, h3, h4, h5, h6, summary, button, dt, th, strong, b, div, span, p").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if t, short := shortText(s.Get(0), 40); short && foldLabel(t) == basicInfo {
			found = true
		}
		return !found
	})
	return found
}

// notModelReason says what a page that is not a model page lacks.
func notModelReason(title string) string {
	if title == "" {
		return "no title and no Perustiedot"
	}
	return fmt.Sprintf("no Perustiedot under the title %q", title)
}

// addPath appends the sections of the kehittämisen polku page.
func addPath(m *model.Model, pathDoc *goquery.Document) {
	_, nodes := findFields(pathDoc)
	m.Sections = append(m.Sections, sections(pathDoc, nodes, model.PagePath)...)
}

// canonicalURL is the page's canonical link resolved against pageURL, else
// pageURL without a trailing index.html.
func canonicalURL(doc *goquery.Document, pageURL string) string {
	base, _ := url.Parse(pageURL)
	var out string
	doc.Find("link[rel]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		rel, _ := s.Attr("rel")
		href, ok := s.Attr("href")
		for _, r := range strings.Fields(strings.ToLower(rel)) {
			if r == "canonical" && ok && strings.TrimSpace(href) != "" {
				out = strings.TrimSpace(href)
				return false
			}
		}
		return true
	})
	if out == "" {
		out = strings.TrimSuffix(pageURL, "index.html")
	}
	if base != nil {
		if u, err := base.Parse(out); err == nil {
			out = u.String()
		}
	}
	return out
}

// modelID is the last path segment of u.
func modelID(u string) string {
	p := u
	if pu, err := url.Parse(u); err == nil {
		p = pu.Path
	}
	p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), "/index.html")
	id := path.Base(strings.TrimSuffix(p, "/"))
	if id == "." || id == "/" {
		return ""
	}
	return id
}

// dropIcons removes icon text ("icon/launch Created with Sketch.").
func dropIcons(s string) string {
	if !strings.Contains(s, "icon/") && !strings.Contains(s, "Sketch") {
		return s
	}
	return iconText.ReplaceAllString(s, " ")
}

// value is the canonical form of a one-line field: icon text dropped,
// whitespace collapsed, "Täydentyy" read as "".
func value(s string) string {
	v := strings.Join(strings.Fields(dropIcons(s)), " ")
	if strings.EqualFold(v, placeholder) {
		return ""
	}
	return v
}

// foldLabel folds a label or heading for matching: icon text dropped,
// whitespace collapsed, lower case, trailing "*" and ":" dropped. Only a
// known label, known heading or the Perustiedot heading is returned; any
// other text folds to "", which matches none of them. Text is folded in a
// buffer on the stack, so the paragraphs and cells of a page, nearly none
// of them labels, cost no allocation.
func foldLabel(s string) string {
	if !mayBeLabel(s) {
		return ""
	}
	s = dropIcons(s)
	var buf [8 * maxLabelRunes]byte
	n := 0
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = n > 0
			continue
		}
		if n+1+utf8.UTFMax > len(buf) {
			return knownFold([]byte(slowFold(s)))
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
	}
	return knownFold(bytes.TrimRight(buf[:n], "*: "))
}

// knownFold is b as a string when it is a known label or heading, else "".
func knownFold(b []byte) string {
	if _, ok := labels[string(b)]; ok || knownHeadings[string(b)] || attachmentHeadings[string(b)] || string(b) == basicInfo {
		return string(b)
	}
	return ""
}

// slowFold is foldLabel for any text, without the buffer.
func slowFold(s string) string {
	v := strings.Join(strings.Fields(s), " ")
	v = strings.TrimRight(v, "*: ")
	return strings.ToLower(v)
}

// maxLabelRunes bounds the letters of every label and known heading.
const maxLabelRunes = 64

// mayBeLabel reports whether s could fold to a label or known heading: a
// text with more than maxLabelRunes letters (besides spaces and the "*"
// and ":" foldLabel trims) cannot, unless icon text makes it longer. It
// spares folding every paragraph of a page.
func mayBeLabel(s string) bool {
	if strings.Contains(s, "icon/") || strings.Contains(s, "Sketch") {
		return true
	}
	n := 0
	for _, r := range s {
		if r == '*' || r == ':' || unicode.IsSpace(r) {
			continue
		}
		if n++; n > maxLabelRunes {
			return false
		}
	}
	return true
}

// heading is a section heading as shown: whitespace collapsed, required
// markers and a trailing colon dropped.
func heading(s string) string {
	v := strings.Join(strings.Fields(dropIcons(s)), " ")
	return strings.TrimSpace(strings.TrimRight(v, "*: "))
}

// parseDate turns dd.mm.yyyy (or an ISO date) into YYYY-MM-DD, else "".
func parseDate(s string) string {
	if m := fiDate.FindStringSubmatch(s); m != nil {
		return m[3] + "-" + pad(m[2]) + "-" + pad(m[1])
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return m[0]
	}
	return ""
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// pageTitle is the text of the first <h1> outside the page chrome (a site
// logo in a header is one too), with <br> and blocks as spaces.
func pageTitle(doc *goquery.Document) string {
	var out string
	doc.Find("h1").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		for p := n.Parent; p != nil; p = p.Parent {
			if skipped(p) {
				return true
			}
		}
		out = value(nodeText(n))
		return out == ""
	})
	return out
}
