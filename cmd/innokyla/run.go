package main

// PLACEHOLDER: owned by the lead helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// RunOptions are the flags of the run command.
type RunOptions struct{ F *Factory }

// NewCmdRun builds the run command.
func NewCmdRun(f *Factory, runF func(context.Context, *RunOptions) error) *cobra.Command {
	opts := &RunOptions{F: f}
	return &cobra.Command{
		Use:   "run",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runRun(cmd.Context(), opts)
		},
	}
}

func runRun(ctx context.Context, opts *RunOptions) error {
	return fmt.Errorf("run is not built yet")
}
