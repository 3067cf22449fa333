package store

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// TestCodingWriterCheckpoint holds how classify's writer treats the log:
// its commits leave the write-ahead log to grow past SQLite's automatic
// checkpoint (1,000 pages), and Close gives the connection back as it
// found it: checkpointing after each commit again, the corpus not mapped.
func TestCodingWriterCheckpoint(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	s.db.SetMaxOpenConns(1) // the writer's connection is the one read below
	var ids []string
	for i := range 3000 {
		ids = append(ids, "m"+strconv.Itoa(i))
	}
	w, err := s.NewCodingWriter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Asiakkaat osallistuivat työpajoihin. ", 60) // ~2 KB a coding
	for start := 0; start < len(ids); start += 500 {
		var cs []Coding
		for _, id := range ids[start : start+500] {
			cs = append(cs, Coding{ID: id, Version: 1, P: &model.Participation{Codebook: "A", Described: true,
				General: []model.Evidence{{Page: "main", Section: "Kehittäminen", Text: text}}}})
		}
		if err := w.Save(ctx, cs); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(s.path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if pages := fi.Size() / 4096; pages < 1500 {
		t.Errorf("log holds %d pages after 6 MB of codings in 6 commits: it was checkpointed on the way", pages)
	}
	w.Close()
	for pragma, want := range map[string]int{"wal_autocheckpoint": 1000, "mmap_size": 0} {
		var got int
		if err := s.db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("after Close the connection has %s = %d, want %d", pragma, got, want)
		}
	}
	n := 0
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM codings`).Scan(&n); err != nil || n != len(ids) {
		t.Errorf("%d codings stored (%v), want %d", n, err, len(ids))
	}
}

// doneCounter is a context that counts how often its Done is asked for.
type doneCounter struct {
	context.Context
	n int
}

func (c *doneCounter) Done() <-chan struct{} { c.n++; return c.Context.Done() }

// TestCodingWriterSaveCancel holds how Save treats its context: a
// cancelled one stops it before the batch, storing nothing, and the
// statements of a batch run without it (the driver would watch a
// cancellable context with a goroutine of its own for each of them).
func TestCodingWriterSaveCancel(t *testing.T) {
	s := openTemp(t)
	w, err := s.NewCodingWriter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var cs []Coding
	for i := range 200 {
		cs = append(cs, Coding{ID: "m" + strconv.Itoa(i), Version: 1, P: &model.Participation{Codebook: "A"}})
	}
	live, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx := &doneCounter{Context: live}
	if err := w.Save(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if ctx.n >= len(cs) {
		t.Errorf("the context's Done was asked for %d times for %d codings: the statements watch it", ctx.n, len(cs))
	}
	cancel()
	if err := w.Save(ctx, []Coding{{ID: "late", Version: 1, P: &model.Participation{Codebook: "A"}}}); !errors.Is(err, context.Canceled) {
		t.Errorf("Save with a cancelled context: %v", err)
	}
	n := 0
	if err := s.db.QueryRow(`SELECT count(*) FROM codings`).Scan(&n); err != nil || n != len(cs) {
		t.Errorf("%d codings stored (%v), want the %d before the cancel", n, err, len(cs))
	}
}
