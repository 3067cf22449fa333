package classify

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// GoldRow is one model's human coding.
type GoldRow struct {
	URL       string   `json:"url"`
	Described bool     `json:"described"`
	Methods   []string `json:"methods"`
	Phases    []string `json:"phases"`
	// Category is the kind of case (positive, content_is_participation,
	// ...) when the gold file has a category column.
	Category string `json:"category,omitempty"`
	Line     int    `json:"-"` // line in the gold file
}

// GoldError is a gold file line that cannot be read.
type GoldError struct {
	File   string
	Line   int
	Reason string
}

func (e *GoldError) Error() string { return fmt.Sprintf("gold %s:%d: %s", e.File, e.Line, e.Reason) }

// ReadGold reads a gold CSV whose header names the columns url, described,
// methods and phases, in any order; other columns are ignored. Methods and
// phases are ';'-separated IDs, described is true or false (yes/no, 1/0).
// Errors are *GoldError values naming the file and line.
func ReadGold(r io.Reader, name string) ([]GoldRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var rows []GoldRow
	header := true
	seen := map[string]int{}
	var col [4]int
	cat, width := -1, 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &GoldError{File: name, Line: pe.StartLine, Reason: pe.Err.Error()}
			}
			return nil, fmt.Errorf("gold %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		bad := func(format string, a ...any) error {
			return &GoldError{File: name, Line: line, Reason: fmt.Sprintf(format, a...)}
		}
		if header {
			header = false
			if col, err = goldColumns(rec); err != nil {
				return nil, bad("%v", err)
			}
			width = len(rec)
			cat = slices.IndexFunc(rec, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), "category") })
			continue
		}
		field := func(i int) string { return rec[i] }
		if len(rec) != width {
			return nil, bad("%d fields, the header has %d", len(rec), width)
		}
		g := GoldRow{URL: strings.TrimSpace(rec[col[0]]), Line: line}
		if cat >= 0 {
			g.Category = strings.TrimSpace(field(cat))
		}
		if g.URL == "" {
			return nil, bad("empty url")
		}
		if l, dup := seen[g.URL]; dup {
			return nil, bad("url %s already on line %d", g.URL, l)
		}
		seen[g.URL] = line
		switch strings.ToLower(strings.TrimSpace(field(col[1]))) {
		case "true", "1", "yes":
			g.Described = true
		case "false", "0", "no":
		default:
			return nil, bad("described %q: want true or false", field(col[1]))
		}
		var err2 error
		if g.Methods, err2 = splitIDs(field(col[2]), model.IsMethod); err2 != nil {
			return nil, bad("methods: %v", err2)
		}
		if g.Phases, err2 = splitIDs(field(col[3]), model.IsPhase); err2 != nil {
			return nil, bad("phases: %v", err2)
		}
		rows = append(rows, g)
	}
	if header {
		return nil, &GoldError{File: name, Line: 1, Reason: "empty file"}
	}
	return rows, nil
}

// goldNames are the columns ReadGold reads, found by name in the header.
var goldNames = [4]string{"url", "described", "methods", "phases"}

// goldColumns finds the gold columns in a header row, in any order; other
// columns (evidence, notes) are ignored.
func goldColumns(header []string) ([4]int, error) {
	var col [4]int
	for i, name := range goldNames {
		col[i] = slices.IndexFunc(header, func(h string) bool {
			return strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), name)
		})
		if col[i] < 0 {
			return col, fmt.Errorf("header has no %q column: want the columns %s (in any order, others are ignored)",
				name, strings.Join(goldNames[:], ","))
		}
	}
	return col, nil
}

// splitIDs parses "a;b" into IDs, each checked by valid.
func splitIDs(s string, valid func(string) bool) ([]string, error) {
	out := []string{}
	for _, f := range strings.Split(s, ";") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !valid(f) {
			return nil, fmt.Errorf("unknown id %q", f)
		}
		out = append(out, f)
	}
	return out, nil
}

// WriteGold writes rows in the gold CSV format.
func WriteGold(w io.Writer, rows []GoldRow) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"url", "described", "methods", "phases"})
	for _, g := range rows {
		_ = cw.Write([]string{g.URL, fmt.Sprint(g.Described), strings.Join(g.Methods, ";"), strings.Join(g.Phases, ";")})
	}
	cw.Flush()
	return cw.Error()
}
