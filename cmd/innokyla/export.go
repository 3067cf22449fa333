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
	Format string // jsonl | csv | qdpx
	Out    string // file; "" or "-" for stdout
	// Coding is whose coding is written: machine, reviewed or best; ""
	// is machine for jsonl (the import contract) and best otherwise.
	Coding string
	// Shape is the table of csv and jsonl: models (one row or record per
	// model, the default), codes (long) or matrix (wide).
	Shape string
	Excel bool // --excel: csv for Finnish Excel
}

// NewCmdExport builds the export command.
func NewCmdExport(f *Factory, runF func(context.Context, *ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{F: f}
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv|qdpx [--out FILE]",
		Short: "Write every stored model (latest version, with its coding) as JSONL or CSV",
		Long: `Write every stored model, latest version with its newest coding.

jsonl: one record per line, the import schema (id, url, title, summary, place,
region_raw, region, funder, project, author, created, modified, stage, sections,
fetched_at, content_sha256, participation).
csv: one row per model for R or Excel; methods and phases ';'-separated IDs,
method_phases as method:phase pairs.
qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder (needs
--out): each model a text source (title, Perustiedot, sections), the
codebook's methods and phases as codes, each evidence passage a selection
coded by its coder (the classifier, or the person whose reviewed coding it
is), region, project, funder and year as variables, regions as sets. Read it
back with import FILE.qdpx --coder NAME.

--shape codes (csv or jsonl): one row per code for R, Stata or a pivot table:
model_id, region, year, coder, codebook, method, phase, confidence, review
(the decision on it), page, section, evidence, start_char, end_char (characters
of the section's text); one row per passage and phase, and one row with an
empty method for a model without codes. --shape matrix: one row per model:
model_id, region, project, year, coder, codebook, described, a 0/1 column per
method, per phase and per method__phase. In jsonl the same rows are objects
with numbers as numbers (pandas.read_json(lines=True)).

--coding chooses whose coding is written: machine, reviewed (a person's,
reviewed models only) or best (a person's where there is one); the default is
machine for jsonl and best for csv and qdpx.`,
		Example: "  innokyla export --format jsonl --out models.jsonl\n  innokyla export --format csv --out models.csv\n  innokyla export --format csv --excel --out models-excel.csv",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "jsonl", "jsonl, csv or qdpx")
	cmd.Flags().StringVar(&opts.Shape, "shape", "models", "csv and jsonl: models (one row per model), codes (one row per code) or matrix (0/1 columns)")
	cmd.Flags().StringVar(&opts.Coding, "coding", "", "whose coding: machine, reviewed or best (default machine for jsonl, best otherwise)")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output file (default stdout)")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "csv for Finnish Excel: UTF-8 with a byte-order mark, ';' between cells, decimal commas")
	return cmd
}

func (o *ExportOptions) check() error {
	switch o.Format {
	case "jsonl", "csv":
	case "qdpx":
		if o.Out == "" || o.Out == "-" {
			return withHint(usageError(fmt.Errorf("--format qdpx writes a zip file: give --out FILE.qdpx")), "Try: innokyla export --format qdpx --out project.qdpx")
		}
	default:
		return usageError(fmt.Errorf("--format %q: want jsonl, csv or qdpx", o.Format))
	}
	if o.Excel && o.Format != "csv" {
		return usageError(fmt.Errorf("--excel is for --format csv, not %s", o.Format))
	}
	switch o.Shape {
	case "", "models":
		o.Shape = "models"
	case "codes", "matrix":
		if o.Format == "qdpx" {
			return usageError(fmt.Errorf("--shape %s is a table: use it with --format csv or jsonl", o.Shape))
		}
	default:
		return usageError(fmt.Errorf("--shape %q: want models, codes or matrix", o.Shape))
	}
	if o.Coding == "" {
		o.Coding = store.CodingBest
		if o.Format == "jsonl" && o.Shape == "models" {
			o.Coding = store.CodingMachine
		}
	}
	if _, err := store.ParseCoding(o.Coding); err != nil {
		return usageError(fmt.Errorf("--coding %q: %w", o.Coding, err))
	}
	return nil
}

func runExport(ctx context.Context, opts *ExportOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	s, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	var n int
	write := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		var csvOut io.Writer = bw
		if opts.Excel {
			csvOut = safe.Excel(bw) // a byte-order mark, ';' and decimal commas
		}
		var err error
		q := store.Query{Coding: opts.Coding}
		switch {
		case opts.Shape != "models":
			n, err = exportShape(ctx, opts, s, q, csvOut)
		case opts.Format == "jsonl":
			n, err = exportJSONL(ctx, opts.F, s, q, bw)
		case opts.Format == "qdpx":
			n, err = exportQDPX(ctx, opts, s, q, bw)
		default:
			n, err = exportCSV(ctx, opts.F, s, q, csvOut)
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

func exportJSONL(ctx context.Context, f *Factory, s *store.Store, q store.Query, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := eachProgress(ctx, f, s, q, "export", func(m *model.Model) error {
		n++
		return enc.Encode(m)
	})
	return n, err
}

func exportCSV(ctx context.Context, f *Factory, s *store.Store, q store.Query, w io.Writer) (int, error) {
	cw := safe.NewCSVWriter(w)
	if err := cw.Write(model.CSVHeader); err != nil {
		return 0, err
	}
	n := 0
	err := eachProgress(ctx, f, s, q, "export", func(m *model.Model) error {
		n++
		return cw.Write(m.CSVRow())
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}
