package crawler

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/innokyla/innokyla/model"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sectionWalker reads the headed sections of one page in document order.
// A section runs from its heading to the next heading, label or the
// Perustiedot heading. Paragraphs become one line each, list items
// "- item" lines, table rows "| a | b |" lines; blocks are separated by a
// blank line. Text before the first heading (title, lead, tabs) and
// navigation (blocks made only of two or more links) is left out, and so
// are lists of attachments or links: a section under an attachment
// heading, or under an unknown heading with nothing but links.
type sectionWalker struct {
	page   string
	level  int // heading level of the known section headings; 0: none seen
	nodes  pageNodes
	out    []model.Section
	cur    *model.Section
	blocks []string

	inLinks int  // depth of link-only blocks being read
	prose   bool // the current section has a block that is not only links

	inline strings.Builder
}

// lineBreak stands for <br> in collected text until paragraph() splits on it.
const lineBreak = '\u2028'

func sections(doc *goquery.Document, nodes pageNodes, page string) []model.Section {
	w := &sectionWalker{page: page, nodes: nodes, level: sectionLevel(doc)}
	for _, n := range doc.Nodes {
		w.walk(n)
	}
	w.flush()
	w.end()
	return w.out
}

func (w *sectionWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.inline.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	switch {
	case skipped(n):
		return
	case w.nodes.value[n]:
		w.flush()
		return
	case w.nodes.label[n]:
		w.flush()
		w.end()
		return
	case !isBlock(n):
		if n.DataAtom == atom.Br {
			w.inline.WriteRune(lineBreak)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	}
	w.flush()
	switch n.DataAtom {
	case atom.H1:
		// The title. An unclosed <h1> holds the rest of the page, so
		// its children are still read.
		w.end()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		w.flush()
		return
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		t := nodeText(n)
		if w.level > 0 && headingLevel(n) > w.level && !knownHeadings[foldLabel(t)] {
			// A subheading inside a section's text: a line of its own.
			if p := paragraph(t); p != "" {
				w.add(strings.TrimSpace(strings.TrimRight(p, "*")))
			}
			return
		}
		w.heading(t)
		return
	}
	if navigation(n) {
		return
	}
	if t, short := shortText(n, 120); short && isHeading(foldLabel(t)) {
		w.heading(t)
		return
	}
	if w.cur != nil && linkOnly(n) {
		w.inLinks++
		defer func() { w.inLinks-- }()
	}
	switch n.DataAtom {
	case atom.Ul, atom.Ol:
		w.list(n)
	case atom.Table:
		if w.hasLabel(n) {
			w.end() // a table of fields, not section text
			return
		}
		w.table(n)
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		w.flush()
	}
}

// headingLevel is 1 for h1 ... 6 for h6, else 0.
func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return int(n.Data[1] - '0')
	}
	return 0
}

// sectionLevel is the highest level (smallest number) of the h2-h6
// elements holding a known section heading, or 0 when none does: deeper
// headings are then subheadings within section text.
func sectionLevel(doc *goquery.Document) int {
	level := 0
	doc.Find("h2, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		if t, short := shortText(n, 120); short && knownHeadings[foldLabel(t)] {
			if l := headingLevel(n); level == 0 || l < level {
				level = l
			}
		}
	})
	return level
}

// heading ends the current section and starts the next one, unless it is
// the Perustiedot heading, which starts a block of fields.
func (w *sectionWalker) heading(text string) {
	w.end()
	h := heading(text)
	if f := foldLabel(h); h == "" || f == basicInfo || attachmentHeadings[f] {
		return
	}
	w.cur = &model.Section{Page: w.page, Heading: h}
}

func (w *sectionWalker) end() {
	if w.cur == nil {
		return
	}
	if !w.prose && len(w.blocks) > 0 && !knownHeadings[foldLabel(w.cur.Heading)] {
		w.cur, w.blocks = nil, nil // only links: not a text section
		return
	}
	text := strings.Join(w.blocks, "\n\n")
	if strings.EqualFold(strings.TrimSpace(text), placeholder) {
		text = ""
	}
	w.cur.Text = text
	w.out = append(w.out, *w.cur)
	w.cur, w.blocks, w.prose = nil, nil, false
}

// flush ends the current paragraph.
func (w *sectionWalker) flush() {
	raw := w.inline.String()
	w.inline.Reset()
	text := paragraph(raw)
	if text == "" || w.cur == nil {
		return
	}
	if isHeading(foldLabel(text)) && !strings.Contains(text, "\n") {
		w.heading(text)
		return
	}
	w.add(text)
}

// add appends a block to the current section, if any.
func (w *sectionWalker) add(block string) {
	if w.cur == nil {
		return
	}
	w.blocks = append(w.blocks, block)
	w.prose = w.prose || w.inLinks == 0
}

// isHeading reports whether a folded text starts or ends a section.
func isHeading(folded string) bool {
	return knownHeadings[folded] || attachmentHeadings[folded] || folded == basicInfo
}

func (w *sectionWalker) list(n *html.Node) {
	var items []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) {
				continue
			}
			if c.DataAtom == atom.Li {
				if t := line(nodeText(c)); t != "" {
					items = append(items, "- "+t)
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	if len(items) > 0 {
		w.add(strings.Join(items, "\n"))
	}
}

func (w *sectionWalker) table(n *html.Node) {
	var rows []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped(c) {
				continue
			}
			if c.DataAtom != atom.Tr {
				walk(c)
				continue
			}
			var cs []string
			empty := true
			for d := c.FirstChild; d != nil; d = d.NextSibling {
				if d.DataAtom == atom.Td || d.DataAtom == atom.Th {
					t := line(nodeText(d))
					empty = empty && t == ""
					cs = append(cs, t)
				}
			}
			if !empty {
				rows = append(rows, "| "+strings.Join(cs, " | ")+" |")
			}
		}
	}
	walk(n)
	if len(rows) > 0 {
		w.add(strings.Join(rows, "\n"))
	}
}

// hasLabel reports whether a label of the field reader lies within n.
func (w *sectionWalker) hasLabel(n *html.Node) bool {
	if w.nodes.label[n] {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if w.hasLabel(c) {
			return true
		}
	}
	return false
}

// navigation reports whether n holds only links (two or more) and
// punctuation: a menu, tab bar or footer.
func navigation(n *html.Node) bool {
	links := 0
	own := false
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode && !inLink &&
			strings.IndexFunc(n.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			own = true
		}
		if n.Type == html.ElementNode {
			if skipped(n) {
				return
			}
			if n.DataAtom == atom.A {
				links++
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil && !own; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return links >= 2 && !own
}

// paragraph collapses whitespace in each line of a paragraph and drops
// empty lines; <br> breaks are kept as single newlines.
func paragraph(s string) string {
	var lines []string
	for _, l := range strings.Split(s, string(lineBreak)) {
		if l = line(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// line collapses whitespace (also non-breaking) and drops icon text.
func line(s string) string {
	return strings.Join(strings.Fields(dropIcons(s)), " ")
}

// linkOnly reports whether n holds at least one link and no text outside
// links but in parentheses ("raportti.pdf (PDF, 240 kt)"): a list of files
// or links.
func linkOnly(n *html.Node) bool {
	links, depth := 0, 0
	own := false
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if own {
			return
		}
		switch n.Type {
		case html.TextNode:
			if inLink {
				if strings.TrimSpace(n.Data) != "" {
					links++
				}
				return
			}
			for _, r := range n.Data {
				switch {
				case r == '(':
					depth++
				case r == ')':
					depth = max(depth-1, 0)
				case depth == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
					own = true
					return
				}
			}
			return
		case html.ElementNode:
			if skipped(n) {
				return
			}
			inLink = inLink || n.DataAtom == atom.A
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return links > 0 && !own
}
