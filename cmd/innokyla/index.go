package main

// PLACEHOLDER: owned by the search helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// IndexOptions are the flags of the index command.
type IndexOptions struct{ F *Factory }

// NewCmdIndex builds the index command.
func NewCmdIndex(f *Factory, runF func(context.Context, *IndexOptions) error) *cobra.Command {
	opts := &IndexOptions{F: f}
	return &cobra.Command{
		Use:   "index",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runIndex(cmd.Context(), opts)
		},
	}
}

func runIndex(ctx context.Context, opts *IndexOptions) error {
	return fmt.Errorf("index is not built yet")
}
