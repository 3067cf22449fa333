package main

import (
	"context"
	"fmt"
	"os"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/qda"
	"github.com/innokyla/innokyla/store"
)

// importQDPX reads REFI-QDA projects as the coding of opts.Coder.
func importQDPX(ctx context.Context, opts *ImportOptions, paths []string) error {
	coder, err := model.ParseCoder(opts.Coder)
	if err != nil {
		return withHint(usageError(fmt.Errorf("import: --coder: %w", err)), `Try: innokyla import project.qdpx --coder "Ella Ojamo"`)
	}
	s, err := opts.F.WriteStore(ctx, false)
	if err != nil {
		return err
	}
	// Source GUIDs of the latest versions, from the ids alone.
	current := map[string]string{}
	err = s.Each(ctx, store.Query{NoSections: true}, func(m *model.Model) error {
		current[qda.SourceGUID(m.ID, m.Version)] = m.ID
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	lookup := func(g string) (*model.Model, error) {
		id, ok := current[g]
		if !ok {
			return nil, nil
		}
		return s.Get(ctx, id)
	}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return fmt.Errorf("import: %w", err)
		}
		cs, warn, err := qda.Read(f, st.Size(), path, lookup)
		f.Close()
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		for _, w := range warn {
			fmt.Fprintf(opts.F.Err, "import %s: %s\n", path, w)
		}
		hcs := make([]store.HumanCoding, len(cs))
		described := 0
		for i, c := range cs {
			hcs[i] = store.HumanCoding{ID: c.ID, Version: c.Version, Coder: coder, Source: store.SourceQDA, Complete: true, P: c.P, At: opts.F.now().UTC()}
			if c.P.Described {
				described++
			}
		}
		if err := s.SaveHumanCodings(ctx, hcs); err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
		fmt.Fprintf(opts.F.Err, "imported %s: %d models coded by %s (%d describe client involvement), %d sources skipped\n",
			path, len(cs), coder, described, len(warn))
	}
	return nil
}
