package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "data", "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func sample(id, region, created string) *model.Model {
	return &model.Model{
		ID: id, URL: "https://innokyla.example/fi/toimintamalli/" + id, Title: "Malli " + id,
		Region: region, Created: created,
		Sections: []model.Section{{Page: model.PageMain, Heading: "Ratkaisun perusidea", Text: "Teksti."}},
	}
}

func TestPutKeepsVersions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	m := sample("a", "Pirkanmaan hyvinvointialue", "2021-03-01")
	if res, err := s.Put(ctx, m); err != nil || res != New || m.Version != 1 {
		t.Fatalf("first put: %v %v version %d", res, err, m.Version)
	}
	again := sample("a", "Pirkanmaan hyvinvointialue", "2021-03-01")
	if res, err := s.Put(ctx, again); err != nil || res != Unchanged || again.Version != 1 {
		t.Fatalf("same put: %v %v version %d", res, err, again.Version)
	}
	changed := sample("a", "Pirkanmaan hyvinvointialue", "2021-03-01")
	changed.Title = "Uusi nimi"
	if res, err := s.Put(ctx, changed); err != nil || res != Changed || changed.Version != 2 {
		t.Fatalf("changed put: %v %v version %d", res, err, changed.Version)
	}
	got, err := s.Get(ctx, "a")
	if err != nil || got.Title != "Uusi nimi" || got.Version != 2 {
		t.Fatalf("get: %+v %v", got, err)
	}
	byURL, err := s.Get(ctx, m.URL)
	if err != nil || byURL.ID != "a" {
		t.Fatalf("get by url: %+v %v", byURL, err)
	}
	vs, err := s.Versions(ctx, "a")
	if err != nil || len(vs) != 2 || vs[0].Title != "Malli a" || vs[1].Title != "Uusi nimi" {
		t.Fatalf("versions: %v %v", vs, err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Fatalf("count = %d, want 1", n)
	}
	if _, err := s.Get(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}
}

func TestCodingsFollowVersion(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	m := sample("b", "", "")
	s.Put(ctx, m)
	p := &model.Participation{Codebook: "test-1", Described: true,
		Methods: []model.Method{{ID: "survey", Phases: []string{model.Ideation}}}, Phases: []string{model.Ideation}}
	if err := s.SaveCodings(ctx, []Coding{{ID: "b", Version: 1, P: p}}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(ctx, "b")
	if got.Participation == nil || got.Participation.Methods[0].ID != "survey" {
		t.Fatalf("coding not returned: %+v", got.Participation)
	}
	m2 := sample("b", "", "")
	m2.Summary = "muuttui"
	s.Put(ctx, m2)
	got, _ = s.Get(ctx, "b")
	if got.Participation != nil {
		t.Fatalf("a new version must not inherit the old coding: %+v", got.Participation)
	}
}

func TestEachFilters(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	s.PutAll(ctx, []*model.Model{
		sample("c1", "Helsingin kaupunki", "2020-05-01"),
		sample("c2", "Vantaan ja Keravan hyvinvointialue", "2022-11-30"),
		sample("c3", "Vantaan ja Keravan hyvinvointialue", "2023-01-02"),
		sample("c4", "Lapin hyvinvointialue", ""),
	})
	ids := func(q Query) []string {
		var out []string
		if err := s.Each(ctx, q, func(m *model.Model) error { out = append(out, m.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	cases := []struct {
		q    Query
		want string
	}{
		{Query{}, "[c1 c2 c3 c4]"},
		{Query{Regions: []string{"Vantaan ja Keravan hyvinvointialue"}}, "[c2 c3]"},
		{Query{Until: "2022-11-30"}, "[c1 c2]"},
		{Query{Since: "2021-01-01"}, "[c2 c3]"},
		{Query{IDs: []string{"c4", "c1"}}, "[c1 c4]"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := fmtIDs(ids(c.q)); got != c.want {
				t.Errorf("%+v: got %s, want %s", c.q, got, c.want)
			}
		})
	}
}

func fmtIDs(ids []string) string {
	out := "["
	for i, id := range ids {
		if i > 0 {
			out += " "
		}
		out += id
	}
	return out + "]"
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(ctx, sample("d", "", ""))
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx); n != 1 {
		t.Fatalf("count after reopen = %d", n)
	}
	var mode string
	s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal_mode = %q, want wal", mode)
	}
}

func TestEachNoSections(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	m := sample("e", "Lapin hyvinvointialue", "2024-02-02")
	m.Participation = &model.Participation{Codebook: "c", Described: true, Phases: []string{model.Planning}}
	if _, err := s.Put(ctx, m); err != nil {
		t.Fatal(err)
	}
	var got *model.Model
	s.Each(ctx, Query{NoSections: true}, func(m *model.Model) error { got = m; return nil })
	if got == nil || len(got.Sections) != 0 || got.Title != "Malli e" || got.Region != "Lapin hyvinvointialue" ||
		got.Version != 1 || got.Participation == nil || got.Participation.Phases[0] != model.Planning {
		t.Errorf("NoSections read: %+v", got)
	}
	full, _ := s.Get(ctx, "e")
	if len(full.Sections) != 1 {
		t.Errorf("Get lost the sections: %+v", full.Sections)
	}
}

// TestEachStops checks that an error from fn, or a cancelled context, stops
// the walk that reads ahead of fn and gives its connection back: the store
// still reads afterwards.
func TestEachStops(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ms []*model.Model
	for i := 0; i < 3*eachAhead; i++ {
		ms = append(ms, sample(fmt.Sprintf("m%03d", i), "Lapin hyvinvointialue", ""))
	}
	if _, err := s.PutAll(ctx, ms); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop here")
	t.Run("fn error", func(t *testing.T) {
		n := 0
		err := s.Each(ctx, Query{}, func(m *model.Model) error {
			if n++; n == 2 {
				return stop
			}
			return nil
		})
		if err != stop || n != 2 {
			t.Fatalf("got %v after %d models, want the error as it is after 2", err, n)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		n := 0
		err := s.Each(cctx, Query{}, func(m *model.Model) error {
			if n++; n == 2 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || n != 2 {
			t.Fatalf("got %v after %d models, want context.Canceled after 2", err, n)
		}
	})
	n := 0
	if err := s.Each(ctx, Query{}, func(*model.Model) error { n++; return nil }); err != nil || n != len(ms) {
		t.Fatalf("after stopping: %d models, %v", n, err)
	}
}

// The models Each yields keep their text after the walk goes on: they
// share the memory of their own row's record (scanModel), never a buffer
// the next row reuses. Each holds them all and compares them afterwards
// with the same models read one by one.
func TestEachModelsOutliveRows(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ms []*model.Model
	for i := 0; i < 2*eachAhead+7; i++ {
		m := sample(fmt.Sprintf("m%03d", i), "Lapin hyvinvointialue", "2022-01-0"+fmt.Sprint(1+i%9))
		m.Summary = fmt.Sprintf("Tiivistelmä %d: \"lainattu\" ja äöå %s", i, strings.Repeat("sana ", i))
		m.Sections = append(m.Sections, model.Section{Page: model.PagePath, Heading: "Kehittäminen",
			Text: fmt.Sprintf("Asiakasraati kokoontui %d kertaa.\nToinen rivi\twith a tab.", i)})
		ms = append(ms, m)
	}
	if _, err := s.PutAll(ctx, ms); err != nil {
		t.Fatal(err)
	}
	var got []*model.Model
	if err := s.Each(ctx, Query{}, func(m *model.Model) error { got = append(got, m); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ms) {
		t.Fatalf("%d models, want %d", len(got), len(ms))
	}
	for _, m := range got {
		want, err := s.GetVersion(ctx, m.ID, m.Version)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m, want) {
			t.Fatalf("%s after the walk:\n%+v\nread alone:\n%+v", m.ID, m, want)
		}
	}
}
