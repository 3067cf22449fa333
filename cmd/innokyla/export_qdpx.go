package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/qda"
	"github.com/innokyla/innokyla/store"
)

// exportQDPX writes the models q selects as a REFI-QDA project.
func exportQDPX(ctx context.Context, opts *ExportOptions, s *store.Store, q store.Query, w io.Writer) (int, error) {
	name := strings.TrimSuffix(filepath.Base(opts.Out), filepath.Ext(opts.Out))
	qw := qda.NewWriter(w, name, opts.F.now())
	n := 0
	err := s.Each(ctx, q, func(m *model.Model) error {
		n++
		if err := ctx.Err(); err != nil {
			return err
		}
		return qw.Add(m)
	})
	if err != nil {
		return n, err
	}
	if err := qw.Close(); err != nil {
		return n, err
	}
	if qw.Skipped > 0 {
		fmt.Fprintf(opts.F.Err, "export: %d evidence passages no longer match their section's text and were left out\n", qw.Skipped)
	}
	return n, nil
}
