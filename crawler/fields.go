package crawler

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageNodes marks the nodes the field reader used: labels end a section,
// values are left out of section text.
type pageNodes struct {
	label map[*html.Node]bool
	value map[*html.Node]bool
}

// skipped elements hold no page text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Svg, atom.Noscript, atom.Template, atom.Head,
		atom.Nav, atom.Header, atom.Footer, atom.Iframe, atom.Select, atom.Object:
		return true
	}
	return n.Type == html.ElementNode && n.Data == "svg"
}

// nodeText is the text of n without skipped elements; <br> is a newline.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped(n) {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteRune(lineBreak)
				return
			}
			if isBlock(n) {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// shortText is nodeText of n when it is at most limit bytes; ok is false
// (and the text cut) when it is longer, without reading the rest.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return b.Len() <= limit
		case html.ElementNode:
			if skipped(n) {
				return true
			}
			if n.DataAtom == atom.Br || isBlock(n) {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return b.Len() <= limit
	}
	ok := walk(n)
	return b.String(), ok
}

// findFields finds the Perustiedot labels of a page, whatever elements
// hold them, and reads the values that belong to each: the dd elements
// after a dt, the next cell of a two-cell table row, text after the label
// in the same element, or the next element and its like siblings (several
// field__item elements). A field of several values keeps them one a line;
// a date is read from its text, else from a <time datetime>. The first
// label of a field wins.
func findFields(doc *goquery.Document) (map[string]string, pageNodes) {
	fields := map[string]string{}
	nodes := pageNodes{label: map[*html.Node]bool{}, value: map[*html.Node]bool{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skipped(n) {
				return
			}
			if f, ok := labelOf(n); ok {
				nodes.label[n] = true
				text, vns := labelValue(n)
				for _, vn := range vns {
					nodes.value[vn] = true
				}
				if _, seen := fields[f]; !seen && f != fieldIgnored {
					fields[f] = fieldValue(f, text, vns)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	return fields, nodes
}

// fieldValue is the stored value of field f: text beside the label, or
// the lines of its value nodes. A date whose text does not parse is read
// from a <time datetime> in its value.
func fieldValue(f, text string, vns []*html.Node) string {
	if len(vns) == 0 {
		return value(text)
	}
	var lines []string
	for _, vn := range vns {
		lines = append(lines, valueLines(vn)...)
	}
	v := strings.Join(lines, "\n")
	switch f {
	case fieldTitle:
		return strings.Join(lines, " ")
	case fieldCreated, fieldModified:
		if parseDate(v) == "" {
			for _, vn := range vns {
				if d, _, _ := strings.Cut(timeAttr(vn), "T"); d != "" {
					return d // 2020-05-12T08:00:00Z
				}
			}
		}
	}
	return v
}

// valueLines are the values held by a value node, one a line: the items
// of a list, or of an element holding only items (field__item elements in
// a field__items wrapper), else its whole text on one line (paragraphs of
// one value are not several values).
func valueLines(n *html.Node) []string {
	if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
		var out []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Li {
				if v := value(nodeText(c)); v != "" {
					out = append(out, v)
				}
			}
		}
		return out
	}
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && skipped(c):
		case c.Type == html.ElementNode:
			kids = append(kids, c)
		default:
			return oneValue(n) // text of its own
		}
	}
	switch {
	case len(kids) == 1 && (kids[0].DataAtom == atom.Ul || kids[0].DataAtom == atom.Ol || isItem(kids[0])):
		return valueLines(kids[0])
	case len(kids) > 1 && allItems(kids):
		var out []string
		for _, k := range kids {
			out = append(out, valueLines(k)...)
		}
		return out
	}
	return oneValue(n)
}

// oneValue is the text of n as one value, or none when it is empty.
func oneValue(n *html.Node) []string {
	if v := value(nodeText(n)); v != "" {
		return []string{v}
	}
	return nil
}

// isItem reports whether n is one value of several: a list item or an
// element whose class names an item (Drupal's field__item).
func isItem(n *html.Node) bool {
	if n.DataAtom == atom.Li {
		return true
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == "field__item" || c == "item" || strings.HasSuffix(c, "-item") || strings.HasSuffix(c, "__item") {
			return true
		}
	}
	return false
}

func allItems(ns []*html.Node) bool {
	for _, n := range ns {
		if !isItem(n) {
			return false
		}
	}
	return true
}

// timeAttr is the datetime attribute of the first <time> within n.
func timeAttr(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Time {
		for _, a := range n.Attr {
			if a.Key == "datetime" {
				return strings.TrimSpace(a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if d := timeAttr(c); d != "" {
			return d
		}
	}
	return ""
}

// labelOf reports whether n is a label element: its whole text is a known
// label and no child element holds that same text alone. Cells count only
// in two-cell rows.
func labelOf(n *html.Node) (string, bool) {
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Li {
		return "", false
	}
	t, short := shortText(n, 80)
	if !short {
		return "", false
	}
	folded := foldLabel(t)
	f, ok := labels[folded]
	if !ok {
		return "", false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && foldLabel(nodeText(c)) == folded {
			return "", false // the child is the label
		}
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		if cells(n.Parent) != 2 {
			return "", false
		}
	}
	return f, true
}

func cells(tr *html.Node) int {
	k := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			k++
		}
	}
	return k
}

// labelValue finds the value of label element n: the text beside it, or
// the nodes holding it (none when the text is beside the label).
func labelValue(n *html.Node) (string, []*html.Node) {
	switch n.DataAtom {
	case atom.Dt:
		var dds []*html.Node
		for v := nextElement(n); v != nil && v.DataAtom == atom.Dd; v = nextElement(v) {
			dds = append(dds, v)
		}
		if len(dds) > 0 {
			return "", dds
		}
	case atom.Td, atom.Th:
		if v := nextElement(n); v != nil {
			return "", []*html.Node{v}
		}
		return "", nil
	}
	// Text right after the label in the same parent: "<b>Luotu:</b> 1.2.2020".
	var rest strings.Builder
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && isBlock(s) {
			break
		}
		if s.Type == html.TextNode {
			rest.WriteString(s.Data)
		} else {
			rest.WriteString(nodeText(s))
		}
	}
	if strings.TrimSpace(rest.String()) != "" {
		return rest.String(), nil // the section walker drops it: a label ended the section
	}
	for p := n; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		if v := nextElement(p); v != nil {
			if containsLabel(v) {
				return "", nil // an empty field: the next element is the next field
			}
			return "", likeSiblings(v)
		}
		if p.Parent != nil && strings.TrimSpace(nodeText(p.Parent)) != strings.TrimSpace(nodeText(p)) {
			break // the parent holds more than the label: no value
		}
	}
	return "", nil
}

// likeSiblings is v and the element siblings after it with the same tag
// and the same non-empty class, up to one that holds a label: the items of
// a field of several values written without a wrapper.
func likeSiblings(v *html.Node) []*html.Node {
	out := []*html.Node{v}
	class := attr(v, "class")
	if class == "" {
		return out
	}
	for s := nextElement(v); s != nil; s = nextElement(s) {
		if s.DataAtom != v.DataAtom || s.Data != v.Data || attr(s, "class") != class || containsLabel(s) {
			break
		}
		out = append(out, s)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func containsLabel(n *html.Node) bool {
	if n.Type == html.ElementNode && !skipped(n) {
		if _, ok := labelOf(n); ok {
			return true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if containsLabel(c) {
			return true
		}
	}
	return false
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// isBlock reports whether n starts a block of text.
func isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Dd, atom.Details,
		atom.Dialog, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Hr, atom.Li, atom.Main, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr,
		atom.Td, atom.Th, atom.Ul, atom.Summary, atom.Body, atom.Html, atom.Caption:
		return true
	}
	return false
}
