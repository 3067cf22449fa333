package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/innokyla/innokyla/model"
)

// ToCode is the latest version of one model as a classify run needs it:
// its record still encoded, so that workers decode in parallel, and the
// coding the run's codebook already made of this version, if any.
type ToCode struct {
	ID      string
	Version int
	record  string // "" when Coded is set
	coded   []byte
}

// Coded reports whether this version already has a coding by the codebook.
func (t *ToCode) Coded() bool { return t.coded != nil }

// Model decodes the record (only for a version not yet coded).
func (t *ToCode) Model() (*model.Model, error) {
	m := new(model.Model)
	if err := decodeShared(t.record, m); err != nil {
		return nil, fmt.Errorf("decode record of %s: %w", t.ID, err)
	}
	return m, nil
}

// Coding decodes the stored coding of a version already coded.
func (t *ToCode) Coding() (*model.Participation, error) {
	p := new(model.Participation)
	if err := decode(t.coded, p); err != nil {
		return nil, fmt.Errorf("decode coding of %s: %w", t.ID, err)
	}
	return p, nil
}

// EachToCode streams the latest version of every model that is not
// withdrawn, ordered by id, with the coding that codebook identity already
// made of that version. A version's content does not change, so a run with
// the same codebook reads only the small coding of a version it coded
// before, not its text. With recode every version comes with its text.
func (s *Store) EachToCode(ctx context.Context, identity string, recode bool, fn func(*ToCode) error) error {
	q, args := toCodeQuery(identity, recode)
	c, release, err := s.bulkConn(ctx)
	if err != nil {
		return fmt.Errorf("read models to code: %w", err)
	}
	defer release()
	rows, err := c.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("read models to code: %w", err)
	}
	defer rows.Close()
	var p populator
	defer p.wait() // before release unmaps the file
	for rows.Next() {
		p.start(s.path)
		t := new(ToCode)
		// The record is taken as the driver's string, not copied into a
		// []byte (225 MB less at 100,000 models), and decoded in place
		// (decodeShared).
		var record sql.NullString
		if err := rows.Scan(&t.ID, &t.Version, &record, &t.coded); err != nil {
			return fmt.Errorf("read models to code: %w", err)
		}
		t.record = record.String
		if err := fn(t); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read models to code: %w", err)
	}
	return nil
}

// toCodeQuery is EachToCode's query. With recode there is no join with the
// codings at all: a join on a false condition still made SQLite scan every
// coding for every model (100,000 models took minutes instead of seconds).
func toCodeQuery(identity string, recode bool) (string, []any) {
	if recode {
		return `SELECT c.id, c.version, m.record, NULL
		 FROM current c JOIN models m ON m.id = c.id AND m.version = c.version
		 WHERE c.withdrawn = '' ORDER BY c.id`, nil
	}
	return `SELECT c.id, c.version, CASE WHEN k.participation IS NULL THEN m.record END, k.participation
		 FROM current c JOIN models m ON m.id = c.id AND m.version = c.version
		 LEFT JOIN codings k ON k.id = c.id AND k.version = c.version AND k.codebook = ?
		 WHERE c.withdrawn = '' ORDER BY c.id`, []any{identity}
}
