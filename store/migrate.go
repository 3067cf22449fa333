package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; PRAGMA user_version records how many ran.
// Append new steps at the end; never edit one that has shipped.
var migrations = []string{
	// 1: models and their versions, codings.
	`CREATE TABLE models (
		id TEXT NOT NULL,
		version INTEGER NOT NULL,
		url TEXT NOT NULL,
		region TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL DEFAULT '',
		content_sha256 TEXT NOT NULL,
		fetched_at TEXT NOT NULL DEFAULT '',
		record TEXT NOT NULL,
		PRIMARY KEY (id, version)
	);
	CREATE TABLE current (
		id TEXT PRIMARY KEY,
		version INTEGER NOT NULL,
		url TEXT NOT NULL,
		region TEXT NOT NULL DEFAULT '',
		created TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX current_url ON current(url);
	CREATE INDEX current_region ON current(region);
	CREATE INDEX current_created ON current(created);
	CREATE TABLE codings (
		id TEXT NOT NULL,
		version INTEGER NOT NULL,
		codebook TEXT NOT NULL,
		coded_at TEXT NOT NULL,
		participation TEXT NOT NULL,
		PRIMARY KEY (id, version, codebook)
	);`,
	// 2: crawl runs and frontier (store/frontier.go, owned by the crawler).
	`CREATE TABLE crawl_runs (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		key TEXT NOT NULL,
		started_at TEXT NOT NULL,
		finished_at TEXT NOT NULL DEFAULT '',
		discovered INTEGER NOT NULL DEFAULT 0,
		summary TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX crawl_runs_key ON crawl_runs(key);
	CREATE TABLE crawl_targets (
		site TEXT NOT NULL,
		url TEXT NOT NULL,
		lastmod TEXT NOT NULL DEFAULT '',
		seen_run INTEGER NOT NULL DEFAULT 0,
		model_id TEXT NOT NULL DEFAULT '',
		region TEXT NOT NULL DEFAULT '',
		modified TEXT NOT NULL DEFAULT '',
		stored_lastmod TEXT NOT NULL DEFAULT '',
		read_lastmod TEXT NOT NULL DEFAULT '',
		done_run INTEGER NOT NULL DEFAULT 0,
		main_etag TEXT NOT NULL DEFAULT '',
		main_last_modified TEXT NOT NULL DEFAULT '',
		path_etag TEXT NOT NULL DEFAULT '',
		path_last_modified TEXT NOT NULL DEFAULT '',
		partial_run INTEGER NOT NULL DEFAULT 0,
		partial_url TEXT NOT NULL DEFAULT '',
		partial_type TEXT NOT NULL DEFAULT '',
		partial_etag TEXT NOT NULL DEFAULT '',
		partial_last_modified TEXT NOT NULL DEFAULT '',
		partial_body BLOB,
		fail_run INTEGER NOT NULL DEFAULT 0,
		fail_kind TEXT NOT NULL DEFAULT '',
		fail_error TEXT NOT NULL DEFAULT '',
		fail_count INTEGER NOT NULL DEFAULT 0,
		failed_at TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (site, url)
	);
	CREATE INDEX crawl_targets_seen ON crawl_targets(site, seen_run);`,
	// 3: the record without its sections, for readers that need no text.
	`ALTER TABLE models ADD COLUMN meta TEXT;`,
	// 4: a crawl reads its targets page by page in URL order.
	`CREATE INDEX crawl_targets_run ON crawl_targets(site, seen_run, url);
	DROP INDEX crawl_targets_seen;`,
	// 5: how many sections with text the model last stored from a target
	// had, so a crawl notices one that shrinks to almost nothing.
	`ALTER TABLE crawl_targets ADD COLUMN sections INTEGER NOT NULL DEFAULT 0;`,
	// 6: people's review decisions per code and their codings (review.go);
	// classify writes only codings, so a person's work is never replaced.
	`CREATE TABLE reviews (
		id TEXT NOT NULL,
		version INTEGER NOT NULL,
		coder TEXT NOT NULL,
		code TEXT NOT NULL,
		decision TEXT NOT NULL,
		method TEXT NOT NULL DEFAULT '',
		memo TEXT NOT NULL DEFAULT '',
		codebook TEXT NOT NULL DEFAULT '',
		decided_at TEXT NOT NULL,
		PRIMARY KEY (id, version, coder, code)
	);
	CREATE TABLE human_codings (
		id TEXT NOT NULL,
		version INTEGER NOT NULL,
		coder TEXT NOT NULL,
		source TEXT NOT NULL,
		coded_at TEXT NOT NULL,
		complete INTEGER NOT NULL,
		participation TEXT NOT NULL,
		PRIMARY KEY (id, version, coder)
	);
	CREATE INDEX human_codings_coder ON human_codings(coder);`,
	// 7: withdrawn models (crawls.go) and the versions current at a time
	// (asof.go): current.withdrawn is when the model was withdrawn ('' while
	// published), withdrawals its history; models by fetch time.
	`ALTER TABLE current ADD COLUMN withdrawn TEXT NOT NULL DEFAULT '';
	CREATE TABLE withdrawals (
		id TEXT NOT NULL,
		withdrawn_at TEXT NOT NULL,
		run INTEGER NOT NULL DEFAULT 0,
		restored_at TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (id, withdrawn_at)
	);
	CREATE INDEX models_fetched ON models(fetched_at);`,
	// 8: the published current versions in id order without a lookup in
	// the table (classify's and the index's reads, tocode.go).
	`CREATE INDEX current_live ON current(withdrawn, id, version);`,
}

func migrate(ctx context.Context, db *sql.DB) error {
	var have int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this innokyla knows (%d): upgrade innokyla", have, len(migrations))
	}
	for i := have; i < len(migrations); i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}
