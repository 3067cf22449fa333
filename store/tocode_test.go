package store

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/model"
)

// toCode collects what EachToCode streams: id -> whether it came coded. It
// fails t if a model comes twice or out of id order.
func toCode(t *testing.T, s *Store, identity string, recode bool) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	last := ""
	err := s.EachToCode(context.Background(), identity, recode, func(tc *ToCode) error {
		if _, again := got[tc.ID]; again || tc.ID < last {
			t.Errorf("%s streamed after %s", tc.ID, last)
		}
		last = tc.ID
		got[tc.ID] = tc.Coded()
		if tc.Coded() {
			if _, err := tc.Coding(); err != nil {
				return err
			}
		} else if m, err := tc.Model(); err != nil || m.ID != tc.ID {
			t.Errorf("%s: record decodes to %v, %v", tc.ID, m, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestEachToCode(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var ids []string
	for i := range 10 {
		ids = append(ids, "m"+strconv.Itoa(i))
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	crawlRun(t, s, ids, nil, t0)
	// m0 is withdrawn by the next complete crawl (one in ten: under the limit).
	run := crawlRun(t, s, ids[1:], nil, t0.AddDate(0, 1, 0))
	if got, err := s.SettleCrawl(ctx, model.CrawlSettle{Run: run, Site: "site", Complete: true, Now: t0.AddDate(0, 1, 0)}); err != nil || len(got.Withdrawn) != 1 {
		t.Fatalf("settle: %+v, %v", got, err)
	}
	// m1 and m2 coded by codebook A, m3 by B.
	p := func(cb string) *model.Participation { return &model.Participation{Codebook: cb, Described: true} }
	if err := s.SaveCodings(ctx, []Coding{{ID: "m1", Version: 1, P: p("A")}, {ID: "m2", Version: 1, P: p("A")}, {ID: "m3", Version: 1, P: p("B")}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		identity string
		recode   bool
		coded    []string
	}{
		{"codebook A", "A", false, []string{"m1", "m2"}},
		{"codebook B", "B", false, []string{"m3"}},
		{"recode A", "A", true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := toCode(t, s, tc.identity, tc.recode)
			if len(got) != 9 {
				t.Errorf("streamed %d models, want the 9 not withdrawn: %v", len(got), got)
			}
			if _, ok := got["m0"]; ok {
				t.Error("the withdrawn m0 was streamed")
			}
			var coded []string
			for _, id := range ids {
				if got[id] {
					coded = append(coded, id)
				}
			}
			if strings.Join(coded, ",") != strings.Join(tc.coded, ",") {
				t.Errorf("coded %v, want %v", coded, tc.coded)
			}
		})
	}
}

// TestToCodeQueryPlan holds what made recode quadratic: SQLite's plan for
// the recode query must not visit the codings, and the other must look a
// coding up by its key, not scan the table. Both read the current versions
// from the covering index, in id order.
func TestToCodeQueryPlan(t *testing.T) {
	s := openTemp(t)
	for _, recode := range []bool{false, true} {
		t.Run("recode="+strconv.FormatBool(recode), func(t *testing.T) {
			q, args := toCodeQuery("A", recode)
			rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var plan []string
			for rows.Next() {
				var id, parent, notused int
				var detail string
				if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			all := strings.Join(plan, "\n")
			switch {
			case recode && strings.Contains(all, " k "):
				t.Errorf("recode plan visits the codings:\n%s", all)
			case !recode && !strings.Contains(all, "SEARCH k USING INDEX"):
				t.Errorf("plan does not look codings up by key:\n%s", all)
			case strings.Contains(all, "SCAN m"):
				t.Errorf("plan scans every model version:\n%s", all)
			case !strings.Contains(all, "COVERING INDEX current_live"):
				t.Errorf("plan looks every current version up in the table:\n%s", all)
			}
		})
	}
}
