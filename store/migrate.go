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
