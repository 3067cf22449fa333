package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/innokyla/innokyla/model"
)

// Coding is the participation coding of one model version.
type Coding struct {
	ID      string
	Version int
	P       *model.Participation
}

// SaveCodings stores codings in one transaction. A coding by the same
// codebook version replaces the earlier one of that model version; codings
// by other codebook versions are kept.
// It is for a few codings (classify --url): classify's batches over the
// whole corpus go through a CodingWriter, whose mapped connection,
// writeback and checkpoint a few codings do not need.
func (s *Store) SaveCodings(ctx context.Context, cs []Coding) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	defer tx.Rollback()
	now := codedAt()
	for _, c := range cs {
		if err := saveCoding(ctx, tx, c.ID, c.Version, now, c.P); err != nil {
			return fmt.Errorf("save coding of %s: %w", c.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	return nil
}

// CodingWriter stores codings batch after batch on one connection of its
// own with the corpus mapped into memory (classify's writer).
//
// Its commits do not checkpoint the write-ahead log: classify reads the
// models in one long transaction beside it, and while that reader's
// snapshot is older than the log SQLite's checkpoint after every commit
// past 1,000 log pages can copy nothing back; the log grows to the size of
// the codings either way (66 MB at 100,000 models). Close checkpoints once,
// when the reader is done; meanwhile the kernel is asked to write the log
// (and then the database) out as it grows (startWriteback).
type CodingWriter struct {
	conn       *sql.Conn
	release    func()
	checkpoint int    // the connection's wal_autocheckpoint before
	writeback  func() // stops the writeback of the log and the database
}

// NewCodingWriter takes a connection for storing codings; Close gives it
// back.
func (s *Store) NewCodingWriter(ctx context.Context) (*CodingWriter, error) {
	c, release, err := s.bulkConn(ctx)
	if err != nil {
		return nil, fmt.Errorf("save codings: %w", err)
	}
	w := &CodingWriter{conn: c, release: release}
	err = c.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&w.checkpoint)
	if err == nil {
		_, err = c.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0")
	}
	if err != nil {
		release()
		return nil, fmt.Errorf("save codings: %w", err)
	}
	w.writeback = startWriteback(writebackInterval, s.path+"-wal", s.path)
	return w, nil
}

// writebackInterval is how often a coding writer has the kernel start
// writing the log and the database to disk.
const writebackInterval = 100 * time.Millisecond

// Save stores one batch of codings in one transaction, as SaveCodings.
// A cancelled ctx stops it before the batch, not inside: the driver
// watches a cancellable context with a goroutine of its own for every
// statement, which for 100,000 inserts cost more than a batch takes.
func (w *CodingWriter) Save(ctx context.Context, cs []Coding) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	ctx = context.WithoutCancel(ctx)
	tx, err := w.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertCoding)
	if err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	defer stmt.Close()
	now := codedAt()
	for _, c := range cs {
		args, err := codingArgs(c.ID, c.Version, now, c.P)
		if err == nil {
			_, err = stmt.ExecContext(ctx, args...)
		}
		if err != nil {
			return fmt.Errorf("save coding of %s: %w", c.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	return nil
}

// Close checkpoints the log and gives the connection back. A checkpoint
// that cannot finish (another reader still holds an old snapshot) leaves
// the rest to SQLite's next automatic one; nothing is lost either way.
func (w *CodingWriter) Close() {
	if w.release == nil {
		return
	}
	ctx := context.Background() // the caller's may be cancelled by now
	w.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	w.writeback() // after the checkpoint, whose writes it starts too
	w.conn.ExecContext(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", w.checkpoint))
	w.release()
	w.release = nil
}

const insertCoding = `INSERT INTO codings (id, version, codebook, coded_at, participation) VALUES (?,?,?,?,?)
	ON CONFLICT(id, version, codebook) DO UPDATE SET coded_at=excluded.coded_at, participation=excluded.participation`

// codingArgs are the values of insertCoding for one coding.
func codingArgs(id string, version int, now string, p *model.Participation) ([]any, error) {
	b, err := encode(p)
	if err != nil {
		return nil, err
	}
	return []any{id, version, p.Codebook, now, string(b)}, nil
}

// codedAt is the time a coding is stored now, as the codings hold it.
func codedAt() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// saveCoding stores one coding inside tx (SaveCodings, and Put and PutAll
// with a coding), coded at now.
func saveCoding(ctx context.Context, tx *sql.Tx, id string, version int, now string, p *model.Participation) error {
	args, err := codingArgs(id, version, now, p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, insertCoding, args...)
	return err
}
