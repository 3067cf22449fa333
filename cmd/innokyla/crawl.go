package main

// PLACEHOLDER: owned by the crawler helper; replaced wholesale by the real command.

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// CrawlOptions are the flags of the crawl command.
type CrawlOptions struct{ F *Factory }

// NewCmdCrawl builds the crawl command.
func NewCmdCrawl(f *Factory, runF func(context.Context, *CrawlOptions) error) *cobra.Command {
	opts := &CrawlOptions{F: f}
	return &cobra.Command{
		Use:   "crawl",
		Short: "not built yet",
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCrawl(cmd.Context(), opts)
		},
	}
}

func runCrawl(ctx context.Context, opts *CrawlOptions) error {
	return fmt.Errorf("crawl is not built yet")
}
