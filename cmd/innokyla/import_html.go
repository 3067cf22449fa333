package main

import (
	"context"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// TODO(lead): wire crawler.Extract and region.Normalize when they land today.
func importHTMLFiles(ctx context.Context, s *store.Store, paths []string, now time.Time, c *importCounts) error {
	return fmt.Errorf("import: saved HTML pages are not supported yet")
}

func normaliseRegion(m *model.Model) {}
