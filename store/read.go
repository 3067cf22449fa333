package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/innokyla/innokyla/model"
)

// Query selects the latest versions of models. Empty fields select all.
type Query struct {
	IDs     []string
	URLs    []string
	Regions []string // canonical region names (primary region)
	Since   string   // created on or after, ISO date
	Until   string   // created on or before, ISO date
	// NoSections leaves the sections out: for readers that need only the
	// fields and the coding (reports), several times faster.
	NoSections bool
	// Coding chooses the coding each model comes with: CodingMachine (or
	// "") the classifier's, CodingReviewed a person's whole coding and
	// only models that have one, CodingBest a person's where there is
	// one and the classifier's elsewhere.
	Coding string
	// IncludeWithdrawn also selects the models a complete crawl no longer
	// found; by default they are left out.
	IncludeWithdrawn bool
	// AsOf, when set, selects the version of each model that was current
	// then (the latest fetched at or before it) and leaves out the models
	// withdrawn then; the filters apply to that version's region and dates.
	AsOf time.Time
}

// Codings a Query can read.
const (
	CodingMachine  = "machine"
	CodingReviewed = "reviewed"
	CodingBest     = "best"
)

// ParseCoding reads --coding and the API's coding parameter.
func ParseCoding(s string) (string, error) {
	switch s {
	case CodingMachine, CodingReviewed, CodingBest:
		return s, nil
	}
	return "", fmt.Errorf("want machine, reviewed or best")
}

// latestCoding picks the newest coding of a model version.
const latestCoding = `(SELECT participation FROM codings k WHERE k.id = m.id AND k.version = m.version ORDER BY coded_at DESC, codebook DESC LIMIT 1)`

// humanCoding picks the newest whole coding of a model version by a
// person; reviewed says there is one.
const (
	humanCoding = `(SELECT participation FROM human_codings h WHERE h.id = m.id AND h.version = m.version AND h.complete = 1 ORDER BY h.coded_at DESC LIMIT 1)`
	reviewed    = `EXISTS (SELECT 1 FROM human_codings h WHERE h.id = m.id AND h.version = m.version AND h.complete = 1)`
)

func (q Query) codingColumn() string {
	switch q.Coding {
	case CodingReviewed:
		return humanCoding
	case CodingBest:
		return "COALESCE(" + humanCoding + ", " + latestCoding + ")"
	}
	return latestCoding
}

// Get returns the latest version of the model whose id or url is ref, with
// its newest coding. It returns ErrNotFound when there is none.
func (s *Store) Get(ctx context.Context, ref string) (*model.Model, error) {
	row := s.db.QueryRowContext(ctx,
		`SELECT m.record, `+latestCoding+`, `+reviewed+` FROM current c JOIN models m ON m.id = c.id AND m.version = c.version
		 WHERE c.id = ? OR c.url = ? LIMIT 1`, ref, ref)
	m, err := scanModel(row.Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%q: %w", ref, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", ref, err)
	}
	return m, nil
}

// Each calls fn with the latest version of every model q selects, ordered by
// id, streaming from the database. An error from fn stops the walk and is
// returned as it is.
//
// A goroutine of its own reads and decodes the models, eachAhead ahead of
// fn, on a connection with the database mapped into memory: the index
// build spent 3.9 of its CPU-seconds at 100,000 models here, in the
// goroutine that also builds its documents.
func (s *Store) Each(ctx context.Context, q Query, fn func(*model.Model) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ms := make(chan *model.Model, eachAhead)
	errc := make(chan error, 1)
	go func() {
		defer close(ms)
		errc <- s.each(ctx, q, ms)
	}()
	for m := range ms {
		err := ctx.Err() // the caller's: stop at once, not eachAhead later
		if err == nil {
			err = fn(m)
		} else {
			err = fmt.Errorf("read models: %w", err)
		}
		if err != nil {
			cancel()
			for range ms { // let the reader stop and release its connection
			}
			return err
		}
	}
	return <-errc
}

// eachAhead is how many decoded models Each's reader may hold before fn
// takes them.
const eachAhead = 64

// each sends what Each reads to ms.
func (s *Store) each(ctx context.Context, q Query, ms chan<- *model.Model) error {
	from, args := q.from()
	where, wargs := q.where()
	c, release, err := s.bulkConn(ctx)
	if err != nil {
		return fmt.Errorf("read models: %w", err)
	}
	defer release()
	rows, err := c.QueryContext(ctx,
		`SELECT `+q.recordColumn()+`, `+q.codingColumn()+`, `+reviewed+from+where+` ORDER BY c.id`, append(args, wargs...)...)
	if err != nil {
		return fmt.Errorf("read models: %w", err)
	}
	defer rows.Close()
	var p populator
	defer p.wait() // before release unmaps the file
	for rows.Next() {
		p.start(s.path)
		m, err := scanModel(rows.Scan)
		if err != nil {
			return fmt.Errorf("read models: %w", err)
		}
		select {
		case ms <- m:
		case <-ctx.Done():
			return fmt.Errorf("read models: %w", ctx.Err())
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read models: %w", err)
	}
	return nil
}

// Count returns how many models the store holds (latest versions).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM current`).Scan(&n)
	return n, err
}

// Versions returns every stored version of a model, oldest first, each with
// its newest coding.
func (s *Store) Versions(ctx context.Context, id string) ([]*model.Model, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT m.record, `+latestCoding+`, `+reviewed+` FROM models m WHERE m.id = ? ORDER BY m.version`, id)
	if err != nil {
		return nil, fmt.Errorf("versions %s: %w", id, err)
	}
	defer rows.Close()
	var out []*model.Model
	for rows.Next() {
		m, err := scanModel(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("versions %s: %w", id, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// GetVersion returns one stored version of a model by id, with its newest
// machine coding, or ErrNotFound.
func (s *Store) GetVersion(ctx context.Context, id string, version int) (*model.Model, error) {
	row := s.db.QueryRowContext(ctx,
		`SELECT m.record, `+latestCoding+`, `+reviewed+` FROM models m WHERE m.id = ? AND m.version = ?`, id, version)
	m, err := scanModel(row.Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s version %d: %w", id, version, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get %s version %d: %w", id, version, err)
	}
	return m, nil
}

// scanModel reads a row of record, coding and reviewed. The record and
// coding come as the driver's strings and are decoded in place
// (decodeShared), not copied into []byte and their strings copied out.
func scanModel(scan func(...any) error) (*model.Model, error) {
	var rec string
	var coding sql.NullString // not valid when there is none
	var done bool
	if err := scan(&rec, &coding, &done); err != nil {
		return nil, err
	}
	m := new(model.Model)
	if err := decodeShared(rec, m); err != nil {
		return nil, fmt.Errorf("decode record: %w", err)
	}
	m.Reviewed = done
	if coding.Valid {
		m.Participation = new(model.Participation)
		if err := decodeShared(coding.String, m.Participation); err != nil {
			return nil, fmt.Errorf("decode coding of %s: %w", m.ID, err)
		}
	}
	return m, nil
}

func (q Query) recordColumn() string {
	if q.NoSections {
		return "COALESCE(m.meta, m.record)" // rows stored before migration 3 have no meta
	}
	return "m.record"
}

// from joins each model's selected version: the current one, or the one
// current at AsOf.
func (q Query) from() (string, []any) {
	if q.AsOf.IsZero() {
		return ` FROM current c JOIN models m ON m.id = c.id AND m.version = c.version`, nil
	}
	return ` FROM current c JOIN models m ON m.id = c.id AND m.version =
		(SELECT max(o.version) FROM models o WHERE o.id = c.id AND o.fetched_at <= ?)`, []any{formatTime(q.AsOf)}
}

func (q Query) where() (string, []any) {
	var conds []string
	var args []any
	t := "c" // the columns of the current version, or of the one at AsOf
	if !q.AsOf.IsZero() {
		t = "m"
	}
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		conds = append(conds, col+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")+")")
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in(t+".id", q.IDs)
	in(t+".url", q.URLs)
	in(t+".region", q.Regions)
	switch {
	case q.IncludeWithdrawn:
	case q.AsOf.IsZero():
		conds = append(conds, "c.withdrawn = ''")
	default:
		at := formatTime(q.AsOf)
		conds = append(conds, "NOT EXISTS (SELECT 1 FROM withdrawals w WHERE w.id = c.id AND w.withdrawn_at <= ? AND (w.restored_at = '' OR w.restored_at > ?))")
		args = append(args, at, at)
	}
	if q.Coding == CodingReviewed {
		conds = append(conds, strings.ReplaceAll(reviewed, "m.", t+"."))
	}
	if q.Since != "" {
		conds = append(conds, t+".created >= ?")
		args = append(args, q.Since)
	}
	if q.Until != "" {
		conds = append(conds, t+".created != '' AND "+t+".created <= ?")
		args = append(args, q.Until)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}
