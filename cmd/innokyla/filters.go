package main

import (
	"fmt"

	"github.com/innokyla/innokyla/region"
)

// parseRegions reads the --region flags of crawl, report and search: the
// canonical names they stand for, each once, in the order first named.
func parseRegions(filters []string) ([]string, error) {
	names, err := region.Parse(filters...)
	if err != nil {
		return nil, withHint(usageError(fmt.Errorf("--region: %w", err)),
			`Try: a welfare region (Pirkanmaa), a short name (Pirha), a municipality (Tampere) or "Uusimaa"`)
	}
	return names, nil
}
