package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/datalock"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/innokyla/innokyla/web"
)

// TestServeWritesADecisionUnderTheLock: serve's writer takes the data
// directory's lock for one decision only, and is refused while another
// writer holds it.
func TestServeWritesADecisionUnderTheLock(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	f := &Factory{DataDir: c.data, Now: time.Now}
	write := reviewWriter(f)
	decide := func(s *store.Store) error {
		_, err := s.SaveReview(context.Background(), &model.Review{ID: "kotihoidon-iltakaynnit", Version: 1, Coder: "Ella", Code: "survey", Decision: model.Accept})
		return err
	}
	other, err := datalock.Acquire(c.data, "innokyla classify", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := write(context.Background(), decide); !errors.Is(err, web.ErrBusy) {
		t.Fatalf("while classify holds the lock: %v", err)
	}
	other.Release()
	if err := write(context.Background(), decide); err != nil {
		t.Fatal(err)
	}
	// The lock was given back at once: a writer can take it.
	l, err := datalock.Acquire(c.data, "innokyla classify", time.Now())
	if err != nil {
		t.Fatalf("serve kept the lock after the decision: %v", err)
	}
	l.Release()
	if _, out, _ := c.run("explain", "kotihoidon-iltakaynnit"); !strings.Contains(out, "hyväksytty (accepted), Ella") {
		t.Errorf("the decision is not stored:\n%s", out)
	}
}
