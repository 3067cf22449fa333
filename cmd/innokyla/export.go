package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ExportOptions are the flags of the export command.
type ExportOptions struct {
	F      *Factory
	Format string // jsonl | csv
	Out    string // file; "" or "-" for stdout
}

// NewCmdExport builds the export command.
func NewCmdExport(f *Factory, runF func(context.Context, *ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{F: f}
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv [--out FILE]",
		Short: "Write every stored model (latest version, with its coding) as JSONL or CSV",
		Long: `Write every stored model, latest version with its newest coding.

jsonl: one record per line, the import schema (id, url, title, summary, place,
region_raw, region, funder, project, author, created, modified, stage, sections,
fetched_at, content_sha256, participation).
csv: one row per model for R or Excel; methods and phases ';'-separated IDs,
method_phases as method:phase pairs.`,
		Example: "  innokyla export --format jsonl --out models.jsonl\n  innokyla export --format csv > models.csv",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "jsonl" && opts.Format != "csv" {
				return usageError(fmt.Errorf("--format %q: want jsonl or csv", opts.Format))
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "jsonl", "jsonl or csv")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output file (default stdout)")
	return cmd
}

func runExport(ctx context.Context, opts *ExportOptions) error {
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	var n int
	write := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		var err error
		switch opts.Format {
		case "jsonl":
			n, err = exportJSONL(ctx, opts.F, s, bw)
		default:
			n, err = exportCSV(ctx, opts.F, s, bw)
		}
		if err != nil {
			return err
		}
		return bw.Flush()
	}
	if opts.Out != "" && opts.Out != "-" {
		// Written whole or not at all, with the file's mode kept.
		err = safe.WriteFile(opts.Out, write)
	} else {
		err = write(opts.F.Out)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(opts.F.Err, "exported %s\n", count(n, "model"))
	return nil
}

func exportJSONL(ctx context.Context, f *Factory, s *store.Store, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := eachProgress(ctx, f, s, store.Query{}, "export", func(m *model.Model) error {
		n++
		return enc.Encode(m)
	})
	return n, err
}

func exportCSV(ctx context.Context, f *Factory, s *store.Store, w io.Writer) (int, error) {
	cw := safe.NewCSVWriter(w)
	if err := cw.Write(model.CSVHeader); err != nil {
		return 0, err
	}
	n := 0
	err := eachProgress(ctx, f, s, store.Query{}, "export", func(m *model.Model) error {
		n++
		return cw.Write(m.CSVRow())
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}
