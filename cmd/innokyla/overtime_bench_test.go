package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/synth"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// overtimeStore fills a store with n synthetic models (internal/synth,
// coded with their true coding) stored on day1, and a tenth of them
// changed on day2: a sentence of the first section replaced, the stage
// changed, the coding described or not flipped. It returns the data
// directory.
func overtimeStore(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	coding := func(t synth.Truth) *model.Participation {
		p := &model.Participation{Codebook: "bench", Described: t.Described, Phases: t.Phases}
		for _, m := range t.Methods {
			p.Methods = append(p.Methods, model.Method{ID: m.ID, Phases: m.Phases,
				Evidence: []model.Evidence{{Page: model.PageMain, Section: "Ratkaisun perusidea", Text: "Asiakkaille tehtiin kysely."}}})
		}
		return p
	}
	put := func(ms []*model.Model) {
		if _, err := s.PutAll(ctx, ms); err != nil {
			b.Fatal(err)
		}
	}
	g := synth.New(1)
	var batch, changed []*model.Model
	for i := 0; i < n; i++ {
		m, t := g.Next()
		m.FetchedAt, m.Participation = day1, coding(t)
		batch = append(batch, m)
		if i%10 == 0 {
			c := *m
			c.Sections = append([]model.Section(nil), m.Sections...)
			c.Sections[0].Text = "Malli uudistettiin vuonna 2026. " + c.Sections[0].Text
			c.Stage, c.FetchedAt = "Arvioitu", day2
			p := *m.Participation
			p.Described = !p.Described
			c.Participation = &p
			changed = append(changed, &c)
		}
		if len(batch) == store.BatchSize {
			put(batch)
			batch = batch[:0]
		}
	}
	put(batch)
	for len(changed) > 0 {
		k := min(len(changed), store.BatchSize)
		put(changed[:k])
		changed = changed[k:]
	}
	return dir
}

func overtimeModels(b *testing.B) int {
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("INNOKYLA_BENCH_MODELS")); err == nil && v > 0 {
		n = v
	}
	if testing.Short() {
		b.Skip("fills a large store")
	}
	return n
}

// BenchmarkChanges is changes --since day2 over a store where a tenth of
// the models changed (INNOKYLA_BENCH_MODELS, default 100,000).
func BenchmarkChanges(b *testing.B) {
	dir := overtimeStore(b, overtimeModels(b))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		f := &Factory{DataDir: dir, Out: io.Discard, Err: io.Discard, Now: time.Now, Version: "bench"}
		err := runChanges(context.Background(), &ChangesOptions{F: f, Since: day2.Format(time.RFC3339), Format: "md", Lang: "fi"})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkReportAsOf is report --as-of day1 (the versions before the
// changes) and, beside it, the latest report over the same store.
func BenchmarkReportAsOf(b *testing.B) {
	dir := overtimeStore(b, overtimeModels(b))
	for _, asOf := range []string{"2026-11-02", ""} {
		name := "as-of"
		if asOf == "" {
			name = "latest"
		}
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				f := &Factory{DataDir: dir, Out: io.Discard, Err: io.Discard, Now: time.Now, Version: "bench"}
				err := runReport(context.Background(), &ReportOptions{F: f, Format: "md", Lang: "fi", AsOf: asOf})
				f.Close()
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
