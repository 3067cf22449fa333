package main

import (
	"context"
	"fmt"
	"io"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/reports"
	"github.com/innokyla/innokyla/store"
)

// runTrend writes the trend per period of the selection.
func runTrend(ctx context.Context, opts *ReportOptions, s *store.Store, sel reports.Selection, lang reports.Lang, st *reportState) error {
	a, err := reports.NewTrend(opts.Trend, opts.TrendBy)
	if err != nil {
		return usageError(err)
	}
	a.Only(sel.Regions) // the whole country counts every model
	q := st.query(store.Query{Since: opts.Since, Until: opts.Until, NoSections: true, Coding: opts.Coding}, opts.IncludeWithdrawn)
	if err := eachProgress(ctx, opts.F, s, q, "report", func(m *model.Model) error { a.Add(opts.confident(st.coded(m))); return ctx.Err() }); err != nil {
		return fmt.Errorf("trend: %w", err)
	}
	rep := &reports.TrendReport{Selection: sel, Snapshot: st.snapshot, Trend: a.Result(), Lang: lang}
	write := map[string]func(io.Writer, *reports.TrendReport) error{
		"md": reports.WriteTrendMarkdown, "json": reports.WriteTrendJSON, "csv": reports.WriteTrendCSV, "html": reports.WriteTrendHTML,
	}[opts.Format]
	where, err := reportWriteOut(opts, "trend."+opts.Format, func(w io.Writer) error { return write(w, rep) })
	if err != nil {
		return err
	}
	n := 0
	for _, p := range rep.Trend.Country.Points {
		n += p.Models
	}
	fmt.Fprintf(opts.F.Err, "report: trend of %d models over %d periods in %d regions", n, len(rep.Trend.Periods), len(rep.Trend.Regions))
	if rep.Trend.Undated > 0 {
		fmt.Fprintf(opts.F.Err, "; %d without the %s date left out", rep.Trend.Undated, opts.TrendBy)
	}
	fmt.Fprintln(opts.F.Err)
	if where != "" {
		fmt.Fprintf(opts.F.Err, "wrote %s\n", where)
	}
	return nil
}
