package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

func testModel(id, title string) *model.Model {
	return &model.Model{ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: title,
		Summary: "Kuvaus mallista " + id, Region: "Lapin hyvinvointialue", Version: 1}
}

func TestSyncIncremental(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := testModel("a", "Asiakasraati"), testModel("b", "Työpaja"), testModel("c", "Kysely")
	st, err := ix.Sync(ctx, each([]*model.Model{a, b, c}))
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Added: 3}) {
		t.Fatalf("first sync %+v, want 3 added", st)
	}
	st, err = ix.Sync(ctx, each([]*model.Model{a, b, c}))
	if err != nil || st != (Stats{Unchanged: 3}) {
		t.Fatalf("second sync %+v, %v; want 3 unchanged", st, err)
	}

	// b gets a new version with a new title, c gets a coding, a is removed.
	b2 := testModel("b", "Haastattelu")
	b2.Version = 2
	c2 := testModel("c", "Kysely")
	c2.Participation = &model.Participation{Codebook: "t", Described: true,
		Methods: []model.Method{{ID: "survey", Phases: []string{model.Planning}}}, Phases: []string{model.Planning}}
	st, err = ix.Sync(ctx, each([]*model.Model{b2, c2}))
	if err != nil || st != (Stats{Updated: 2, Removed: 1}) {
		t.Fatalf("third sync %+v, %v; want 2 updated, 1 removed", st, err)
	}
	if n, _ := ix.Count(); n != 2 {
		t.Errorf("count %d, want 2", n)
	}
	hits := func(q string, r Request) []string {
		r.Query = q
		res, err := ix.Search(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	if got := hits("työpaja", Request{}); len(got) != 0 {
		t.Errorf("old title of b still found: %v", got)
	}
	if got := hits("haastattelu", Request{}); len(got) != 1 || got[0] != "b" {
		t.Errorf("new title of b: %v", got)
	}
	if got := hits("asiakasraati", Request{}); len(got) != 0 {
		t.Errorf("removed a still found: %v", got)
	}
	if got := hits("", Request{Methods: []string{"survey"}}); len(got) != 1 || got[0] != "c" {
		t.Errorf("new coding of c: %v", got)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopened, the state is still there.
	ix, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err = ix.Sync(ctx, each([]*model.Model{b2, c2}))
	if err != nil || st != (Stats{Unchanged: 2}) {
		t.Fatalf("sync after reopen %+v, %v; want 2 unchanged", st, err)
	}
}

func TestSyncRebuildsOldSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ix.Close() }()
	if _, err := ix.Sync(ctx, each([]*model.Model{testModel("a", "A")})); err != nil {
		t.Fatal(err)
	}
	if err := ix.b.SetInternal([]byte(internalSchema), []byte("old")); err != nil {
		t.Fatal(err)
	}
	st, err := ix.Sync(ctx, each([]*model.Model{testModel("a", "A")}))
	if err != nil || st != (Stats{Added: 1, Rebuilt: true}) {
		t.Fatalf("sync over old schema %+v, %v; want rebuilt with 1 added", st, err)
	}
}

func TestSyncCancelled(t *testing.T) {
	ix := buildIndex(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ix.Sync(ctx, each([]*model.Model{testModel("a", "A")}))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}

func TestLockedIndexFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	// Open returns within its lock timeout instead of waiting for the
	// writer; a hang is caught by go test's -timeout, not by a clock here.
	for _, o := range []Options{{}, {ReadOnly: true}} {
		t.Run(fmt.Sprintf("readonly=%v", o.ReadOnly), func(t *testing.T) {
			_, err := Open(path, Options{ReadOnly: o.ReadOnly, LockTimeout: 200 * time.Millisecond})
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("open %+v while a writer holds it: %v, want ErrLocked", o, err)
			}
		})
	}
	if err := Remove(path); !errors.Is(err, ErrLocked) {
		t.Errorf("remove while held: %v, want ErrLocked", err)
	}
}

func TestReadersShareIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Sync(context.Background(), each([]*model.Model{testModel("a", "Työpaja")})); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r1, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	res, err := r2.Search(context.Background(), Request{Query: "työpajoissa"})
	if err != nil || res.Total != 1 {
		t.Fatalf("search on reader: %v, %v", res, err)
	}
	if _, err := r1.Sync(context.Background(), each(nil)); err == nil {
		t.Error("sync on a read-only index succeeded")
	}
	if _, err := Open(path, Options{LockTimeout: 100 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("writer while readers hold it: %v, want ErrLocked", err)
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none")
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("err %v, want ErrNoIndex", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a read-only open created %s", path)
	}
}

func TestRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index")
	ix, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("index still there: %v", err)
	}
}

// TestIncompleteMark: a Sync stopped before its end leaves the index
// marked incomplete, for readers too; the next complete Sync clears it.
func TestIncompleteMark(t *testing.T) {
	ms := []*model.Model{{ID: "a", Title: "Kotihoito", Version: 1}, {ID: "b", Title: "Perhetyö", Version: 1}}
	ix := buildIndex(t, ms)
	if ix.Incomplete() {
		t.Fatal("a built index is marked incomplete")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Sync(ctx, each(ms)); err == nil {
		t.Fatal("a cancelled Sync succeeded")
	}
	if !ix.Incomplete() {
		t.Error("an interrupted Sync left no mark")
	}
	if _, err := ix.Sync(context.Background(), each(ms)); err != nil {
		t.Fatal(err)
	}
	if ix.Incomplete() {
		t.Error("a complete Sync left the mark")
	}
}

// TestOutdatedSchema: a reader refuses an index built with another schema
// (its results would be quietly wrong); a writer opens it and Sync
// rebuilds it, after which readers open it again.
func TestOutdatedSchema(t *testing.T) {
	ms := []*model.Model{{ID: "a", Title: "Kotihoito", Version: 1}}
	ix := buildIndex(t, ms)
	// Written as a batch that reports when it is on disk: the writer's
	// unsafe_batch returns before that.
	b := ix.b.NewBatch()
	b.SetInternal([]byte(internalSchema), []byte("innokyla-index-1"))
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := ix.b.Batch(b); err != nil {
		t.Fatal(err)
	}
	if err := <-persisted; err != nil {
		t.Fatal(err)
	}
	path := ix.Path()
	ix.Close()
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, ErrOutdated) || !strings.Contains(err.Error(), `"innokyla-index-1"`) || !strings.Contains(err.Error(), path) {
		t.Fatalf("reader of an outdated index: %v", err)
	}
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("writer of an outdated index: %v", err)
	}
	res, err := w.Sync(context.Background(), each(ms))
	w.Close()
	if err != nil || !res.Rebuilt {
		t.Fatalf("Sync of an outdated index: %+v, %v", res, err)
	}
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reader after the rebuild: %v", err)
	}
	r.Close()
}
