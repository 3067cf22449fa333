package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// WithdrawShare is the most of a site's stored models one crawl may
// withdraw: one in this many. A crawl that would withdraw more withdraws
// nothing (a broken listing or an outage is not a mass withdrawal).
const WithdrawShare = 5

var _ model.Settler = (*Store)(nil)

// SettleCrawl implements model.Settler. The site's stored models are the
// published ones whose URL is on a host of a model the run found (a mirror
// names the site's own URLs); a target matches a model by the id last read
// from it or by the path of its URL. A model whose target was found but
// failed (other than 404 or 410) is kept.
func (s *Store) SettleCrawl(ctx context.Context, in model.CrawlSettle) (model.CrawlSettled, error) {
	var out model.CrawlSettled
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return out, fmt.Errorf("settle crawl %d: %w", in.Run, err)
	}
	defer tx.Rollback()
	ts, err := runTargets(ctx, tx, in)
	if err != nil {
		return out, fmt.Errorf("settle crawl %d: %w", in.Run, err)
	}
	cur, err := publishedAndWithdrawn(ctx, tx)
	if err != nil {
		return out, fmt.Errorf("settle crawl %d: %w", in.Run, err)
	}
	now := formatTime(in.Now)
	hosts := map[string]bool{}
	for _, c := range cur {
		if ts.found[c.id] {
			hosts[hostOf(c.url)] = true
			if c.withdrawn != "" {
				out.Restored = append(out.Restored, c.id)
			}
		}
	}
	var candidates []string
	considered := 0
	for _, c := range cur {
		if c.withdrawn != "" || (len(hosts) > 0 && !hosts[hostOf(c.url)]) {
			continue
		}
		considered++
		p := pathOf(c.url)
		switch {
		case ts.gone[c.id] || ts.gonePaths[p]:
			candidates = append(candidates, c.id)
		case ts.found[c.id] || ts.listed[c.id] || ts.listedPaths[p]:
		default:
			candidates = append(candidates, c.id)
		}
	}
	for _, id := range out.Restored {
		if _, err := tx.ExecContext(ctx, `UPDATE current SET withdrawn = '' WHERE id = ?`, id); err != nil {
			return out, fmt.Errorf("settle crawl %d: restore %s: %w", in.Run, id, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE withdrawals SET restored_at = ? WHERE id = ? AND restored_at = ''`, now, id); err != nil {
			return out, fmt.Errorf("settle crawl %d: restore %s: %w", in.Run, id, err)
		}
	}
	switch {
	case !in.Complete || len(candidates) == 0:
		candidates = nil
	case len(candidates)*WithdrawShare > considered:
		out.Refused = fmt.Sprintf("%d of the site's %d stored models were not found (more than one in %d at once): nothing withdrawn; a broken listing or an outage is not a mass withdrawal",
			len(candidates), considered, WithdrawShare)
		candidates = nil
	}
	sort.Strings(candidates)
	for _, id := range candidates {
		if _, err := tx.ExecContext(ctx, `UPDATE current SET withdrawn = ? WHERE id = ?`, now, id); err != nil {
			return out, fmt.Errorf("settle crawl %d: withdraw %s: %w", in.Run, id, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO withdrawals (id, withdrawn_at, run) VALUES (?, ?, ?)
			ON CONFLICT(id, withdrawn_at) DO NOTHING`, id, now, in.Run); err != nil {
			return out, fmt.Errorf("settle crawl %d: withdraw %s: %w", in.Run, id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return out, fmt.Errorf("settle crawl %d: %w", in.Run, err)
	}
	out.Withdrawn = candidates
	sort.Strings(out.Restored)
	return out, nil
}

// runSeen is what a run learnt about the site's pages.
type runSeen struct {
	found                  map[string]bool // ids read or found unchanged by the run
	listed, gone           map[string]bool // ids of targets found (listed) and of those answering 404/410
	listedPaths, gonePaths map[string]bool
}

func runTargets(ctx context.Context, tx *sql.Tx, in model.CrawlSettle) (*runSeen, error) {
	r := &runSeen{found: map[string]bool{}, listed: map[string]bool{}, gone: map[string]bool{},
		listedPaths: map[string]bool{}, gonePaths: map[string]bool{}}
	goneURL := map[string]bool{}
	for _, u := range in.Gone {
		goneURL[u] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT url, model_id, done_run FROM crawl_targets WHERE site = ? AND seen_run = ?`, in.Site, in.Run)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u, id string
		var done int64
		if err := rows.Scan(&u, &id, &done); err != nil {
			return nil, err
		}
		if goneURL[u] {
			r.gonePaths[pathOf(u)] = true
			if id != "" {
				r.gone[id] = true
			}
			continue
		}
		r.listedPaths[pathOf(u)] = true
		if id != "" {
			r.listed[id] = true
			if done == in.Run {
				r.found[id] = true
			}
		}
	}
	return r, rows.Err()
}

type currentRow struct{ id, url, withdrawn string }

func publishedAndWithdrawn(ctx context.Context, tx *sql.Tx) ([]currentRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, url, withdrawn FROM current ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []currentRow
	for rows.Next() {
		var c currentRow
		if err := rows.Scan(&c.id, &c.url, &c.withdrawn); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func hostOf(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.ToLower(pu.Host)
}

// pathOf is a page's path without a trailing slash or index.html, so a
// mirror's target and the model's canonical URL match.
func pathOf(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return u
	}
	p := strings.TrimSuffix(pu.Path, "/index.html")
	return strings.TrimSuffix(p, "/")
}
