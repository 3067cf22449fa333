package main

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/internal/synth"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/web"
)

var printHits = flag.Bool("print-hits", false, "print the hits of every bench query (to update queries.go)")

// TestQueryHits builds an index of the first queryTestModels synthetic
// models, coded by the default classifier, and checks that each bench
// query finds as many models through /api/search as queries.go says.
func TestQueryHits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index of 2,000 models")
	}
	c := classify.New(classify.Default())
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	literal := map[string]uint64{}
	_, err = ix.Sync(context.Background(), func(yield func(*model.Model) error) error {
		g := synth.New(seed)
		for i := 0; i < queryTestModels; i++ {
			m, _ := g.Next()
			m.Version = 1
			m.Participation = c.Classify(m)
			text := m.Title + "\n" + m.Summary
			for _, s := range m.Sections {
				text += "\n" + s.Heading + "\n" + s.Text
			}
			text = strings.ToLower(text)
			for _, q := range benchQueries {
				if q.literal != "" && strings.Contains(text, q.literal) {
					literal[q.literal]++
				}
			}
			if err := yield(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewHandler(ix, nil))
	defer srv.Close()
	for _, q := range benchQueries {
		t.Run(q.params, func(t *testing.T) {
			resp, err := http.Get(srv.URL + "/api/search?" + q.params)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body web.SearchResponse
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != 200 {
				t.Fatalf("status %d, %v", resp.StatusCode, err)
			}
			if *printHits {
				t.Logf("%-45s %d", q.params, body.Total)
			}
			if body.Total != q.hits {
				t.Errorf("%d hits; queries.go says %d (%s)", body.Total, q.hits, q.means)
			}
			if q.literal != "" && body.Total != literal[q.literal] {
				t.Errorf("%d hits; %d models hold %q", body.Total, literal[q.literal], q.literal)
			}
			if len(body.Facets) == 0 {
				t.Error("no facets")
			}
		})
	}
}
