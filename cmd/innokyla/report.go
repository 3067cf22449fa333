package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
	"github.com/innokyla/innokyla/reports"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ReportOptions are the flags of the report command.
type ReportOptions struct {
	F       *Factory
	GroupBy string   // region | project; "" = region (project for --audit)
	Regions []string // --region filters as typed, read with region.Parse
	Since   string   // created on or after, YYYY-MM-DD
	Until   string   // created on or before, YYYY-MM-DD
	Audit   bool
	Lang    string // fi | en
	Format  string // md | csv | json | html
	Out     string // file or directory; "" or "-" for stdout
	// MinConfidence counts only codes of at least this level (low,
	// medium, high); "" counts all.
	MinConfidence string
	// Coding is whose coding counts: machine, reviewed or best (default).
	Coding string
	// AsOf reports the versions current at a DATE or RFC 3339 time.
	AsOf string
	// IncludeWithdrawn counts the models a complete crawl no longer found.
	IncludeWithdrawn bool
	// CodebookPath recodes the versions reported with a codebook YAML
	// instead of counting stored codings.
	CodebookPath string
	// Trend writes the trend per period (year, half, quarter) instead of
	// the tables; TrendBy is the date it goes by (created, modified).
	Trend, TrendBy string
	// SinceAudit adds to --audit what changed in the region since then.
	SinceAudit string

	Excel bool // --excel: csv for Finnish Excel

	onlyWhere bool // say only where the report went (run's second and later formats)
}

const reportLong = `Write Ojamo-style tables of client participation over the stored, coded
models: 1 coverage (participation described or not), 2 phases (models with
clients in ideation, planning, development, piloting and evaluation; a mark
for groups covering all four), 3 methods by phase for the selection, and
4 methods by group, with a total row.

Models are grouped by their primary welfare region (--group-by region,
the default) or by project, selected by --region (repeatable; a welfare
region, a short or old name, a municipality or "Uusimaa") and by created
date (--since, --until, inclusive).

--audit --region R writes a markdown audit of one region for the region
itself: provenance, its tables beside the whole corpus, models that do not
describe client participation, models by missing phase, an example sentence
per method, and recommendations. Its groups are projects unless --group-by
is given. With --format html it is one self-contained file (no outside
scripts, styles or fonts) that prints without cutting tables across pages.

Formats: md (tables through tablewriter), json ({selection, codebook, groups,
total}, IDs as keys), csv (one long table: table,row,column,value; with
--out DIR one wide file per table), html (one self-contained page with SVG
charts). Percentages have one decimal: a decimal comma in Finnish text, a
point in CSV, JSON and English. --out names a file or an existing directory
(report.<format> in it); the default is stdout.

--as-of DATE|TIME reports the versions that were current then (a date
stands for its end; or an RFC 3339 time such as 2026-12-04T13:00:00Z),
with the newest stored coding of each version; --codebook FILE (or
builtin) recodes those versions for the report instead. Models withdrawn
(see innokyla crawls) are left out unless --include-withdrawn.

Every report states its snapshot in its header: the time of the last
change to the corpus it includes (the latest, or the last at or before
--as-of), the number of models, the codebook and the last crawl. The
report holds no other time: the same command on the same store gives the
same bytes, and a report made after a crawl is made again byte for byte
by --as-of that day.

--audit --since-audit DATE|TIME adds a section "since the last audit": the
region's new models, the models that gained or lost a description of
client involvement, and the models withdrawn since then (--since stays
the created-date filter of the tables).

--trend year|half|quarter writes, per region and for the whole country,
the number of models, the share describing client involvement, the share
covering all four phases and each method's share per period of the
models' created date (--trend-by modified: their modified date, else
created), in md, csv, json or html (a small line chart per region).

A selection that matches no model gives a report saying so, with exit 0.`

// NewCmdReport builds the report command.
func NewCmdReport(f *Factory, runF func(context.Context, *ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{F: f}
	cmd := &cobra.Command{
		Use:   "report [--region R]... [--since D] [--until D] [--group-by region|project] [--format md|csv|json|html] [--out PATH]",
		Short: "Write coverage tables or a region's audit report",
		Long:  reportLong,
		Example: `  innokyla report --region Uusimaa --until 2022-11-30
  innokyla report --group-by project --format csv --out tables/
  innokyla report --format html --out report.html
  innokyla report --audit --region "Vantaan ja Keravan hyvinvointialue" --out audit.md
  innokyla report --audit --region Pirkanmaa --format html --out audit.html`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runReport(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.GroupBy, "group-by", "", "group by region or project (default region; project for --audit)")
	fl.StringArrayVar(&opts.Regions, "region", nil, "select a welfare region (repeatable)")
	fl.StringVar(&opts.Since, "since", "", "models created on or after `YYYY-MM-DD`")
	fl.StringVar(&opts.Until, "until", "", "models created on or before `YYYY-MM-DD`")
	fl.BoolVar(&opts.Audit, "audit", false, "write the audit report of the --region (markdown; --format html: one printable file)")
	fl.StringVar(&opts.Lang, "lang", "fi", "language of the report: fi or en")
	fl.StringVar(&opts.Format, "format", "md", "md, csv, json or html")
	fl.StringVarP(&opts.Out, "out", "o", "", "output file or directory (default stdout)")
	fl.StringVar(&opts.Coding, "coding", store.CodingBest, "whose coding counts: machine, reviewed (a person's; reviewed models only) or best (a person's where there is one)")
	fl.StringVar(&opts.MinConfidence, "min-confidence", "", "count only codes of at least this confidence: low, medium or high")
	fl.BoolVar(&opts.Excel, "excel", false, "csv for Finnish Excel: UTF-8 with a byte-order mark, ';' between cells, decimal commas")
	fl.StringVar(&opts.AsOf, "as-of", "", "report the versions current at `DATE` (YYYY-MM-DD, its end) or an RFC 3339 time")
	fl.BoolVar(&opts.IncludeWithdrawn, "include-withdrawn", false, "also count the models a complete crawl no longer found")
	fl.StringVar(&opts.Trend, "trend", "", "write the trend per `PERIOD` (year, half or quarter) per region and for the whole country")
	fl.StringVar(&opts.TrendBy, "trend-by", reports.TrendByCreated, "the date --trend goes by: created or modified")
	fl.StringVar(&opts.SinceAudit, "since-audit", "", "with --audit: what changed in the region since the last audit, at `DATE` or an RFC 3339 time")
	fl.StringVar(&opts.CodebookPath, "codebook", "", "recode the reported versions with this codebook YAML `FILE` (builtin: the embedded one)")
	return cmd
}

// check validates the flag values without touching any data. An empty
// Format or Lang (an options struct filled in code, as run does) means
// md and fi.
func (o *ReportOptions) check() error {
	if o.MinConfidence != "" {
		c, err := model.ParseConfidence(o.MinConfidence)
		if err != nil {
			return usageError(fmt.Errorf("--min-confidence: %w", err))
		}
		o.MinConfidence = c
	}
	if o.Format == "" {
		o.Format = "md"
	}
	if o.Excel && o.Format != "csv" {
		return usageError(fmt.Errorf("--excel is for --format csv, not %s", o.Format))
	}
	if o.Coding == "" {
		o.Coding = store.CodingBest
	}
	if _, err := store.ParseCoding(o.Coding); err != nil {
		return usageError(fmt.Errorf("--coding %q: %w", o.Coding, err))
	}
	if o.Lang == "" {
		o.Lang = "fi"
	}
	switch o.Format {
	case "md", "csv", "json", "html":
	default:
		return usageError(fmt.Errorf("--format %q: want md, csv, json or html", o.Format))
	}
	if _, err := reports.ParseLang(o.Lang); err != nil {
		return usageError(fmt.Errorf("--lang: %w", err))
	}
	switch o.GroupBy {
	case "", reports.GroupByRegion, reports.GroupByProject:
	default:
		return usageError(fmt.Errorf("--group-by %q: want region or project", o.GroupBy))
	}
	for _, d := range []struct{ flag, v string }{{"--since", o.Since}, {"--until", o.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return withHint(usageError(fmt.Errorf("%s %q is not a date", d.flag, d.v)), "Try: "+d.flag+" 2022-11-30")
		}
	}
	if o.Since != "" && o.Until != "" && o.Since > o.Until {
		return usageError(fmt.Errorf("--since %s is after --until %s", o.Since, o.Until))
	}
	if o.TrendBy == "" {
		o.TrendBy = reports.TrendByCreated
	}
	if o.Trend != "" {
		if err := reports.ParseTrend(o.Trend, o.TrendBy); err != nil {
			return usageError(fmt.Errorf("--trend %s --trend-by %s: want --trend year|half|quarter and --trend-by created|modified", o.Trend, o.TrendBy))
		}
		if o.Audit {
			return usageError(fmt.Errorf("--trend and --audit are two reports: give one"))
		}
	}
	if o.SinceAudit != "" && !o.Audit {
		return usageError(fmt.Errorf("--since-audit goes with --audit"))
	}
	if o.Audit {
		if len(o.Regions) == 0 {
			return withHint(usageError(fmt.Errorf("--audit needs --region")), `Try: innokyla report --audit --region "Vantaan ja Keravan hyvinvointialue"`)
		}
		if o.Format != "md" && o.Format != "html" {
			return usageError(fmt.Errorf("--audit writes md or html, not --format %s", o.Format))
		}
	}
	return nil
}

// confident limits m's coding to the codes of at least --min-confidence.
func (o *ReportOptions) confident(m *model.Model) *model.Model {
	if o.MinConfidence != "" && m.Participation != nil {
		m.Participation = m.Participation.AtLeast(o.MinConfidence)
	}
	return m
}

func runReport(ctx context.Context, opts *ReportOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	lang, _ := reports.ParseLang(opts.Lang)
	regions, err := parseRegions(opts.Regions)
	if err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	groupBy := opts.GroupBy
	if groupBy == "" {
		groupBy = reports.GroupByRegion
		if opts.Audit {
			groupBy = reports.GroupByProject
		}
	}
	sel := reports.Selection{Regions: regions, Since: opts.Since, Until: opts.Until, GroupBy: groupBy, Coding: opts.Coding}
	st, err := opts.state(ctx, s)
	if err != nil {
		return err
	}
	if opts.Audit {
		return runAudit(ctx, opts, s, sel, lang, st)
	}
	if opts.Trend != "" {
		return runTrend(ctx, opts, s, sel, lang, st)
	}
	agg, err := reports.NewAggregator(groupBy)
	if err != nil {
		return usageError(err)
	}
	q := st.query(store.Query{Regions: regions, Since: opts.Since, Until: opts.Until, NoSections: true, Coding: opts.Coding}, opts.IncludeWithdrawn)
	if err := eachProgress(ctx, opts.F, s, q, "report", func(m *model.Model) error { agg.Add(opts.confident(st.coded(m))); return ctx.Err() }); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	rep := &reports.Report{Selection: sel, Snapshot: st.snapshot, Result: agg.Result(), Lang: lang}
	where, err := reportWrite(opts, rep)
	if err != nil {
		return err
	}
	reportStatus(opts.F.Err, rep.Result, where, opts.onlyWhere)
	return nil
}

// runAudit streams the corpus over the same dates once: every model counts
// nationally, the selected regions' models locally.
func runAudit(ctx context.Context, opts *ReportOptions, s *store.Store, sel reports.Selection, lang reports.Lang, st *reportState) error {
	a, err := reports.NewAudit(sel.Regions, sel.GroupBy)
	if err != nil {
		return usageError(err)
	}
	q := st.query(store.Query{Since: opts.Since, Until: opts.Until, NoSections: true, Coding: opts.Coding}, opts.IncludeWithdrawn)
	if err := eachProgress(ctx, opts.F, s, q, "report", func(m *model.Model) error { a.Add(opts.confident(st.coded(m))); return ctx.Err() }); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	res := a.Result()
	meta := reports.AuditMeta{Version: opts.F.Version, Command: reportCommandLine(opts.F.Args), Selection: sel, Snapshot: st.snapshot}
	if opts.SinceAudit != "" {
		if meta.SinceLast, err = sinceLastAudit(ctx, s, opts.SinceAudit, sel.Regions); err != nil {
			return err
		}
	}
	write, ext := reports.WriteAudit, ".md"
	if opts.Format == "html" {
		write, ext = reports.WriteAuditHTML, ".html"
	}
	name := "audit-" + reportSlug(strings.Join(sel.Regions, "-")) + ext
	where, err := reportWriteOut(opts, name, func(w io.Writer) error { return write(w, res, meta, lang) })
	if err != nil {
		return err
	}
	reportStatus(opts.F.Err, res.Local, where, opts.onlyWhere)
	return nil
}

// reportWrite writes rep in the chosen format to stdout, a file, or a
// directory (CSV: one file per table there).
func reportWrite(opts *ReportOptions, rep *reports.Report) (string, error) {
	if opts.Format == "csv" && reportIsDir(opts.Out) {
		for _, t := range reports.Tables(rep.Result, rep.Lang) {
			if rep.Result.Empty() {
				t.Rows = nil
			}
			path := filepath.Join(opts.Out, t.ID+".csv")
			if err := reportWriteFile(path, func(w io.Writer) error { return reports.WriteCSVTable(opts.csvWriter(w), t) }); err != nil {
				return "", fmt.Errorf("report: %w", err)
			}
		}
		return opts.Out, nil
	}
	write := map[string]func(io.Writer, *reports.Report) error{
		"md": reports.WriteMarkdown, "json": reports.WriteJSON, "html": reports.WriteHTML,
		"csv": func(w io.Writer, r *reports.Report) error { return reports.WriteCSV(opts.csvWriter(w), r) },
	}[opts.Format]
	return reportWriteOut(opts, "report."+opts.Format, func(w io.Writer) error { return write(w, rep) })
}

// csvWriter is w, for Finnish Excel with --excel.
func (o *ReportOptions) csvWriter(w io.Writer) io.Writer {
	if o.Excel {
		return safe.Excel(w)
	}
	return w
}

// reportWriteOut writes to stdout, to --out, or to --out/name when --out is a
// directory, and says where.
func reportWriteOut(opts *ReportOptions, name string, write func(io.Writer) error) (string, error) {
	if opts.Out == "" || opts.Out == "-" {
		var b bytes.Buffer // a failed report prints nothing
		if err := write(&b); err != nil {
			return "", fmt.Errorf("report: %w", err)
		}
		_, err := opts.F.Out.Write(b.Bytes())
		return "", err
	}
	path := opts.Out
	if reportIsDir(path) {
		path = filepath.Join(path, name)
	}
	if err := reportWriteFile(path, write); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	return path, nil
}

func reportStatus(w io.Writer, r *reports.Result, where string, onlyWhere bool) {
	switch {
	case onlyWhere:
	case r.Empty():
		fmt.Fprintln(w, "report: no models matched the selection")
	default:
		fmt.Fprintf(w, "report: %s in %s, %d reviewed by a person\n", count(r.Total.Models, "model"), count(len(r.Groups), "group"), r.Total.Reviewed)
	}
	if n := r.Total.NotCoded(); n > 0 && !onlyWhere {
		fmt.Fprintf(w, "report: %s not yet coded %s counted apart and left out of the shares; Try: innokyla classify\n",
			count(n, "model"), map[bool]string{true: "is", false: "are"}[n == 1])
	}
	if where != "" {
		fmt.Fprintf(w, "wrote %s\n", where)
	}
}

func reportIsDir(path string) bool {
	if path == "" || path == "-" {
		return false
	}
	if strings.HasSuffix(path, string(os.PathSeparator)) {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// reportWriteFile writes path whole or not at all (safe.WriteFile), so a
// failed report never leaves half a file where a good one was. Its
// directory is created first.
func reportWriteFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return safe.WriteFile(path, write)
}

// commandLine renders args as a shell would need them typed.
func reportCommandLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n\"'\\$`|&;<>()*?[]#~") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}

// reportSlug makes a file-name part from region names: region.Slug, at
// most 80 bytes, "region" when nothing is left.
func reportSlug(s string) string {
	out := region.Slug(s)
	if len(out) > 80 {
		out = strings.TrimSuffix(out[:80], "-")
	}
	if out == "" {
		out = "region"
	}
	return out
}
