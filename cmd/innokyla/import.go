package main

// PLACEHOLDER: owned by the lead helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// ImportOptions are the flags of the import command.
type ImportOptions struct{ F *Factory }

// NewCmdImport builds the import command.
func NewCmdImport(f *Factory, runF func(context.Context, *ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{F: f}
	return &cobra.Command{
		Use:   "import",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runImport(cmd.Context(), opts)
		},
	}
}

func runImport(ctx context.Context, opts *ImportOptions) error {
	return fmt.Errorf("import is not built yet")
}
