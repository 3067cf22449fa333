package main

// PLACEHOLDER: owned by the search helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// ServeOptions are the flags of the serve command.
type ServeOptions struct{ F *Factory }

// NewCmdServe builds the serve command.
func NewCmdServe(f *Factory, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{F: f}
	return &cobra.Command{
		Use:   "serve",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runServe(cmd.Context(), opts)
		},
	}
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	return fmt.Errorf("serve is not built yet")
}
