package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
	"github.com/innokyla/innokyla/store"
	"github.com/spf13/cobra"
)

// ImportOptions are the arguments of the import command.
type ImportOptions struct {
	F     *Factory
	Paths []string
	JSON  bool   // --json: the summary as one JSON object on stdout
	Coder string // --coder: whose coding a .qdpx project is
}

// NewCmdImport builds the import command.
func NewCmdImport(f *Factory, runF func(context.Context, *ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{F: f}
	cmd := &cobra.Command{
		Use:   "import FILE|DIR... | import PROJECT.qdpx --coder NAME",
		Short: "Store models from JSONL records (the export schema) or saved HTML pages",
		Long: `Store practice models from files.

A .jsonl (or .json) file holds one record per line in the export schema. An
.html file is a saved model page; a saved kehittamisen-polku page beside it
(DIR/kehittamisen-polku/index.html or a file whose name contains
"kehittamisen-polku") is merged into the same model. A directory is walked.

Every file is checked whole before anything of it is stored: a malformed line
stops the import with the file and line number, and nothing stored earlier is
touched. A changed model gets a new version; the earlier one is kept.
Prints how many files and models were imported (--json: as one object).

A .qdpx file is a REFI-QDA project (export --format qdpx, coded in NVivo,
ATLAS.ti, MAXQDA or QualCoder) read back as the coding of the person named by
--coder: each source that is a stored model's latest version counts as coded
whole by them, its methods and phases from the codes of its selections (codes
matched to the codebook by GUID, else by name), each selection a passage of
evidence. Sources of a model that changed since the export are skipped and
named. It replaces that person's earlier coding of those versions and never
touches the models or the machine's codings.`,
		Example: "  innokyla import testdata/realdev/records.jsonl\n  innokyla import --json testdata/realdev/records.jsonl\n  innokyla import project.qdpx --coder \"Ella Ojamo\"",
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runImport(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write the summary as one JSON object on stdout")
	cmd.Flags().StringVar(&opts.Coder, "coder", "", "the person whose coding a .qdpx project is")
	return cmd
}

// importCounts is the summary of an import.
type importCounts struct {
	Files     int      `json:"files"`
	New       int      `json:"new"`
	Changed   int      `json:"changed"`
	Unchanged int      `json:"unchanged"`
	Notes     []string `json:"notes"`
}

func runImport(ctx context.Context, opts *ImportOptions) error {
	var jsonl, html, qdpx []string
	for _, p := range opts.Paths {
		if strings.EqualFold(filepath.Ext(p), ".qdpx") {
			qdpx = append(qdpx, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if !st.IsDir() {
			if isHTML(p) {
				html = append(html, p)
			} else {
				jsonl = append(jsonl, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch {
			case isHTML(path):
				html = append(html, path)
			case strings.HasSuffix(path, ".jsonl"), strings.HasSuffix(path, ".json"):
				jsonl = append(jsonl, path)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	if len(qdpx) > 0 {
		if len(jsonl)+len(html) > 0 {
			return usageError(fmt.Errorf("import: a .qdpx project is imported alone, not with records or pages"))
		}
		return importQDPX(ctx, opts, qdpx)
	}
	if opts.Coder != "" {
		return usageError(fmt.Errorf("import: --coder is for a .qdpx project"))
	}
	if len(jsonl)+len(html) == 0 {
		return fmt.Errorf("import: no .jsonl, .json or .html files in %s", strings.Join(opts.Paths, ", "))
	}
	s, err := opts.F.WriteStore(ctx, true)
	if err != nil {
		return err
	}
	c := importCounts{Notes: []string{}}
	for _, path := range jsonl {
		if err := importJSONLFile(ctx, opts.F, s, path, &c); err != nil {
			return err
		}
	}
	if len(html) > 0 {
		if err := importHTMLFiles(ctx, s, html, &c); err != nil {
			return err
		}
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, c)
	}
	for _, n := range c.Notes {
		fmt.Fprintln(opts.F.Err, n)
	}
	fmt.Fprintf(opts.F.Err, "imported %s: %s (%d new, %d changed, %d unchanged)\n", count(c.Files, "file"),
		count(c.New+c.Changed+c.Unchanged, "model"), c.New, c.Changed, c.Unchanged)
	return nil
}

func isHTML(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".html" || ext == ".htm"
}

// importJSONLFile checks the whole file first, then stores it in batches.
func importJSONLFile(ctx context.Context, f *Factory, s *store.Store, path string, c *importCounts) error {
	n := 0
	if err := eachJSONL(path, func(int, *model.Model) error { n++; return nil }); err != nil {
		return err
	}
	p := f.Progress("import "+filepath.Base(path), "model", n)
	defer p.Done()
	var batch []*model.Model
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := s.PutAll(ctx, batch)
		if err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
		for _, r := range res {
			c.count(r)
		}
		p.Add(len(batch))
		batch = batch[:0]
		return nil
	}
	err := eachJSONL(path, func(_ int, m *model.Model) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch = append(batch, m)
		if len(batch) == store.BatchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		c.Files++
	}
	return err
}

func (c *importCounts) count(r store.PutResult) {
	switch r {
	case store.New:
		c.New++
	case store.Changed:
		c.Changed++
	default:
		c.Unchanged++
	}
}

// eachJSONL decodes and checks every non-blank line of path.
func eachJSONL(path string, fn func(line int, m *model.Model) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	return model.ReadRecords(f, path, func(line int, m *model.Model) error {
		normaliseRegion(m)
		return fn(line, m)
	})
}

// normaliseRegion fills region and regions from region_raw and place when
// a record carries only the published value.
func normaliseRegion(m *model.Model) {
	if m.Region != "" || (m.RegionRaw == "" && m.Place == "") {
		return
	}
	m.Region, m.Regions = region.Normalize(m.RegionRaw, m.Place)
}
