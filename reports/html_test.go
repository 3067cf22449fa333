package reports

import (
	"fmt"
	"strings"
	"testing"
)

func TestHeatmapKeepsLargestGroups(t *testing.T) {
	a, _ := NewAggregator(GroupByProject)
	for i := 0; i < 60; i++ {
		for j := 0; j <= i%7; j++ {
			m := codedModel(fmt.Sprintf("m%d-%d", i, j), "t", vk, fmt.Sprintf("hanke %02d", i), "2022-01-01", true)
			a.Add(m)
		}
	}
	r := a.Result()
	c := heatmap(r, LangFI)
	if rows := (len(c.Rects)) / nPhases; rows != maxHeatmapRows+1 {
		t.Errorf("%d heatmap rows, want %d and the total", rows, maxHeatmapRows)
	}
	if !strings.Contains(c.Title, "40 suurinta ryhmää 60:stä") {
		t.Errorf("title %q does not say the chart is cut", c.Title)
	}
	for _, tx := range c.Texts {
		if tx.S == "hanke 00" { // 1 model: among the smallest
			t.Errorf("a smallest group is drawn")
		}
	}
}
