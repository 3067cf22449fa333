package synth

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/internal/sitegen"
)

// WriteJSONL writes n generated models as JSON lines in the export schema
// of model.Model (without coding), streaming: memory does not grow with n.
func WriteJSONL(w io.Writer, n int, seed int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	g := New(seed)
	for i := 0; i < n; i++ {
		m, _ := g.Next()
		if err := enc.Encode(m); err != nil {
			return fmt.Errorf("synth: model %d: %w", i+1, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}

// WriteTruthCSV writes the true coding of the same n models in the gold
// CSV format of testdata/snapshot-gold.csv (url,described,methods,phases),
// in generation order rather than sorted by url.
func WriteTruthCSV(w io.Writer, n int, seed int64) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"url", "described", "methods", "phases"}); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	g := New(seed)
	for i := 0; i < n; i++ {
		s, t := g.NextSource()
		row := []string{sitegen.CanonicalURL(s.Slug), strconv.FormatBool(t.Described),
			strings.Join(t.MethodIDs(), ";"), strings.Join(t.Phases, ";")}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}

// WriteSite renders n generated models as a static Innokylä-like mirror
// (sitegen variant a) in dir, for crawl benchmarks over loopback. Pages
// are written as they are generated; only a short listing entry per model
// is kept until the listing and sitemaps are written at the end.
func WriteSite(dir string, n int, seed int64) error {
	w, err := sitegen.NewWriter(dir, "a")
	if err != nil {
		return err
	}
	g := New(seed)
	for _, p := range g.Projects() {
		w.AddProject(p)
	}
	for i := 0; i < n; i++ {
		s, _ := g.NextSource()
		if err := w.AddModel(s); err != nil {
			return err
		}
	}
	return w.Close()
}
