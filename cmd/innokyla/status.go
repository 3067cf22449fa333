package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// StatusOptions are the flags of the status command.
type StatusOptions struct {
	F    *Factory
	JSON bool
}

// NewCmdStatus builds the status command.
func NewCmdStatus(f *Factory, runF func(context.Context, *StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{F: f}
	cmd := &cobra.Command{
		Use:   "status [--json]",
		Short: "Show what the data directory holds: corpus, codings, index, last crawl",
		Long: `Show what the data directory holds: the corpus (models, stored versions,
regions), the codings per codebook version and how many models the
embedded codebook has not coded yet, how many a person reviewed, the
search index (models, how far it is behind the store, complete or not),
the last crawl (site, when, counts, complete or not) and the size of the
data directory. It reads only; it works while another command writes.`,
		Example: "  innokyla status\n  innokyla status --json",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runStatus(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write the status as one JSON object")
	return cmd
}

// statusReport is the status as text and JSON show it.
type statusReport struct {
	DataDir   string        `json:"data_dir"`
	SizeBytes int64         `json:"size_bytes"`
	Corpus    *store.Status `json:"corpus"`
	Codebook  string        `json:"codebook"`  // the embedded codebook's version
	NotCoded  int           `json:"not_coded"` // latest versions it has not coded
	Index     indexStatus   `json:"index"`
}

// indexStatus is the state of <data>/index.
type indexStatus struct {
	Exists     bool   `json:"exists"`
	Models     int    `json:"models"`
	Behind     int    `json:"behind"` // stored models not indexed as they are now
	Gone       int    `json:"gone"`   // indexed models no longer stored
	Complete   bool   `json:"complete"`
	Unreadable string `json:"unreadable,omitempty"` // why the index could not be read
}

func runStatus(ctx context.Context, opts *StatusOptions) error {
	st, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	corpus, err := st.Status(ctx)
	if err != nil {
		return err
	}
	cb := classify.Default().Identity()
	rep := &statusReport{DataDir: opts.F.DataDir, Corpus: corpus, Codebook: cb,
		NotCoded: corpus.Models - corpus.CodedBy(cb)}
	rep.Index = readIndexStatus(ctx, opts.F, st)
	if rep.SizeBytes, err = dirSize(opts.F.DataDir); err != nil {
		return fmt.Errorf("status: %w", err)
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, rep)
	}
	return writeStatus(opts.F.Out, rep)
}

func readIndexStatus(ctx context.Context, f *Factory, st *store.Store) indexStatus {
	var is indexStatus
	ix, err := index.Open(f.IndexPath(), index.Options{ReadOnly: true})
	if errors.Is(err, index.ErrNoIndex) {
		return is
	}
	is.Exists = true
	if err != nil {
		is.Unreadable = err.Error()
		return is
	}
	defer ix.Close()
	is.Complete = !ix.Incomplete()
	if is.Models, err = ix.Count(); err != nil {
		is.Unreadable = err.Error()
		return is
	}
	lag, err := ix.Lag(ctx, func(yield func(*model.Model) error) error {
		return st.Each(ctx, store.Query{NoSections: true}, yield)
	})
	if err != nil {
		is.Unreadable = err.Error()
		return is
	}
	is.Behind, is.Gone = lag.Behind, lag.Gone
	return is
}

// dirSize is the size of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}

func writeStatus(w io.Writer, r *statusReport) error {
	ew := &errWriter{w: w}
	c := r.Corpus
	ew.printf("Data directory: %s (%s)\n", r.DataDir, humanBytes(r.SizeBytes))
	ew.printf("Corpus: %s, %s stored, in %s; %s withdrawn (no longer on the site)\n", count(c.Models, "model"),
		count(c.Versions, "version"), count(c.Regions, "region"), count(c.Withdrawn, "model"))
	if len(c.Codings) == 0 {
		ew.printf("Codings: none\n")
	}
	for i, k := range c.Codings {
		label := "Codings:"
		if i > 0 {
			label = "        "
		}
		cur := ""
		if k.Codebook == r.Codebook {
			cur = " (current)"
		}
		ew.printf("%s %s by %s%s\n", label, count(k.Models, "model"), k.Codebook, cur)
	}
	if r.NotCoded > 0 {
		ew.printf("Not yet coded by %s: %s (innokyla classify)\n", r.Codebook, count(r.NotCoded, "model"))
	} else {
		ew.printf("Not yet coded by %s: none\n", r.Codebook)
	}
	ew.printf("Reviewed by a person: %s\n", count(c.Reviewed, "model"))
	ew.printf("Index: %s\n", indexLine(r.Index))
	ew.printf("Last crawl: %s\n", crawlLine(c.LastCrawl))
	return ew.err
}

func indexLine(is indexStatus) string {
	switch {
	case !is.Exists:
		return "none (innokyla index builds it)"
	case is.Unreadable != "":
		return "could not be read: " + is.Unreadable
	}
	parts := []string{count(is.Models, "model")}
	if is.Behind == 0 && is.Gone == 0 {
		parts = append(parts, "up to date with the store")
	} else {
		lag := fmt.Sprintf("behind the store by %s", count(is.Behind, "model"))
		if is.Gone > 0 {
			lag += fmt.Sprintf(" and %s no longer stored", count(is.Gone, "model"))
		}
		parts = append(parts, lag+" (innokyla index)")
	}
	if !is.Complete {
		parts = append(parts, "incomplete: an index run was interrupted or failed (innokyla index)")
	}
	return strings.Join(parts, ", ")
}

func crawlLine(r *store.Crawl) string {
	if r == nil {
		return "none"
	}
	if r.Finished == "" {
		return fmt.Sprintf("%s, started %s, not finished (stopped or failed; the same crawl command resumes it)", r.Site, r.Started)
	}
	line := fmt.Sprintf("%s, %s to %s", r.Site, r.Started, r.Finished)
	var s struct {
		Targets, New, Changed, Unchanged int
		Failed                           map[string]int
		Complete                         bool
		Withdrawn                        []string
	}
	if json.Unmarshal(r.Summary, &s) == nil {
		failed := 0
		for _, n := range s.Failed {
			failed += n
		}
		line += fmt.Sprintf("; %s found: %d new, %d changed, %d unchanged, %d failed",
			count(s.Targets, "model"), s.New, s.Changed, s.Unchanged, failed)
		if s.Complete {
			line += fmt.Sprintf("; complete (the whole site), %d withdrawn", len(s.Withdrawn))
		} else {
			line += "; not complete (filtered or with failures: nothing withdrawn)"
		}
	}
	return line
}

// humanBytes is n in B, kB, MB or GB (powers of 1000).
func humanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, i := float64(n), 0
	for f >= unit && i < 3 {
		f /= unit
		i++
	}
	return fmt.Sprintf("%.1f %s", f, []string{"B", "kB", "MB", "GB"}[i])
}
