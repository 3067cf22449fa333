package main

// PLACEHOLDER: owned by the classifier helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// ExplainOptions are the flags of the explain command.
type ExplainOptions struct{ F *Factory }

// NewCmdExplain builds the explain command.
func NewCmdExplain(f *Factory, runF func(context.Context, *ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{F: f}
	return &cobra.Command{
		Use:   "explain",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExplain(cmd.Context(), opts)
		},
	}
}

func runExplain(ctx context.Context, opts *ExplainOptions) error {
	return fmt.Errorf("explain is not built yet")
}
