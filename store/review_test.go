package store

import (
	"context"
	"errors"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// coded is a sample model coded by the machine with methods at the given
// confidences, each with evidence in its one section.
func coded(id string, conf map[string]string) *model.Model {
	m := sample(id, "Pirkanmaan hyvinvointialue", "2021-03-01")
	m.Sections[0].Text = "Asiakkaat osallistuivat työpajaan. Teimme kyselyn asiakkaille."
	p := &model.Participation{Codebook: "innokyla-codebook-2.0", Described: len(conf) > 0, Methods: []model.Method{}, Phases: []string{}}
	for _, id := range model.MethodIDs {
		c, ok := conf[id]
		if !ok {
			continue
		}
		p.Methods = append(p.Methods, model.Method{ID: id, Phases: []string{model.Planning}, Confidence: c,
			Evidence: []model.Evidence{{Page: model.PageMain, Section: m.Sections[0].Heading, Text: "Asiakkaat osallistuivat työpajaan.", Start: 0, End: 35, Confidence: c}}})
	}
	m.Participation = p
	return m
}

func TestReviewMakesAPersonsCodingThatClassifyKeeps(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	m := coded("a", map[string]string{"workshop": "high", "survey": "low"})
	if _, err := s.Put(ctx, m); err != nil {
		t.Fatal(err)
	}
	hc, err := s.SaveReview(ctx, &model.Review{ID: "a", Version: 1, Coder: "Ella", Code: "workshop", Decision: model.Accept, Memo: "selvä"})
	if err != nil {
		t.Fatal(err)
	}
	if hc.Complete {
		t.Fatal("one of two codes decided, but the coding is complete")
	}
	if got, _ := s.Get(ctx, "a"); got.Reviewed {
		t.Fatal("half-reviewed model counts as reviewed")
	}
	if hc, err = s.SaveReview(ctx, &model.Review{ID: "a", Version: 1, Coder: "Ella", Code: "survey", Decision: model.Reject}); err != nil {
		t.Fatal(err)
	}
	if !hc.Complete || len(hc.P.Methods) != 1 || hc.P.Methods[0].ID != "workshop" || hc.P.Coder != "Ella" {
		t.Fatalf("reviewed coding %+v", hc)
	}
	// classify runs again: the machine coding is replaced, the person's stays.
	again := coded("a", map[string]string{"workshop": "high", "survey": "low", "interview": "medium"})
	if err := s.SaveCodings(ctx, []Coding{{ID: "a", Version: 1, P: again.Participation}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		coding  string
		methods int
		coder   string
	}{
		{CodingMachine, 3, ""},
		{CodingBest, 1, "Ella"},
		{CodingReviewed, 1, "Ella"},
	} {
		t.Run(tc.coding, func(t *testing.T) {
			var got []*model.Model
			if err := s.Each(ctx, Query{Coding: tc.coding}, func(m *model.Model) error { got = append(got, m); return nil }); err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !got[0].Reviewed || len(got[0].Participation.Methods) != tc.methods || got[0].Participation.Coder != tc.coder {
				t.Fatalf("got %d models, %+v", len(got), got[0].Participation)
			}
		})
	}
	rs, err := s.Reviews(ctx, "a", 1)
	if err != nil || len(rs) != 2 || rs[1].Code != "workshop" || rs[1].Memo != "selvä" || rs[1].At.IsZero() || rs[1].Codebook != "innokyla-codebook-2.0" {
		t.Fatalf("reviews %+v %v", rs, err)
	}
}

func TestSaveReviewRefusesBadDecisions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Put(ctx, coded("a", map[string]string{"workshop": "high"})); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, coded("empty", nil)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		r    model.Review
		want error
	}{
		{"code the machine did not give", model.Review{ID: "a", Version: 1, Coder: "E", Code: "survey", Decision: model.Accept}, ErrBadReview},
		{"add without passage", model.Review{ID: "a", Version: 1, Coder: "E", Decision: model.Add, Method: &model.Method{ID: "survey"}}, ErrBadReview},
		{"none on a coded model", model.Review{ID: "a", Version: 1, Coder: "E", Code: model.NoCodes, Decision: model.Accept}, ErrBadReview},
		{"reject none", model.Review{ID: "empty", Version: 1, Coder: "E", Code: model.NoCodes, Decision: model.Reject}, ErrBadReview},
		{"no coder", model.Review{ID: "a", Version: 1, Code: "workshop", Decision: model.Accept}, ErrBadReview},
		{"unknown decision", model.Review{ID: "a", Version: 1, Coder: "E", Code: "workshop", Decision: "maybe"}, ErrBadReview},
		{"no such version", model.Review{ID: "a", Version: 7, Coder: "E", Code: "workshop", Decision: model.Accept}, ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.SaveReview(ctx, &tc.r); !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
	hc, err := s.SaveReview(ctx, &model.Review{ID: "empty", Version: 1, Coder: "E", Code: model.NoCodes, Decision: model.Accept})
	if err != nil || !hc.Complete || hc.P.Described {
		t.Fatalf("accepting an empty coding: %+v %v", hc, err)
	}
}

func TestNewVersionIsChangedSinceReview(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Put(ctx, coded("a", map[string]string{"workshop": "high"})); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveReview(ctx, &model.Review{ID: "a", Version: 1, Coder: "Ella", Code: "workshop", Decision: model.Accept}); err != nil {
		t.Fatal(err)
	}
	m2 := coded("a", map[string]string{"workshop": "high"})
	m2.Sections[0].Text = "Asiakkaat osallistuivat työpajaan keväällä."
	m2.Sections = append(m2.Sections, model.Section{Page: model.PageMain, Heading: "Uusi", Text: "Muuta."})
	if res, err := s.Put(ctx, m2); err != nil || res != Changed {
		t.Fatal(res, err)
	}
	st, err := s.ReviewState(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if st.Model.Version != 2 || st.Model.Reviewed || len(st.Reviews) != 0 {
		t.Fatalf("latest version carries the old review: %+v", st)
	}
	if st.Changed == nil || st.Changed.ReviewedVersion != 1 || len(st.Changed.Sections) != 1 || st.Changed.Sections[0].Change != "changed" {
		t.Fatalf("changed since review: %+v", st.Changed)
	}
	old, err := s.Reviews(ctx, "a", 1)
	if err != nil || len(old) != 1 {
		t.Fatalf("the old version lost its review: %v %v", old, err)
	}
	q, err := s.Queue(ctx, Query{}, 0)
	if err != nil || len(q) != 1 || !q[0].ChangedSinceReview {
		t.Fatalf("queue %+v %v", q, err)
	}
}

func TestQueueLowestConfidenceFirst(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, m := range []*model.Model{
		coded("high", map[string]string{"workshop": "high"}),
		coded("none", nil),
		coded("low", map[string]string{"workshop": "high", "survey": "low"}),
		coded("medium", map[string]string{"survey": "medium"}),
		coded("done", map[string]string{"survey": "low"}),
	} {
		if _, err := s.Put(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveReview(ctx, &model.Review{ID: "done", Version: 1, Coder: "E", Code: "survey", Decision: model.Accept}); err != nil {
		t.Fatal(err)
	}
	// A decided code no longer counts: "low" waits with its high code.
	if _, err := s.SaveReview(ctx, &model.Review{ID: "low", Version: 1, Coder: "E", Code: "survey", Decision: model.Reject}); err != nil {
		t.Fatal(err)
	}
	q, err := s.Queue(ctx, Query{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range q {
		ids = append(ids, it.ID+":"+it.Confidence)
	}
	want := []string{"medium:medium", "high:high", "low:high", "none:"}
	if len(ids) != len(want) {
		t.Fatalf("queue %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("queue %v, want %v", ids, want)
		}
	}
	if q[2].Decided != 1 || q[2].Codes != 2 {
		t.Fatalf("low: %+v", q[2])
	}
	if q, _ := s.Queue(ctx, Query{Regions: []string{"Kainuun hyvinvointialue"}}, 0); len(q) != 0 {
		t.Fatalf("region filter: %+v", q)
	}
}
