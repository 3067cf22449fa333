package crawler

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// diffModels describes how got differs from want, field by field.
func diffModels(got, want *model.Model) string {
	var b strings.Builder
	var g, w map[string]any
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	json.Unmarshal(gb, &g)
	json.Unmarshal(wb, &w)
	for k, wv := range w {
		if k == "sections" {
			continue
		}
		if gv := g[k]; fmt.Sprint(gv) != fmt.Sprint(wv) {
			fmt.Fprintf(&b, "  %s: got %q, want %q\n", k, fmt.Sprint(gv), fmt.Sprint(wv))
		}
	}
	n := max(len(got.Sections), len(want.Sections))
	for i := 0; i < n; i++ {
		var gs, ws model.Section
		if i < len(got.Sections) {
			gs = got.Sections[i]
		}
		if i < len(want.Sections) {
			ws = want.Sections[i]
		}
		if gs != ws {
			fmt.Fprintf(&b, "  section %d:\n    got  %q\n    want %q\n", i, gs, ws)
		}
	}
	return b.String()
}
