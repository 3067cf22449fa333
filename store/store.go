package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/innokyla/innokyla/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned by Get when no model has the id or url.
var ErrNotFound = errors.New("model not found")

// Store is a corpus of practice models in one SQLite file.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool // opened by OpenReadOnly

	mu       sync.Mutex
	prepared map[string]*sql.Stmt // statements of the write paths, prepared once
}

// Open opens or creates the corpus at path, creating its directory, and
// brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-8192)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.prepared {
		st.Close()
	}
	s.prepared = nil
	s.mu.Unlock()
	return s.db.Close()
}

// stmt returns query prepared in tx. The statement is prepared on the
// database once and reused by every later transaction on the same
// connection: a crawl writes thousands of small transactions, and
// preparing their statements anew cost as much as running them.
func (s *Store) stmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	st, ok := s.prepared[query]
	if !ok {
		var err error
		if st, err = s.db.PrepareContext(ctx, query); err != nil {
			s.mu.Unlock()
			return nil, err
		}
		if s.prepared == nil {
			s.prepared = map[string]*sql.Stmt{}
		}
		s.prepared[query] = st
	}
	s.mu.Unlock()
	return tx.StmtContext(ctx, st), nil
}

// DB gives extensions inside this package's callers (the crawl frontier)
// the database handle.
func (s *Store) DB() *sql.DB { return s.db }

// ReadOnly reports whether the store was opened by OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Path is the file the store lives in.
func (s *Store) Path() string { return s.path }

// PutResult tells what Put did.
type PutResult int

// What Put did with a model.
const (
	Unchanged PutResult = iota // same content as the latest version
	New                        // first version of a model
	Changed                    // a new version beside the earlier ones
)

func (r PutResult) String() string {
	return [...]string{"unchanged", "new", "changed"}[r]
}

// Put stores m. A model whose content hash equals its latest version is left
// as it is; a changed one gets the next version number. Put sets m.Version
// and m.ContentSHA256. The coding in m.Participation, if any, is stored with
// the version.
func (s *Store) Put(ctx context.Context, m *model.Model) (PutResult, error) {
	if m.ID == "" {
		return Unchanged, fmt.Errorf("put %q: model has no id", m.URL)
	}
	m.ContentSHA256 = m.Hash()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Unchanged, fmt.Errorf("put %s: %w", m.ID, err)
	}
	defer tx.Rollback()
	res, err := put(ctx, tx, m)
	if err != nil {
		return Unchanged, fmt.Errorf("put %s: %w", m.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return Unchanged, fmt.Errorf("put %s: %w", m.ID, err)
	}
	return res, nil
}

// BatchSize is how many models (PutAll) or codings (SaveCodings) the
// commands write per transaction: large enough that a transaction's fixed
// cost is small, small enough that a batch is little memory.
const BatchSize = 500

// PutAll stores many models in one transaction and returns one result each.
func (s *Store) PutAll(ctx context.Context, ms []*model.Model) ([]PutResult, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer tx.Rollback()
	p, err := newPutter(ctx, tx, s)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer p.close()
	out := make([]PutResult, len(ms))
	for i, m := range ms {
		if m.ID == "" {
			return nil, fmt.Errorf("put %q: model has no id", m.URL)
		}
		m.ContentSHA256 = m.Hash()
		if out[i], err = p.put(ctx, tx, m); err != nil {
			return nil, fmt.Errorf("put %s: %w", m.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	return out, nil
}

func put(ctx context.Context, tx *sql.Tx, m *model.Model) (PutResult, error) {
	p, err := newPutter(ctx, tx, nil)
	if err != nil {
		return Unchanged, err
	}
	defer p.close()
	return p.put(ctx, tx, m)
}

// Statements of put.
const (
	latestSQL  = `SELECT m.version, m.content_sha256 FROM current c JOIN models m ON m.id = c.id AND m.version = c.version WHERE c.id = ?`
	modelSQL   = `INSERT INTO models (id, version, url, region, created, content_sha256, fetched_at, record, meta) VALUES (?,?,?,?,?,?,?,?,?)`
	currentSQL = `INSERT INTO current (id, version, url, region, created) VALUES (?,?,?,?,?)
		 ON CONFLICT(id) DO UPDATE SET version=excluded.version, url=excluded.url, region=excluded.region, created=excluded.created`
)

// putter holds the statements of put prepared in a transaction, so a
// transaction writing many models parses them once; with a store they
// come from its statements prepared once.
type putter struct {
	latest, insModel, setCurrent *sql.Stmt
}

func newPutter(ctx context.Context, tx *sql.Tx, s *Store) (*putter, error) {
	prepare := func(q string) (*sql.Stmt, error) {
		if s != nil {
			return s.stmt(ctx, tx, q)
		}
		return tx.PrepareContext(ctx, q)
	}
	var p putter
	var err error
	if p.latest, err = prepare(latestSQL); err != nil {
		return nil, err
	}
	if p.insModel, err = prepare(modelSQL); err != nil {
		p.close()
		return nil, err
	}
	if p.setCurrent, err = prepare(currentSQL); err != nil {
		p.close()
		return nil, err
	}
	return &p, nil
}

func (p *putter) close() {
	for _, st := range []*sql.Stmt{p.latest, p.insModel, p.setCurrent} {
		if st != nil {
			st.Close()
		}
	}
}

func (p *putter) put(ctx context.Context, tx *sql.Tx, m *model.Model) (PutResult, error) {
	var version int
	var sum string
	err := p.latest.QueryRowContext(ctx, m.ID).Scan(&version, &sum)
	res := New
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return Unchanged, err
	case sum == m.ContentSHA256:
		m.Version = version
		if m.Participation != nil {
			return Unchanged, saveCoding(ctx, tx, m.ID, version, codedAt(), m.Participation)
		}
		return Unchanged, nil
	default:
		res = Changed
	}
	m.Version = version + 1
	p0 := m.Participation
	m.Participation = nil
	rec, err := json.Marshal(m)
	m.Participation = p0
	if err != nil {
		return Unchanged, err
	}
	sections := m.Sections
	m.Sections, m.Participation = nil, nil
	meta, err := json.Marshal(m)
	m.Sections, m.Participation = sections, p0
	if err != nil {
		return Unchanged, err
	}
	if _, err := p.insModel.ExecContext(ctx,
		m.ID, m.Version, m.URL, m.Region, m.Created, m.ContentSHA256, formatTime(m.FetchedAt), string(rec), string(meta)); err != nil {
		return Unchanged, err
	}
	if _, err := p.setCurrent.ExecContext(ctx, m.ID, m.Version, m.URL, m.Region, m.Created); err != nil {
		return Unchanged, err
	}
	if p0 != nil {
		if err := saveCoding(ctx, tx, m.ID, m.Version, codedAt(), p0); err != nil {
			return Unchanged, err
		}
	}
	return res, nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
