package main

// PLACEHOLDER: owned by the lead helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// ExportOptions are the flags of the export command.
type ExportOptions struct{ F *Factory }

// NewCmdExport builds the export command.
func NewCmdExport(f *Factory, runF func(context.Context, *ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{F: f}
	return &cobra.Command{
		Use:   "export",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runExport(cmd.Context(), opts)
		},
	}
}

func runExport(ctx context.Context, opts *ExportOptions) error {
	return fmt.Errorf("export is not built yet")
}
