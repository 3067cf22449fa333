package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/web"
	"github.com/spf13/cobra"
)

// SearchOptions are the flags of the search command.
type SearchOptions struct {
	F         *Factory
	Query     string   // the arguments joined by spaces
	Regions   []string // --region, as typed; resolved like crawl's
	Methods   []string // --method: IDs or labels
	Phases    []string // --phase: IDs or labels
	Stages    []string // --stage
	Years     []string // --year
	Described string   // --described: "", "true" or "false"
	Limit     int
	Offset    int
	JSON      bool
}

// NewCmdSearch builds the search command.
func NewCmdSearch(f *Factory, runF func(context.Context, *SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{F: f}
	cmd := &cobra.Command{
		Use:   "search QUERY [--region R] [--method M] [--phase P] [--stage S] [--year Y] [--described true|false]",
		Short: "Search the indexed models in Finnish, with filters and facet counts",
		Long: `Search the index built by 'innokyla index'. Words match their inflected
forms (työpaja finds työpajoissa) and the compounds they end (kysely finds
asiakaskyselyn). Query syntax: words (any may match), "a phrase", +must,
-mustnot, field:value or field:"several words" (title:, summary:, sections:,
method:, phase:, region: or alue:, hanke:, rahoittaja:, kehitysvaihe:,
vuosi:); a field value is read like the filter of the same name. Very
common words (ja, on, kanssa ...) are not indexed alone, but a phrase
keeps them: "asiakkaiden kanssa" finds only models that say it.

Filters: --region takes the same forms as crawl (Pirkanmaa, Tampere, a full
region name); --method and --phase take codebook IDs or their Finnish names;
repeat a filter for alternatives. A result shows its rank, title, region,
stage, relevance (100 % for the best hit of the search) and a snippet with the matches marked; facet counts follow. No match is not
an error (exit 0).`,
		Example: `  innokyla search "kokemusasiantuntija mielenterveys" --region Pirkanmaa
  innokyla search '"asiakkaan polku"' --method workshop --phase planning
  innokyla search työpaja --described true --json
  innokyla search 'alue:"Pirkanmaan hyvinvointialue"' --year 2023`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(strings.Join(args, " "))
			if err := opts.validate(); err != nil {
				return withHint(usageError(err), "Try: innokyla search --help")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSearch(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Regions, "region", nil, "only models in this `REGION` (repeatable)")
	fl.StringArrayVar(&opts.Methods, "method", nil, "only models coded with this `METHOD` (repeatable)")
	fl.StringArrayVar(&opts.Phases, "phase", nil, "only models with clients involved in this `PHASE` (repeatable)")
	fl.StringArrayVar(&opts.Stages, "stage", nil, "only models at this development `STAGE`: Kehitteillä, Valmis or Arvioitu (repeatable)")
	fl.StringArrayVar(&opts.Years, "year", nil, "only models created in this `YEAR` (repeatable)")
	fl.StringVar(&opts.Described, "described", "", "true: only models that describe client involvement; false: only those that do not")
	fl.IntVar(&opts.Limit, "limit", index.DefaultLimit, fmt.Sprintf("results to show (1-%d)", index.MaxLimit))
	fl.IntVar(&opts.Offset, "offset", 0, "results to skip (for paging)")
	fl.BoolVar(&opts.JSON, "json", false, "write hits, snippets and facets as JSON")
	return cmd
}

func (o *SearchOptions) validate() error {
	if o.Query == "" && len(o.Regions)+len(o.Methods)+len(o.Phases)+len(o.Stages)+len(o.Years) == 0 && o.Described == "" {
		return fmt.Errorf("give a QUERY or at least one filter")
	}
	if n := len([]rune(o.Query)); n > index.MaxQueryLen {
		return fmt.Errorf("query is %d characters; at most %d are allowed", n, index.MaxQueryLen)
	}
	if err := index.CheckQuery(o.Query); err != nil {
		return err
	}
	if o.Limit < 1 || o.Limit > index.MaxLimit {
		return fmt.Errorf("--limit %d: want 1 to %d", o.Limit, index.MaxLimit)
	}
	if o.Offset < 0 || o.Offset > index.MaxOffset {
		return fmt.Errorf("--offset %d: want 0 to %d", o.Offset, index.MaxOffset)
	}
	if o.Described != "" {
		if _, err := strconv.ParseBool(o.Described); err != nil {
			return fmt.Errorf("--described %q: want true or false", o.Described)
		}
	}
	return nil
}

// request turns the options into an index request, resolving regions,
// methods and phases.
func (o *SearchOptions) request() (index.Request, error) {
	req := index.Request{Query: o.Query, Limit: o.Limit, Offset: o.Offset}
	regions, err := parseRegions(o.Regions)
	if err != nil {
		return req, err
	}
	req.Regions = regions
	for _, f := range []struct {
		flag  string
		in    []string
		parse func(string) (string, error)
		out   *[]string
	}{
		{"--method", o.Methods, model.ParseMethod, &req.Methods},
		{"--phase", o.Phases, model.ParsePhase, &req.Phases},
		{"--stage", o.Stages, model.ParseStage, &req.Stages},
		{"--year", o.Years, model.ParseYear, &req.Years},
	} {
		if *f.out, err = model.ParseEach(f.flag, f.in, f.parse); err != nil {
			return req, usageError(err)
		}
	}
	if o.Described != "" {
		b, _ := strconv.ParseBool(o.Described) // checked in validate
		req.Described = &b
	}
	return req, nil
}

func runSearch(ctx context.Context, opts *SearchOptions) error {
	req, err := opts.request()
	if err != nil {
		return withHint(err, "Try: innokyla search --help")
	}
	ix, err := openIndexReader(opts.F)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, req)
	if errors.Is(err, index.ErrBadQuery) {
		return withHint(usageError(fmt.Errorf("search: %w", err)), `Try: plain words, "a phrase", +must -not, field:value (innokyla search --help)`)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if opts.JSON {
		return writeJSON(opts.F.Out, web.Labelled(res))
	}
	mark := [2]string{"**", "**"}
	out := opts.F.Out
	if IsTerminal(out) {
		mark = [2]string{"\x1b[1;33m", "\x1b[0m"}
		out = rawTerminal(out) // writeSearchText cleans the text itself
	}
	return writeSearchText(out, web.Labelled(res), mark)
}

// writeSearchText writes one block per hit and the facet counts. Text from
// the index is untrusted: control characters are dropped before printing.
func writeSearchText(w io.Writer, res *web.Result, mark [2]string) error {
	ew := &errWriter{w: w}
	if res.Total == 0 {
		ew.printf("No models match %q with these filters.\n", res.Query)
		ew.printf("Try fewer or other words, or fewer filters.\n")
		return ew.err
	}
	if len(res.Hits) == 0 {
		ew.printf("%s match %q, none after --offset %d.\n", count(res.Total, "model"), res.Query, res.Offset)
		return ew.err
	}
	for i, h := range res.Hits {
		region := h.Region
		if region == "" {
			region = "alue ei tiedossa"
		}
		ew.printf("%d. %s\n", res.Offset+i+1, safe.Line(h.Title))
		meta := []string{safe.Line(region)}
		if h.Stage != "" {
			meta = append(meta, safe.Line(h.Stage))
		}
		if h.Relevance > 0 {
			meta = append(meta, fmt.Sprintf("relevance %.0f %%", 100*h.Relevance))
		}
		ew.printf("   %s\n", strings.Join(meta, " · "))
		var b strings.Builder
		for _, p := range h.Snippet.Parts {
			if p.Mark {
				b.WriteString(mark[0] + safe.Line(p.Text) + mark[1])
			} else {
				b.WriteString(safe.Line(p.Text))
			}
		}
		if b.Len() > 0 {
			ew.printf("   %s\n", b.String())
		}
		ew.printf("   %s\n", safe.Line(h.URL))
	}
	ew.printf("\nShowing %d-%d of %s for %q.\n", res.Offset+1, res.Offset+len(res.Hits), count(res.Total, "model"), res.Query)
	for _, f := range res.Facets {
		if len(f.Terms) == 0 {
			continue
		}
		var terms []string
		for _, t := range f.Terms {
			terms = append(terms, fmt.Sprintf("%s %d", safe.Line(t.Label), t.Count))
		}
		ew.printf("%s: %s\n", f.Label, strings.Join(terms, ", "))
	}
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...interface{}) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
