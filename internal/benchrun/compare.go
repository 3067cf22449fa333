package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// peerRows builds and queries an FTS5 index per tokenizer on the same n
// records, each in a child process, and returns a build row (stage
// "fts5 T build") and a search row ("fts5 T search") per tokenizer.
func (b *bench) peerRows(ctx context.Context, n int, base string) ([]row, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	file := filepath.Join(base, "models.jsonl")
	if err := b.jsonl(file, n); err != nil {
		return nil, err
	}
	var rows []row
	for _, tok := range tokenizers {
		db := filepath.Join(base, "fts5-"+tok+".db")
		os.Remove(db)
		name := "fts5 " + tok
		b.logf("%d models: %s build", n, name)
		r, err := measure(exec.CommandContext(ctx, self, "peer", "build", "--db", db, "--tokenize", tok, "--jsonl", file), n, name+" build")
		if err != nil {
			return rows, err
		}
		st, err := os.Stat(db)
		if err != nil {
			return rows, err
		}
		r.diskMB = float64(st.Size()) / 1e6
		r.throughput = rate(n, r.seconds, "models/s")
		r.notes = fmt.Sprintf("peer, one thread, from JSONL; %.0f MB on disk", r.diskMB)
		rows = append(rows, r)

		b.logf("%d models: %s search", n, name)
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, self, "peer", "search", "--db", db, "--tokenize", tok)
		cmd.Stdout = &out
		r, err = measure(cmd, n, name+" search")
		if err != nil {
			return rows, err
		}
		var ps peerSearch
		if err := json.Unmarshal(out.Bytes(), &ps); err != nil {
			return rows, fmt.Errorf("%s search: %w", name, err)
		}
		r.p50, r.p95, r.hits = ps.P50, ps.P95, ps.Hits
		r.throughput = fmt.Sprintf("p50 %.1f ms, p95 %.1f ms", ps.P50, ps.P95)
		r.notes = fmt.Sprintf("peer, in-process SQL, 10 best with snippet + count, no facets; %d queries, %.0f hits/query", ps.Queries, ps.Hits)
		rows = append(rows, r)
	}
	return rows, nil
}

// printPeers prints, per corpus size with peer rows, innokyla's index
// build and search beside each FTS5 peer's with the ratio innokyla/peer
// (above 1: innokyla takes more).
func printPeers(w io.Writer, rows []row) {
	type key struct {
		n     int
		stage string
	}
	by := map[key]row{}
	var sizes []int
	for _, r := range rows {
		if _, ok := by[key{r.models, r.stage}]; !ok && r.stage == "index" {
			sizes = append(sizes, r.models)
		}
		by[key{r.models, r.stage}] = r
	}
	header := false
	for _, n := range sizes {
		if _, ok := by[key{n, "fts5 " + tokenizers[0] + " build"}]; !ok {
			continue
		}
		if !header {
			fmt.Fprintln(w, "\nAgainst the peers (ratio = innokyla / peer; the same records, measured in the same run):")
			fmt.Fprintln(w)
			fmt.Fprint(w, "| models | measure | innokyla |")
			for _, t := range tokenizers {
				fmt.Fprintf(w, " FTS5 %s | ratio |", t)
			}
			fmt.Fprint(w, "\n|---:|---|---:|")
			for range tokenizers {
				fmt.Fprint(w, "---:|---:|")
			}
			fmt.Fprintln(w)
			header = true
		}
		for _, m := range []struct {
			name, stage, format string
			get                 func(row) float64
		}{
			{"index build wall", "build", "%.1f s", func(r row) float64 { return r.seconds }},
			{"index build CPU", "build", "%.1f s", func(r row) float64 { return r.cpu }},
			{"index build peak RSS", "build", "%.0f MB", func(r row) float64 { return r.peakMB }},
			{"index build peak anon", "build", "%.0f MB", func(r row) float64 { return r.anonMB }},
			{"index on disk", "build", "%.0f MB", func(r row) float64 { return r.diskMB }},
			{"search p50", "search", "%.1f ms", func(r row) float64 { return r.p50 }},
			{"search p95", "search", "%.1f ms", func(r row) float64 { return r.p95 }},
			{"search hits/query", "search", "%.0f", func(r row) float64 { return r.hits }},
		} {
			own := by[key{n, map[string]string{"build": "index", "search": "search"}[m.stage]}]
			fmt.Fprintf(w, "| %d | %s | "+m.format+" |", n, m.name, m.get(own))
			for _, t := range tokenizers {
				p := by[key{n, "fts5 " + t + " " + m.stage}]
				fmt.Fprintf(w, " "+m.format+" | %s |", m.get(p), ratio(m.get(own), m.get(p)))
			}
			fmt.Fprintln(w)
		}
	}
	if header {
		fmt.Fprintln(w, "\ninnokyla's search goes over HTTP through serve with all facets and finds inflections and compound parts; FTS5's runs in-process without facets. The machine is shared with other work: CPU seconds are steadier than wall time.")
	}
}

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}
