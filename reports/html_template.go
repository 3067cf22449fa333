package reports

// htmlTemplate is the page WriteHTML fills. Everything it needs is inline.
const htmlTemplate = htmlPageStart + `{{if .Empty}}<p>{{.EmptyMessage}}</p>
{{else}}{{with .Note}}<p class="note">{{.}}</p>
{{end}}{{with .Heatmap}}{{template "chart" .}}{{end}}{{with .Bars}}{{template "chart" .}}{{end}}
{{range .Tables}}<h2 id="{{.ID}}">{{.N}}. {{.Title}}</h2>
{{with .Note}}<p class="note">{{.}}</p>
{{end}}<div class="wide"><table{{if gt (len .Head) 8}} class="many"{{end}}>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr{{if .Total}} class="total"{{end}}><td class="label"{{with .Full}} title="{{.}}"{{end}}>{{.Label}}</td>{{range .Cells}}<td class="n{{if .Top}} top{{end}}">{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table></div>
{{end}}{{end}}</body>
</html>
{{define "chart"}}<figure>
<figcaption>{{.Title}}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="{{.Title}}">
{{range .Rects}}<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="{{.Fill}}"><title>{{.Tip}}</title></rect>
{{end}}{{range .Texts}}<text x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}"{{if .Bold}} class="b"{{else if .Light}} class="w"{{end}}>{{.S}}</text>
{{end}}{{range .Lines}}<polyline points="{{.Points}}" fill="none" stroke="{{.Stroke}}" stroke-width="2"/>
{{end}}{{range .Dots}}<circle cx="{{.X}}" cy="{{.Y}}" r="3" fill="{{.Fill}}"><title>{{.Tip}}</title></circle>
{{end}}</svg>
</figure>
{{end}}`

// htmlStyle is the inline CSS of the report pages.
const htmlStyle = `body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #c8ccd2; padding: 0.3rem 0.55rem; }
th { background: #eef1f5; text-align: left; vertical-align: bottom; }
.wide { max-width: 100%; overflow-x: auto; }
td.label { white-space: nowrap; }
table.many th + th { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; text-align: left; padding: 0.45rem 0.3rem; }
td.label[title] { text-decoration: underline dotted #8a8f98; cursor: help; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.top { font-weight: bold; background: #fff4d6; }
tr.total td { font-weight: bold; border-top: 2px solid #1d1d1f; }
.meta { color: #4a4f57; }
.note { font-style: italic; color: #4a4f57; }
figure { margin: 1rem 0 2rem; overflow-x: auto; max-width: 100%; }
@media (max-width: 600px) { body { margin: 1rem auto; } table { font-size: 0.8rem; } th, td { padding: 0.2rem 0.35rem; } }
svg text { font-size: 12px; fill: #1d1d1f; }
svg text.b { font-weight: bold; }
svg text.w { fill: #ffffff; }
`

// htmlPageStart opens a report page: the head with the inline style, the
// title and the meta line (htmlMeta's fields).
const htmlPageStart = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
` + htmlStyle + `</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">{{.SelectionLabel}}: {{.Selection}}<br>{{.CodebookLabel}}: {{.Codebook}}<br>{{.SnapshotLabel}}: {{.Snapshot}}</p>
`
