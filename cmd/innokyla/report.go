package main

// PLACEHOLDER: owned by the reports helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// ReportOptions are the flags of the report command.
type ReportOptions struct{ F *Factory }

// NewCmdReport builds the report command.
func NewCmdReport(f *Factory, runF func(context.Context, *ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{F: f}
	return &cobra.Command{
		Use:   "report",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runReport(cmd.Context(), opts)
		},
	}
}

func runReport(ctx context.Context, opts *ReportOptions) error {
	return fmt.Errorf("report is not built yet")
}
