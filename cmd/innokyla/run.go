package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/innokyla/innokyla/crawler"
	"github.com/spf13/cobra"
)

// RunOptions are the flags of the run command: the crawl's, the codebook,
// and where the reports go.
type RunOptions struct {
	F        *Factory
	Site     string
	Out      string
	Regions  []string
	Since    string
	Max      int
	Delay    time.Duration
	Parallel int
	Codebook string

	delaySet bool // --delay given; else 0 for a mirror, the polite default for a site
}

// NewCmdRun builds the run command.
func NewCmdRun(f *Factory, runF func(context.Context, *RunOptions) error) *cobra.Command {
	opts := &RunOptions{F: f}
	cmd := &cobra.Command{
		Use:   "run --site URL|DIR [--out DIR]",
		Short: "Crawl, classify, index and report in one go",
		Long: `Crawl a site or a saved mirror, code client involvement in every model,
bring the search index up to date and write the reports to --out:
report.md (tables by welfare region), report.html (with charts),
report.json and report.csv.

Each step is the command of the same name (crawl, classify, index, report),
so a run that was interrupted can be finished by running it again: stored
pages are not fetched twice. A saved mirror is read without delay; a site
over HTTP gets the crawl's polite default of one request per second:
  innokyla run --site https://innokyla.fi --region Pirkanmaa --out pirkanmaa`,
		Example: "  innokyla run --site testdata/site --out out\n  innokyla run --site testdata/site --region Pirkanmaa --out pirkanmaa",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Site == "" {
				return withHint(usageError(fmt.Errorf("run: --site is required")), "Try: innokyla run --site testdata/site --out out")
			}
			opts.delaySet = cmd.Flags().Changed("delay")
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Site, "site", "", "site URL or saved mirror directory")
	fl.StringVarP(&opts.Out, "out", "o", "out", "directory for the reports")
	fl.StringArrayVar(&opts.Regions, "region", nil, "only models of this welfare region (repeatable)")
	fl.StringVar(&opts.Since, "since", "", "only models modified on or after `YYYY-MM-DD`")
	fl.IntVar(&opts.Max, "max", 0, "at most `N` models (0: all)")
	fl.DurationVar(&opts.Delay, "delay", crawler.DefaultDelay, "pause between requests to a site (a mirror: none unless given)")
	fl.IntVar(&opts.Parallel, "parallel", 1, "requests in flight to the host")
	fl.StringVar(&opts.Codebook, "codebook", "", "codebook YAML `FILE` instead of the embedded one")
	return cmd
}

func runRun(ctx context.Context, opts *RunOptions) error {
	f := opts.F
	delay := opts.Delay
	if !opts.delaySet && !isHTTPSite(opts.Site) {
		delay = 0
	}
	start := f.Now()
	step := func(name string) { fmt.Fprintf(f.Err, "== %s\n", name) }
	// What each step prints is progress here: the output of run is the
	// path of the report.
	out := f.Out
	f.Out = f.Err
	defer func() { f.Out = out }()

	step("crawl " + opts.Site)
	if err := runCrawl(ctx, &CrawlOptions{F: f, Site: opts.Site, Regions: opts.Regions, Since: opts.Since,
		Max: opts.Max, Delay: delay, Parallel: opts.Parallel}); err != nil {
		return err
	}
	step("classify")
	if err := runClassify(ctx, &ClassifyOptions{F: f, CodebookPath: opts.Codebook}); err != nil {
		return err
	}
	step("index")
	indexErr := runIndex(ctx, &IndexOptions{F: f})
	if indexErr != nil && ctx.Err() != nil {
		return indexErr // interrupted: stop here
	}
	step("report")
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return fmt.Errorf("run: reports: %w", err)
	}
	var written []string
	for _, format := range []string{"md", "html", "json", "csv"} {
		path := filepath.Join(opts.Out, "report."+format)
		ro := &ReportOptions{F: f, Regions: opts.Regions, Format: format, Out: path, Lang: "fi", onlyWhere: len(written) > 0}
		// The crawl's --since is by modification; reports select by creation,
		// so the run's report covers everything that was crawled.
		if err := runReport(ctx, ro); err != nil {
			return err
		}
		written = append(written, path)
	}
	fmt.Fprintf(f.Err, "done in %.1f s; reports: %s\n", f.Now().Sub(start).Seconds(), strings.Join(written, ", "))
	if indexErr != nil {
		// The reports do not need the index: they are written; say what
		// was not done.
		fmt.Fprintf(f.Err, "warning: the search index was not updated: %v\n", indexErr)
		if h := hintOf(indexErr); h != "" {
			fmt.Fprintln(f.Err, h)
		}
	}
	fmt.Fprintf(out, "%s\n", written[0])
	return nil
}
