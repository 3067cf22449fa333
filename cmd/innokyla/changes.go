package main

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/history"
	"github.com/innokyla/innokyla/reports"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ChangesOptions are the flags of the changes command.
type ChangesOptions struct {
	F          *Factory
	Since      string // DATE or RFC 3339 time
	SinceCrawl int    // the N-th last crawl (1: the latest)
	Regions    []string
	Format     string // md | json
	Lang       string
}

// NewCmdChanges builds the changes command.
func NewCmdChanges(f *Factory, runF func(context.Context, *ChangesOptions) error) *cobra.Command {
	opts := &ChangesOptions{F: f}
	cmd := &cobra.Command{
		Use:   "changes [--since DATE|TIME | --since-crawl N] [--region R]... [--format md|json]",
		Short: "List the models added, changed and withdrawn since a date or a crawl",
		Long: `List the practice models added, changed and withdrawn since a date (or an
RFC 3339 time), or since the start of the N-th last finished crawl
(--since-crawl 1: what the latest crawl changed), grouped by region.

For a changed model it shows the Perustiedot fields that changed (old ->
new), the sentences added to and removed from each section whose text
changed, and how its coding changed: described or not, methods and phases
gained or lost, with the sentence each was read from. Codings are the
newest of each version (run classify after a crawl to code the new ones).

A model is withdrawn when a complete crawl no longer found it (see
innokyla crawls). Without --since or --since-crawl it lists the changes of
the latest crawl.

Exit codes: 0 listed (also none), 1 the corpus could not be read, 2 bad flags.`,
		Example: `  innokyla changes --since-crawl 1
  innokyla changes --since 2026-11-01 --region Pirkanmaa
  innokyla changes --since 2026-12-04T13:00:00Z --format json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runChanges(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Since, "since", "", "changes at or after `DATE` (YYYY-MM-DD) or an RFC 3339 time")
	fl.IntVar(&opts.SinceCrawl, "since-crawl", 0, "changes since the start of the `N`-th last crawl (1: the latest)")
	fl.StringArrayVar(&opts.Regions, "region", nil, "only models of this welfare region (repeatable)")
	fl.StringVar(&opts.Format, "format", "md", "md or json")
	fl.StringVar(&opts.Lang, "lang", "fi", "language of the markdown: fi or en")
	return cmd
}

func runChanges(ctx context.Context, opts *ChangesOptions) error {
	if opts.Format == "" {
		opts.Format = "md"
	}
	if opts.Format != "md" && opts.Format != "json" {
		return usageError(fmt.Errorf("--format %q: want md or json", opts.Format))
	}
	lang, err := reports.ParseLang(opts.Lang)
	if err != nil {
		return usageError(fmt.Errorf("--lang: %w", err))
	}
	if opts.Since != "" && opts.SinceCrawl != 0 {
		return usageError(fmt.Errorf("give --since or --since-crawl, not both"))
	}
	if opts.SinceCrawl < 0 {
		return usageError(fmt.Errorf("--since-crawl %d: want 1 for the latest crawl, 2 for the one before, ...", opts.SinceCrawl))
	}
	var since time.Time
	if opts.Since != "" {
		if since, err = parseWhen("--since", opts.Since, false); err != nil {
			return err
		}
	}
	regions, err := parseRegions(opts.Regions)
	if err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	log := &history.Log{}
	if opts.Since == "" {
		n := max(opts.SinceCrawl, 1)
		c, err := nthLastCrawl(ctx, s, n)
		if err != nil {
			return err
		}
		if since, err = time.Parse(time.RFC3339, c.Started); err != nil {
			return fmt.Errorf("crawl %d: its start %q: %w", c.ID, c.Started, err)
		}
		log.SinceCrawl = c.ID
	}
	log.Since = since.UTC().Format(time.RFC3339)
	if err := fillLog(ctx, s, since, regions, log); err != nil {
		return err
	}
	var b bytes.Buffer
	if opts.Format == "json" {
		err = reports.WriteChangesJSON(&b, log)
	} else {
		err = reports.WriteChangesMarkdown(&b, log, lang)
	}
	if err != nil {
		return fmt.Errorf("changes: %w", err)
	}
	_, err = opts.F.Out.Write(b.Bytes())
	return err
}

// nthLastCrawl is the n-th last finished crawl (1: the latest).
func nthLastCrawl(ctx context.Context, s *store.Store, n int) (*store.Crawl, error) {
	cs, err := s.Crawls(ctx)
	if err != nil {
		return nil, err
	}
	seen := 0
	for i := range cs {
		if cs[i].Finished == "" {
			continue
		}
		if seen++; seen == n {
			return &cs[i], nil
		}
	}
	if seen == 0 {
		return nil, withHint(fmt.Errorf("changes: no finished crawl recorded"), "Try: --since DATE, or innokyla crawl --site URL first")
	}
	return nil, withHint(usageError(fmt.Errorf("--since-crawl %d: only %d finished crawls recorded", n, seen)), "Try: innokyla crawls")
}

// sinceLastAudit is what changed in the regions since the time given to
// --since-audit, for the audit's section.
func sinceLastAudit(ctx context.Context, s *store.Store, when string, regions []string) (*history.Log, error) {
	since, err := parseWhen("--since-audit", when, false)
	if err != nil {
		return nil, err
	}
	log := &history.Log{Since: since.UTC().Format(time.RFC3339)}
	return log, fillLog(ctx, s, since, regions, log)
}

// fillLog adds to log every change since the time in the regions.
func fillLog(ctx context.Context, s *store.Store, since time.Time, regions []string, log *history.Log) error {
	return s.Changes(ctx, since, regions, func(c store.Change) error {
		log.Add(c.Kind, c.Old, c.New, c.Withdrawn)
		return ctx.Err()
	})
}
