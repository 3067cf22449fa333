package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// IndexOptions are the flags of the index command.
type IndexOptions struct {
	F       *Factory
	Rebuild bool // --rebuild: start over instead of updating
	JSON    bool // --json: the summary as one JSON object
}

// NewCmdIndex builds the index command.
func NewCmdIndex(f *Factory, runF func(context.Context, *IndexOptions) error) *cobra.Command {
	opts := &IndexOptions{F: f}
	cmd := &cobra.Command{
		Use:   "index [--rebuild]",
		Short: "Bring the search index up to date with the stored models",
		Long: `Bring the search index (<data>/index) up to date with the store: models
that are new, have a new version, changed content or a new coding are
(re)indexed, models no longer stored are removed, the rest are left alone.
--rebuild builds a new index beside it (<data>/index.rebuild) and swaps it
in when complete, so an interrupted rebuild leaves the index in use as it
was. An interrupted update marks the index incomplete; search and serve
warn until an index run finishes.

Only one process may write the index. While another innokyla holds it
(index, search or serve), this command stops within a second with an error
instead of waiting.`,
		Example: "  innokyla index\n  innokyla index --rebuild",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runIndex(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Rebuild, "rebuild", false, "delete the index and build it again from the store")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write the summary as one JSON object")
	return cmd
}

func runIndex(ctx context.Context, opts *IndexOptions) error {
	st, err := opts.F.WriteStore(ctx, false)
	if err != nil {
		return err
	}
	path := opts.F.IndexPath()
	start := time.Now()
	build := path
	if !opts.Rebuild {
		// What an interrupted rebuild left beside the index goes; the
		// data directory's lock says no rebuild is running.
		if err := index.Remove(path + ".rebuild"); err != nil {
			return indexErr(err, path+".rebuild")
		}
	}
	if opts.Rebuild {
		// Built aside and swapped in whole: an interrupted rebuild leaves
		// the index in use as it was.
		build = path + ".rebuild"
		if err := index.Remove(build); err != nil {
			return indexErr(err, build)
		}
	}
	ix, err := index.Open(build, index.Options{})
	if err != nil {
		return indexErr(err, build)
	}
	stats, err := ix.Sync(ctx, func(yield func(*model.Model) error) error {
		return eachProgress(ctx, opts.F, st, store.Query{}, "index", yield)
	})
	if err == nil && (opts.Rebuild || stats.Rebuilt || stats.Added+stats.Updated+stats.Removed > 0) {
		// Searches read every segment: let the merges the build left
		// behind finish (a minute at 1,000,000 models).
		err = ix.Compact(ctx)
	}
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err == nil && opts.Rebuild {
		err = index.Swap(path, build)
	}
	if err != nil {
		if opts.Rebuild {
			return fmt.Errorf("index --rebuild: %w; the index in use is unchanged", err)
		}
		return fmt.Errorf("index: %w; the index is marked incomplete until an index run finishes", err)
	}
	total := stats.Added + stats.Updated + stats.Unchanged
	how := "updated"
	if opts.Rebuild || stats.Rebuilt {
		how = "rebuilt"
	}
	took := time.Since(start)
	if opts.JSON {
		return writeJSON(opts.F.Out, indexSummary{How: how, Models: total, Added: stats.Added, Updated: stats.Updated,
			Removed: stats.Removed, Unchanged: stats.Unchanged, Seconds: took.Seconds()})
	}
	fmt.Fprintf(opts.F.Out, "Index %s: %s (%d added, %d updated, %d removed, %d unchanged) in %s\n",
		how, count(total, "model"), stats.Added, stats.Updated, stats.Removed, stats.Unchanged, took.Round(time.Millisecond))
	return nil
}

// indexSummary is the JSON of the index summary: what the text shows.
type indexSummary struct {
	How       string  `json:"how"` // "updated" or "rebuilt"
	Models    int     `json:"models"`
	Added     int     `json:"added"`
	Updated   int     `json:"updated"`
	Removed   int     `json:"removed"`
	Unchanged int     `json:"unchanged"`
	Seconds   float64 `json:"seconds"`
}

// indexErr adds what to try when the index is busy or missing.
// openIndexReader opens the index read-only for search and serve, with a
// warning on stderr while it is incomplete.
func openIndexReader(f *Factory) (*index.Index, error) {
	path := f.IndexPath()
	ix, err := index.Open(path, index.Options{ReadOnly: true})
	if err != nil {
		return nil, indexErr(err, path)
	}
	warnIncomplete(f, ix)
	return ix, nil
}

// warnIncomplete warns on stderr while the index is marked incomplete.
func warnIncomplete(f *Factory, ix *index.Index) {
	if ix.Incomplete() {
		fmt.Fprintf(f.Err, "warning: the index at %s is incomplete (an index run was interrupted or failed): "+
			"some models are missing from the results until innokyla index finishes\n", ix.Path())
	}
}

func indexErr(err error, path string) error {
	switch {
	case errors.Is(err, index.ErrLocked):
		return withHint(err, fmt.Sprintf("Try: stop the other innokyla process using %s (index, search or serve) and run again", path))
	case errors.Is(err, index.ErrNoIndex):
		return withHint(err, "Try: innokyla index")
	case errors.Is(err, index.ErrOutdated):
		return withHint(err, "Try: innokyla index (it rebuilds the index for this version)")
	}
	return err
}
