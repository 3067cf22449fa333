package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/innokyla/innokyla/model"
)

// The crawl frontier: runs, the model pages a run found (targets) with
// what the crawler learnt about them, and a fetched main page kept until
// its model is stored. Store implements model.Frontier, which the crawler
// uses, with model's own types.

var _ model.Frontier = (*Store)(nil)

// CrawlFailure is a target whose last attempt failed.
type CrawlFailure struct {
	URL, Kind, Error string
	Count            int
	At               string
}

// BeginCrawl resumes the latest unfinished run with key, or starts one.
func (s *Store) BeginCrawl(ctx context.Context, key string, now time.Time) (model.CrawlRun, error) {
	var r model.CrawlRun
	var finished string
	var discovered int
	err := s.db.QueryRowContext(ctx,
		`SELECT id, finished_at, discovered FROM crawl_runs WHERE key = ? ORDER BY id DESC LIMIT 1`, key).
		Scan(&r.ID, &finished, &discovered)
	switch {
	case err == nil && finished == "":
		r.Resumed, r.Discovered = true, discovered != 0
		return r, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return r, fmt.Errorf("begin crawl: %w", err)
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO crawl_runs (key, started_at) VALUES (?, ?)`, key, formatTime(now))
	if err != nil {
		return r, fmt.Errorf("begin crawl: %w", err)
	}
	r.ID, err = res.LastInsertId()
	if err != nil {
		return r, fmt.Errorf("begin crawl: %w", err)
	}
	return r, nil
}

// EndCrawl marks a run finished with its summary.
func (s *Store) EndCrawl(ctx context.Context, run int64, now time.Time, summary string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE crawl_runs SET finished_at = ?, summary = ? WHERE id = ?`,
		formatTime(now), summary, run); err != nil {
		return fmt.Errorf("end crawl %d: %w", run, err)
	}
	return nil
}

// MarkCrawlDiscovered records that the run's discovery is complete.
func (s *Store) MarkCrawlDiscovered(ctx context.Context, run int64) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE crawl_runs SET discovered = 1 WHERE id = ?`, run); err != nil {
		return fmt.Errorf("crawl run %d: %w", run, err)
	}
	return nil
}

// AddCrawlTargets records the model pages a run found, in one
// transaction. Discovery adds them in batches; a page added again in the
// same run keeps its first non-empty lastmod.
func (s *Store) AddCrawlTargets(ctx context.Context, run int64, site string, ts []model.CrawlTarget) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("add crawl targets: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO crawl_targets (url, site, lastmod, seen_run) VALUES (?, ?, ?, ?)
		ON CONFLICT(site, url) DO UPDATE SET
		lastmod = CASE WHEN crawl_targets.seen_run = excluded.seen_run AND crawl_targets.lastmod != ''
			THEN crawl_targets.lastmod ELSE excluded.lastmod END,
		seen_run = excluded.seen_run
		WHERE crawl_targets.seen_run != excluded.seen_run OR (crawl_targets.lastmod = '' AND excluded.lastmod != '')`)
	if err != nil {
		return fmt.Errorf("add crawl targets: %w", err)
	}
	defer stmt.Close()
	for _, t := range ts {
		if _, err := stmt.ExecContext(ctx, t.URL, site, t.Lastmod, run); err != nil {
			return fmt.Errorf("add crawl target %s: %w", t.URL, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("add crawl targets: %w", err)
	}
	return nil
}

// CountCrawlTargets is the number of targets the run found.
func (s *Store) CountCrawlTargets(ctx context.Context, run int64, site string) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM crawl_targets WHERE site = ? AND seen_run = ?`, site, run).Scan(&n); err != nil {
		return 0, fmt.Errorf("count crawl targets: %w", err)
	}
	return n, nil
}

// CrawlTargets returns at most limit of the targets the run found whose
// URL sorts after the given one, ordered by URL; a kept main page only
// when it was fetched by this run. A crawl reads them page by page.
func (s *Store) CrawlTargets(ctx context.Context, run int64, site, after string, limit int) ([]model.CrawlTarget, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, lastmod, model_id, region, modified, stored_lastmod, read_lastmod, done_run, sections,
		main_etag, main_last_modified, path_etag, path_last_modified,
		partial_run, partial_url, partial_type, partial_etag, partial_last_modified, partial_body
		FROM crawl_targets WHERE site = ? AND seen_run = ? AND url > ? ORDER BY url LIMIT ?`, site, run, after, limit)
	if err != nil {
		return nil, fmt.Errorf("crawl targets: %w", err)
	}
	defer rows.Close()
	var out []model.CrawlTarget
	for rows.Next() {
		var t model.CrawlTarget
		var p model.CrawlPartial
		var prun int64
		var regions string
		if err := rows.Scan(&t.URL, &t.Lastmod, &t.ModelID, &regions, &t.Modified, &t.StoredLastmod, &t.ReadLastmod, &t.DoneRun, &t.Sections,
			&t.MainETag, &t.MainLastModified, &t.PathETag, &t.PathLastModified,
			&prun, &p.URL, &p.ContentType, &p.ETag, &p.LastModified, &p.Body); err != nil {
			return nil, fmt.Errorf("crawl targets: %w", err)
		}
		if regions != "" {
			t.Regions = strings.Split(regions, "\n") // one a line, as CommitCrawls writes them
		}
		if prun == run && p.Body != nil {
			t.Partial = &p
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("crawl targets: %w", err)
	}
	return out, nil
}

// SaveCrawlPartial keeps a fetched main page until its model is committed.
func (s *Store) SaveCrawlPartial(ctx context.Context, run int64, site, target string, p model.CrawlPartial) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE crawl_targets SET partial_run = ?, partial_url = ?, partial_type = ?,
		partial_etag = ?, partial_last_modified = ?, partial_body = ? WHERE site = ? AND url = ?`,
		run, p.URL, p.ContentType, p.ETag, p.LastModified, p.Body, site, target); err != nil {
		return fmt.Errorf("keep page %s: %w", target, err)
	}
	return nil
}

// CommitCrawl stores c.Model (when not nil) and marks the target done in
// the run, in one transaction: a crawl killed at any point has either done
// both or neither.
func (s *Store) CommitCrawl(ctx context.Context, site string, c model.CrawlCommit) (model.CrawlOutcome, error) {
	out, err := s.CommitCrawls(ctx, site, []model.CrawlCommit{c})
	if err != nil {
		return model.CrawlNone, err
	}
	return out[0], nil
}

// CommitCrawls does what CommitCrawl does for many commits in one
// transaction with prepared statements: the crawler writes the commits of
// its parallel workers together (group commit).
func (s *Store) CommitCrawls(ctx context.Context, site string, cs []model.CrawlCommit) ([]model.CrawlOutcome, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("commit crawl: %w", err)
	}
	defer tx.Rollback()
	p, err := newPutter(ctx, tx, s)
	if err != nil {
		return nil, fmt.Errorf("commit crawl: %w", err)
	}
	defer p.close()
	const set = `UPDATE crawl_targets SET model_id = ?, region = ?, modified = ?, read_lastmod = ?, done_run = ?,
		partial_run = 0, partial_url = '', partial_type = '', partial_etag = '', partial_last_modified = '', partial_body = NULL,
		fail_run = 0, fail_kind = '', fail_error = '', fail_count = 0`
	done, err := s.stmt(ctx, tx, set+` WHERE site = ? AND url = ?`)
	if err != nil {
		return nil, fmt.Errorf("commit crawl: %w", err)
	}
	defer done.Close()
	stored, err := s.stmt(ctx, tx, set+`, stored_lastmod = ?, main_etag = ?, main_last_modified = ?,
		path_etag = ?, path_last_modified = ?, sections = coalesce(?, sections) WHERE site = ? AND url = ?`)
	if err != nil {
		return nil, fmt.Errorf("commit crawl: %w", err)
	}
	defer stored.Close()
	out := make([]model.CrawlOutcome, len(cs))
	for i, c := range cs {
		if c.Model != nil {
			if c.Model.ID == "" {
				return nil, fmt.Errorf("commit %s: model has no id", c.Target)
			}
			c.Model.ContentSHA256 = c.Model.Hash()
			res, err := p.put(ctx, tx, c.Model)
			if err != nil {
				return nil, fmt.Errorf("commit %s: %w", c.Target, err)
			}
			out[i] = crawlOutcomes[res]
		}
		args := []any{c.ModelID, strings.Join(c.Regions, "\n"), c.Modified, c.Lastmod, c.Run}
		stmt := done
		if c.Stored {
			stmt = stored
			var sections any // nil: no model given, keep the count
			if c.Model != nil {
				sections = c.Model.FilledSections()
			}
			args = append(args, c.Lastmod, c.MainETag, c.MainLastModified, c.PathETag, c.PathLastModified, sections)
		}
		args = append(args, site, c.Target)
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return nil, fmt.Errorf("commit %s: %w", c.Target, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit crawl: %w", err)
	}
	return out, nil
}

// crawlOutcomes are the outcomes of a commit with a model, by what Put did.
var crawlOutcomes = [...]model.CrawlOutcome{Unchanged: model.CrawlUnchanged, New: model.CrawlNew, Changed: model.CrawlChanged}

// FailCrawl records a failure of the target in the run.
func (s *Store) FailCrawl(ctx context.Context, run int64, site, target, kind, msg string, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE crawl_targets SET fail_run = ?, fail_kind = ?, fail_error = ?,
		fail_count = fail_count + 1, failed_at = ? WHERE site = ? AND url = ?`, run, kind, msg, formatTime(now), site, target); err != nil {
		return fmt.Errorf("record failure of %s: %w", target, err)
	}
	return nil
}

// CrawlFailures lists the targets of site whose last attempt failed.
func (s *Store) CrawlFailures(ctx context.Context, site string) ([]CrawlFailure, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, fail_kind, fail_error, fail_count, failed_at FROM crawl_targets
		WHERE site = ? AND fail_kind != '' ORDER BY url`, site)
	if err != nil {
		return nil, fmt.Errorf("crawl failures: %w", err)
	}
	defer rows.Close()
	var out []CrawlFailure
	for rows.Next() {
		var f CrawlFailure
		if err := rows.Scan(&f.URL, &f.Kind, &f.Error, &f.Count, &f.At); err != nil {
			return nil, fmt.Errorf("crawl failures: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
