package main

import (
	"context"
	"io"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/shape"
	"github.com/innokyla/innokyla/store"
)

// exportShape writes the codes or matrix table of the models q selects.
func exportShape(ctx context.Context, opts *ExportOptions, s *store.Store, q store.Query, w io.Writer) (int, error) {
	header := shape.CodesHeader
	if opts.Shape == "matrix" {
		header = shape.MatrixHeader()
	}
	var tw *shape.Writer
	if opts.Format == "csv" {
		var err error
		if tw, err = shape.NewCSV(w, header); err != nil {
			return 0, err
		}
	} else {
		tw = shape.NewJSONL(w, header)
	}
	var reviews map[string][]model.Review
	if opts.Shape == "codes" {
		var err error
		if reviews, err = s.CurrentReviews(ctx); err != nil {
			return 0, err
		}
	}
	n := 0
	err := eachProgress(ctx, opts.F, s, q, "export", func(m *model.Model) error {
		n++
		if opts.Shape == "matrix" {
			return tw.Write(shape.Matrix(m))
		}
		for _, row := range shape.Codes(m, reviews[m.ID]) {
			if err := tw.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, tw.Flush()
}
