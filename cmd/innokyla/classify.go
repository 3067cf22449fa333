package main

// PLACEHOLDER: owned by the classifier helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// ClassifyOptions are the flags of the classify command.
type ClassifyOptions struct{ F *Factory }

// NewCmdClassify builds the classify command.
func NewCmdClassify(f *Factory, runF func(context.Context, *ClassifyOptions) error) *cobra.Command {
	opts := &ClassifyOptions{F: f}
	return &cobra.Command{
		Use:   "classify",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runClassify(cmd.Context(), opts)
		},
	}
}

func runClassify(ctx context.Context, opts *ClassifyOptions) error {
	return fmt.Errorf("classify is not built yet")
}
