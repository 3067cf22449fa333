package reports

import (
	"bytes"
	"fmt"
	"html/template"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// WriteAuditHTML writes the audit of WriteAudit as one self-contained HTML
// file (no outside scripts, styles or fonts) that prints well: tables and
// their rows are not cut across pages, headers repeat on each page. The
// markdown is rendered by goldmark, which leaves raw HTML out, so text
// from the pages stays text.
func WriteAuditHTML(w io.Writer, a *AuditResult, meta AuditMeta, l Lang) error {
	var src bytes.Buffer
	if err := WriteAudit(&src, a, meta, l); err != nil {
		return err
	}
	// The one piece of HTML the markdown holds is the <br> of a line break
	// in a cell (md escapes every < of the text): it goes through as a
	// line separator, since goldmark leaves raw HTML out.
	text := bytes.ReplaceAll(src.Bytes(), []byte("<br>"), []byte(lineSep))
	var body bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	if err := md.Convert(text, &body); err != nil {
		return fmt.Errorf("audit html: %w", err)
	}
	out := bytes.ReplaceAll(body.Bytes(), []byte(lineSep), []byte("<br>"))
	title := l.t("Auditointiraportti", "Audit report")
	if len(a.Regions) > 0 {
		title += ": " + a.Regions[0]
	}
	return auditPage.Execute(w, struct {
		Lang, Title string
		Body        template.HTML
	}{l.t("fi", "en"), title, template.HTML(out)}) // goldmark's output: escaped, raw HTML omitted
}

// lineSep stands for a <br> while goldmark renders.
const lineSep = "\u2028"

var auditPage = template.Must(template.New("audit").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 64rem; margin: 1.5rem auto; padding: 0 1rem; color: #1d2330; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #bbc; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #eef0f5; text-align: left; }
td { font-variant-numeric: tabular-nums; }
@page { margin: 1.5cm; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
{{.Body}}
</body>
</html>
`))
