package sitegen

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// WriteGold writes the gold coding of every model as CSV with the header
// url,described,methods,phases; IDs are ';'-separated in codebook order and
// rows are sorted by url.
func WriteGold(w io.Writer, c *Corpus) error {
	rows := make([][]string, 0, len(c.Sources))
	for _, s := range c.Sources {
		rows = append(rows, []string{
			CanonicalURL(s.Slug),
			strconv.FormatBool(s.Gold.Described),
			strings.Join(inOrder(s.Gold.Methods, model.MethodIDs), ";"),
			strings.Join(inOrder(s.Gold.Phases, model.PhaseIDs), ";"),
		})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"url", "described", "methods", "phases"}); err != nil {
		return fmt.Errorf("gold csv: %w", err)
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("gold csv: %w", err)
	}
	return nil
}

// inOrder returns the IDs of ids that occur in order, in that order.
func inOrder(ids, order []string) []string {
	have := map[string]bool{}
	for _, id := range ids {
		have[id] = true
	}
	var out []string
	for _, id := range order {
		if have[id] {
			out = append(out, id)
		}
	}
	return out
}
