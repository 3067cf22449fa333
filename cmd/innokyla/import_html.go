package main

import (
	"context"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
	"github.com/innokyla/innokyla/store"
)

// TODO(lead): wire crawler.Extract and region.Normalize when they land today.
func importHTMLFiles(ctx context.Context, s *store.Store, paths []string, now time.Time, c *importCounts) error {
	return fmt.Errorf("import: saved HTML pages are not supported yet")
}

// normaliseRegion fills region and regions from region_raw and place when
// a record carries only the published value.
func normaliseRegion(m *model.Model) {
	if m.Region != "" || (m.RegionRaw == "" && m.Place == "") {
		return
	}
	m.Region, m.Regions = region.Normalize(m.RegionRaw, m.Place)
}
