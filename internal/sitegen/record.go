package sitegen

import (
	"strings"
	"unicode"

	"github.com/innokyla/innokyla/model"
)

// SiteURL is the origin of canonical URLs in the mirror.
const SiteURL = "https://innokyla.example"

// Placeholder is Innokylä's "to be completed" value; it reads back as "".
const Placeholder = "Täydentyy"

// ModelPath is the root-relative directory of a model's main page.
func ModelPath(slug string) string { return "/fi/toimintamalli/" + slug + "/" }

// PathPagePath is the root-relative directory of a model's kehittämisen polku page.
func PathPagePath(slug string) string { return ModelPath(slug) + "kehittamisen-polku/" }

// ProjectPath is the root-relative directory of a project page.
func ProjectPath(slug string) string { return "/fi/kokonaisuus/" + slug + "/" }

// CanonicalURL is the canonical URL of a model page, the record's url.
func CanonicalURL(slug string) string { return SiteURL + "/fi/toimintamalli/" + slug }

// Record returns the record a crawler must produce from the model's pages,
// without region normalisation (Region, Regions), FetchedAt, hash, version
// or coding. Project is the linked project's title.
func (s *Source) Record() *model.Model {
	m := &model.Model{
		ID:        s.Slug,
		URL:       CanonicalURL(s.Slug),
		Title:     Value(s.Title),
		Summary:   Value(s.Summary),
		Place:     Value(s.Place),
		RegionRaw: Value(s.RegionRaw),
		Funder:    Value(s.Funder),
		Author:    Value(s.Author),
		Created:   isoDate(s.Created),
		Modified:  isoDate(s.Modified),
		Stage:     Value(s.Stage),
		Sections:  []model.Section{},
	}
	if s.project != nil {
		m.Project = Value(s.project.Title)
	}
	for _, page := range []string{model.PageMain, model.PagePath} {
		for _, sec := range s.Sections {
			if sec.Page == page {
				m.Sections = append(m.Sections, model.Section{Page: page, Heading: Value(sec.Heading), Text: CanonicalText(sec.Text)})
			}
		}
	}
	return m
}

// Value is the canonical form of a one-line field: whitespace collapsed,
// and "Täydentyy" read as "".
func Value(s string) string {
	v := strings.Join(strings.Fields(s), " ")
	if v == Placeholder {
		return ""
	}
	return v
}

// Block kinds of section text.
const (
	blockPara = iota
	blockList
	blockTable
)

// block is one paragraph, list or table of section text. A paragraph has
// one line; a list one line per item; a table one row of cells per line.
type block struct {
	kind  int
	lines []string
	cells [][]string
}

// parseBlocks splits source text into blocks: blank lines separate blocks,
// lines starting "- " are list items, lines starting "| " table rows, and
// other consecutive lines form one paragraph.
func parseBlocks(text string) []block {
	var out []block
	var cur *block
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := strings.TrimSpace(raw)
		kind := blockPara
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "- "):
			kind = blockList
			line = collapse(line[2:])
		case strings.HasPrefix(line, "| ") || line == "|":
			kind = blockTable
		default:
			line = collapse(line)
		}
		if cur != nil && cur.kind != kind {
			flush()
		}
		if cur == nil {
			cur = &block{kind: kind}
		}
		switch kind {
		case blockPara:
			if len(cur.lines) == 0 {
				cur.lines = []string{line}
			} else {
				cur.lines[0] += " " + line
			}
		case blockList:
			cur.lines = append(cur.lines, line)
		case blockTable:
			cells := tableCells(line)
			cur.cells = append(cur.cells, cells)
			cur.lines = append(cur.lines, "| "+strings.Join(cells, " | ")+" |")
		}
	}
	flush()
	return out
}

func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	parts := strings.Split(line, " | ")
	cells := make([]string, len(parts))
	for i, p := range parts {
		cells[i] = collapse(p)
	}
	return cells
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	prevSpace := true // so that a leading space needs work
	for _, r := range s {
		isSpace := r == ' '
		if !isSpace && (r < 0x80 && r <= ' ' || r >= 0x80 && unicode.IsSpace(r)) {
			return strings.Join(strings.Fields(s), " ")
		}
		if isSpace && prevSpace {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = isSpace
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// isPlaceholder reports whether the whole text is "Täydentyy".
func isPlaceholder(text string) bool {
	t := strings.TrimSpace(text)
	return t == Placeholder || len(t) < 2*len(Placeholder) && collapse(t) == Placeholder
}

// CanonicalText is the text a crawler must give back for a section:
// paragraphs, list items ("- item") and table rows ("| a | b |") each on a
// line, blocks separated by a blank line; a text that is only "Täydentyy"
// gives "".
func CanonicalText(text string) string {
	if isPlaceholder(text) {
		return ""
	}
	blocks := parseBlocks(text)
	parts := make([]string, 0, len(blocks))
	for _, b := range blocks {
		if b.kind == blockList {
			items := make([]string, len(b.lines))
			for i, l := range b.lines {
				items[i] = "- " + l
			}
			parts = append(parts, strings.Join(items, "\n"))
			continue
		}
		parts = append(parts, strings.Join(b.lines, "\n"))
	}
	return strings.Join(parts, "\n\n")
}
