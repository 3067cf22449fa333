package main

// PLACEHOLDER: owned by the classifier helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// EvaluateOptions are the flags of the evaluate command.
type EvaluateOptions struct{ F *Factory }

// NewCmdEvaluate builds the evaluate command.
func NewCmdEvaluate(f *Factory, runF func(context.Context, *EvaluateOptions) error) *cobra.Command {
	opts := &EvaluateOptions{F: f}
	return &cobra.Command{
		Use:   "evaluate",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runEvaluate(cmd.Context(), opts)
		},
	}
}

func runEvaluate(ctx context.Context, opts *EvaluateOptions) error {
	return fmt.Errorf("evaluate is not built yet")
}
