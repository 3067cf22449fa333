package main

// PLACEHOLDER: owned by the search helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// SearchOptions are the flags of the search command.
type SearchOptions struct{ F *Factory }

// NewCmdSearch builds the search command.
func NewCmdSearch(f *Factory, runF func(context.Context, *SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{F: f}
	return &cobra.Command{
		Use:   "search",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSearch(cmd.Context(), opts)
		},
	}
}

func runSearch(ctx context.Context, opts *SearchOptions) error {
	return fmt.Errorf("search is not built yet")
}
