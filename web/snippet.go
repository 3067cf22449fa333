package web

import (
	"html"
	"strings"

	"github.com/innokyla/innokyla/index"
)

// snippetHTML renders a snippet for the page: the text escaped, only
// <mark> added around the matched words.
func snippetHTML(s index.Snippet) string {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(p.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	return b.String()
}
