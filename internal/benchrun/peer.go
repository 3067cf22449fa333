package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite the store uses

	"github.com/innokyla/innokyla/model"
)

// The peer is SQLite FTS5 through modernc.org/sqlite, the SQLite the
// project already uses, one thread, as a child process of the bench
// ("benchrun peer build|search") so that its peak memory and CPU time are
// its own. It indexes the text innokyla indexes (title, summary, each
// section's heading and text) of the same records, read from the JSONL
// file the synthetic corpus is written as.

// tokenizers are the FTS5 tokenizers measured: unicode61 (words; finds
// no inflection or compound part a prefix query does not) and trigram
// (substrings of three or more characters; finds compound parts).
var tokenizers = []string{"unicode61", "trigram"}

// peerSearch is what "benchrun peer search" prints as JSON.
type peerSearch struct {
	P50, P95 float64 // ms
	Queries  int     // of benchQueries that have an FTS5 form
	Hits     float64 // per query
}

// runPeer is "benchrun peer build|search --db FILE --tokenize T [--jsonl FILE]".
func runPeer(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 || (args[0] != "build" && args[0] != "search") {
		return fmt.Errorf("peer: want build or search")
	}
	fs := flag.NewFlagSet("peer "+args[0], flag.ContinueOnError)
	dbPath := fs.String("db", "", "SQLite file")
	tok := fs.String("tokenize", "unicode61", "FTS5 tokenizer")
	jsonl := fs.String("jsonl", "", "models as JSON lines (build)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+*dbPath+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if args[0] == "build" {
		return peerBuild(ctx, db, *tok, *jsonl)
	}
	res, err := peerQueries(ctx, db, *tok)
	if err != nil {
		return err
	}
	return json.NewEncoder(out).Encode(res)
}

// peerBuild creates the FTS5 table, inserts every model of the JSONL file
// in one transaction with a prepared statement, and merges the index into
// one b-tree ('optimize'), as a rebuilt bleve index is merged.
func peerBuild(ctx context.Context, db *sql.DB, tok, jsonl string) error {
	f, err := os.Open(jsonl)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := db.ExecContext(ctx, "CREATE VIRTUAL TABLE m USING fts5(title, summary, sections, url UNINDEXED, tokenize='"+tok+"')"); err != nil {
		return fmt.Errorf("fts5 %s: %w", tok, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, "INSERT INTO m(title, summary, sections, url) VALUES (?, ?, ?, ?)")
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var sb strings.Builder
	for line := 1; sc.Scan(); line++ {
		var m model.Model
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return fmt.Errorf("%s:%d: %w", jsonl, line, err)
		}
		sb.Reset()
		for _, s := range m.Sections {
			sb.WriteString(s.Heading)
			sb.WriteByte('\n')
			sb.WriteString(s.Text)
			sb.WriteByte('\n')
		}
		if _, err := ins.ExecContext(ctx, m.Title, m.Summary, sb.String(), m.URL); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "INSERT INTO m(m) VALUES('optimize')")
	return err
}

// ftsQuery is q's FTS5 expression for tokenizer tok: the trigram
// tokenizer matches substrings, so prefix stars are dropped.
func ftsQuery(q benchQuery, tok string) string {
	if tok == "trigram" {
		return strings.ReplaceAll(q.fts, "*", "")
	}
	return q.fts
}

// peerQueries times each bench query's FTS5 form as a page of the API
// would need it: the best 10 by bm25 with a snippet, and the count of all
// matches. There are no facets: FTS5 has none, which favours the peer.
func peerQueries(ctx context.Context, db *sql.DB, tok string) (peerSearch, error) {
	top, err := db.PrepareContext(ctx, "SELECT rowid, url, title, snippet(m, 2, '[', ']', '…', 12) FROM m WHERE m MATCH ? ORDER BY bm25(m) LIMIT 10")
	if err != nil {
		return peerSearch{}, err
	}
	count, err := db.PrepareContext(ctx, "SELECT count(*) FROM m WHERE m MATCH ?")
	if err != nil {
		return peerSearch{}, err
	}
	var lat []float64
	var res peerSearch
	var hits int
	for round := 0; round < 11; round++ {
		for _, q := range benchQueries {
			if q.fts == "" {
				continue
			}
			expr := ftsQuery(q, tok)
			start := time.Now()
			rows, err := top.QueryContext(ctx, expr)
			if err != nil {
				return res, fmt.Errorf("%s %q: %w", tok, expr, err)
			}
			for rows.Next() {
				var id int64
				var url, title, snip string
				if err := rows.Scan(&id, &url, &title, &snip); err != nil {
					rows.Close()
					return res, err
				}
			}
			rows.Close()
			var n int
			if err := count.QueryRowContext(ctx, expr).Scan(&n); err != nil {
				return res, err
			}
			if round == 0 {
				res.Queries++
				hits += n
				continue
			}
			lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		}
	}
	sort.Float64s(lat)
	res.P50, res.P95 = lat[len(lat)/2], lat[len(lat)*95/100]
	res.Hits = float64(hits) / float64(res.Queries)
	return res, nil
}
