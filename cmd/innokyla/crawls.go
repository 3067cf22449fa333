package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/innokyla/innokyla/crawler"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// CrawlsOptions are the flags of the crawls command.
type CrawlsOptions struct {
	F    *Factory
	JSON bool
}

// NewCmdCrawls builds the crawls command.
func NewCmdCrawls(f *Factory, runF func(context.Context, *CrawlsOptions) error) *cobra.Command {
	opts := &CrawlsOptions{F: f}
	cmd := &cobra.Command{
		Use:   "crawls [--json]",
		Short: "List the recorded crawls, the latest first",
		Long: `List every crawl recorded in the corpus, the latest first: its number, when
it started and finished, the site, its filters, what it found (models
found, new, changed, unchanged, failed) and whether it was complete.

A complete crawl read the whole site (no --max, --region, --since or model
URLs, not stopped): only such a crawl withdraws the stored models the site
no longer publishes, and never more than a fifth of them at once. An
unfinished crawl was stopped; the same crawl command resumes it.

Exit codes: 0 listed (also none), 1 the corpus could not be read, 2 bad flags.`,
		Example: `  innokyla crawls
  innokyla crawls --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCrawls(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the crawls as a JSON array on stdout")
	return cmd
}

// crawlRecord is one crawl as crawls prints it.
type crawlRecord struct {
	store.Crawl
	Complete bool `json:"complete"`
	// Counts is the crawler's summary; absent for an unfinished crawl.
	Counts *crawler.Summary `json:"counts,omitempty"`
}

func runCrawls(ctx context.Context, opts *CrawlsOptions) error {
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	cs, err := s.Crawls(ctx)
	if err != nil {
		return err
	}
	recs := make([]crawlRecord, 0, len(cs))
	for _, c := range cs {
		r := crawlRecord{Crawl: c}
		if len(c.Summary) > 0 {
			r.Counts = new(crawler.Summary)
			if err := json.Unmarshal(c.Summary, r.Counts); err != nil {
				return fmt.Errorf("crawl %d: its summary: %w", c.ID, err)
			}
			r.Complete = r.Counts.Complete && c.Finished != ""
		}
		r.Summary = nil
		recs = append(recs, r)
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.F.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(recs)
	}
	return writeCrawls(opts.F.Out, recs)
}

// writeCrawls writes one paragraph per crawl.
func writeCrawls(w io.Writer, recs []crawlRecord) error {
	if len(recs) == 0 {
		_, err := fmt.Fprintln(w, "no crawls recorded; Try: innokyla crawl --site URL")
		return err
	}
	for _, r := range recs {
		state := "unfinished (stopped; the same crawl command resumes it)"
		switch {
		case r.Finished != "" && r.Complete:
			state = "complete"
		case r.Finished != "":
			state = "partial"
		}
		fmt.Fprintf(w, "crawl %d  %s  %s -> %s  %s\n", r.ID, r.Site, r.Started, orDashCLI(r.Finished), state)
		if f := crawlFilters(r.Crawl); f != "" {
			fmt.Fprintf(w, "  filters: %s\n", f)
		}
		if c := r.Counts; c != nil {
			fmt.Fprintf(w, "  %d models found: %d new, %d changed, %d unchanged, %d skipped, %d failed\n",
				c.Targets, c.New, c.Changed, c.Unchanged, c.Skipped, c.FailedTotal())
			writeWithdrawals(indent{w}, c)
		}
	}
	return nil
}

// writeWithdrawals says what a crawl withdrew, restored or refused to
// withdraw.
func writeWithdrawals(w io.Writer, s *crawler.Summary) {
	if n := len(s.Withdrawn); n > 0 {
		fmt.Fprintf(w, "withdrawn: %d models the complete crawl no longer found (their versions kept): %s\n", n, listSome(s.Withdrawn, 10))
	}
	if n := len(s.Restored); n > 0 {
		fmt.Fprintf(w, "restored: %d withdrawn models found again: %s\n", n, listSome(s.Restored, 10))
	}
	if s.WithdrawRefused != "" {
		fmt.Fprintf(w, "warning: %s\n", s.WithdrawRefused)
	}
}

// listSome joins the first n of ids, saying how many more there are.
func listSome(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + fmt.Sprintf(" and %d more", len(ids)-n)
}

func crawlFilters(c store.Crawl) string {
	var parts []string
	if len(c.Regions) > 0 {
		parts = append(parts, "--region "+strings.Join(c.Regions, ", "))
	}
	if c.Since != "" {
		parts = append(parts, "--since "+c.Since)
	}
	if c.Max > 0 {
		parts = append(parts, fmt.Sprintf("--max %d", c.Max))
	}
	if len(c.URLs) > 0 {
		parts = append(parts, fmt.Sprintf("%d model URLs", len(c.URLs)))
	}
	return strings.Join(parts, "; ")
}

func orDashCLI(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// indent prefixes every write (one line each) with two spaces.
type indent struct{ w io.Writer }

func (i indent) Write(p []byte) (int, error) {
	if _, err := i.w.Write([]byte("  ")); err != nil {
		return 0, err
	}
	return i.w.Write(p)
}
