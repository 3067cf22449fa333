package classify

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// GoldRow is one model's human coding.
type GoldRow struct {
	URL       string   `json:"url"`
	Described bool     `json:"described"`
	Methods   []string `json:"methods"`
	Phases    []string `json:"phases"`
	Line      int      `json:"-"` // line in the gold file
}

// GoldError is a gold file line that cannot be read.
type GoldError struct {
	File   string
	Line   int
	Reason string
}

func (e *GoldError) Error() string { return fmt.Sprintf("gold %s:%d: %s", e.File, e.Line, e.Reason) }

// ReadGold reads a gold CSV with the header url,described,methods,phases;
// methods and phases are ';'-separated IDs, described is true or false.
// Errors are *GoldError values naming the file and line.
func ReadGold(r io.Reader, name string) ([]GoldRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var rows []GoldRow
	header := true
	seen := map[string]int{}
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
			want := []string{"url", "described", "methods", "phases"}
			if len(rec) != 4 || !equalFold(rec, want) {
				return nil, bad("header must be %s", strings.Join(want, ","))
			}
			continue
		}
		if len(rec) != 4 {
			return nil, bad("%d fields, want 4 (url,described,methods,phases)", len(rec))
		}
		g := GoldRow{URL: strings.TrimSpace(rec[0]), Line: line}
		if g.URL == "" {
			return nil, bad("empty url")
		}
		if l, dup := seen[g.URL]; dup {
			return nil, bad("url %s already on line %d", g.URL, l)
		}
		seen[g.URL] = line
		switch strings.ToLower(strings.TrimSpace(rec[1])) {
		case "true", "1", "yes":
			g.Described = true
		case "false", "0", "no":
		default:
			return nil, bad("described %q: want true or false", rec[1])
		}
		var err2 error
		if g.Methods, err2 = splitIDs(rec[2], model.IsMethod); err2 != nil {
			return nil, bad("methods: %v", err2)
		}
		if g.Phases, err2 = splitIDs(rec[3], model.IsPhase); err2 != nil {
			return nil, bad("phases: %v", err2)
		}
		rows = append(rows, g)
	}
	if header {
		return nil, &GoldError{File: name, Line: 1, Reason: "empty file"}
	}
	return rows, nil
}

func equalFold(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(strings.TrimSpace(a[i]), b[i]) {
			return false
		}
	}
	return true
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
