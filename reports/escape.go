package reports

import (
	"net/url"
	"strings"
)

// mdReplacer escapes text for a markdown table cell or paragraph: markup
// characters get a backslash, HTML specials become entities (so a
// "<script>" in a title stays text in every markdown renderer), and
// line breaks become <br>.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"#", `\#`, "&", "&amp;", "<", "&lt;", ">", "&gt;",
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>", "\t", " ",
)

// md escapes untrusted text for markdown.
func md(s string) string { return mdReplacer.Replace(s) }

// mdLink writes a markdown link to u with escaped text. A URL that is not
// http(s) is not linked.
func mdLink(text, u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		if u == "" {
			return md(text)
		}
		return md(text) + " (" + md(u) + ")"
	}
	// Percent-encode what would end or break the link target.
	safe := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E", "|", "%7C").Replace(p.String())
	return "[" + md(text) + "](" + safe + ")"
}
