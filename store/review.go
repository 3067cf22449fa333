package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/innokyla/innokyla/model"
)

// ErrBadReview is wrapped by SaveReview's errors about the decision
// itself (a code the machine did not give, an add without a passage):
// the caller's input, not the store, is at fault.
var ErrBadReview = errors.New("bad review")

// Sources of a person's coding.
const (
	SourceReview = "review" // built from review decisions (SaveReview)
	SourceQDA    = "qda"    // read from a QDA project (SaveHumanCodings)
)

// HumanCoding is a person's coding of one model version. Complete says
// the person checked the model whole: every machine code decided, or the
// whole model coded in a QDA tool.
type HumanCoding struct {
	ID       string
	Version  int
	Coder    string
	Source   string
	Complete bool
	At       time.Time
	P        *model.Participation
}

// SaveReview stores one decision: SaveReviews of one.
func (s *Store) SaveReview(ctx context.Context, r *model.Review) (*HumanCoding, error) {
	rs := []model.Review{*r}
	hc, err := s.SaveReviews(ctx, rs)
	*r = rs[0]
	return hc, err
}

// SaveReviews stores decisions of one coder on one model version, all or
// none, and rebuilds the coder's coding of it from all their decisions. Accept and reject name a
// method of the version's machine coding (or model.NoCodes, accepted,
// when it has none) and take the machine's method; add takes r.Method,
// which must have evidence. r.At and r.Codebook are set here. A decision
// replaces the same coder's earlier one on the same code.
func (s *Store) SaveReviews(ctx context.Context, rs []model.Review) (*HumanCoding, error) {
	if len(rs) == 0 {
		return nil, fmt.Errorf("%w: no decision", ErrBadReview)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("save review: %w", err)
	}
	defer tx.Rollback()
	first := rs[0]
	machine, err := versionCoding(ctx, tx, first.ID, first.Version)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	for i := range rs {
		r := &rs[i]
		if r.ID != first.ID || r.Version != first.Version || r.Coder != first.Coder {
			return nil, fmt.Errorf("%w: decisions on several models or by several coders at once", ErrBadReview)
		}
		if err := settle(r, machine); err != nil {
			return nil, err
		}
		if r.At.IsZero() {
			r.At = now
		}
		if err := saveDecision(ctx, tx, r); err != nil {
			return nil, err
		}
	}
	r := &rs[len(rs)-1]
	rows, err := queryReviews(ctx, tx, `WHERE id = ? AND version = ? AND coder = ?`, r.ID, r.Version, r.Coder)
	if err != nil {
		return nil, err
	}
	hc := &HumanCoding{ID: r.ID, Version: r.Version, Coder: r.Coder, Source: SourceReview, At: r.At,
		Complete: model.ReviewComplete(machine, rows), P: model.Reviewed(r.Coder, rows)}
	if err := saveHuman(ctx, tx, hc); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("save review of %s: %w", r.ID, err)
	}
	return hc, nil
}

func saveDecision(ctx context.Context, tx *sql.Tx, r *model.Review) error {
	var method []byte
	if r.Method != nil {
		var err error
		if method, err = json.Marshal(r.Method); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO reviews (id, version, coder, code, decision, method, memo, codebook, decided_at) VALUES (?,?,?,?,?,?,?,?,?)
		 ON CONFLICT(id, version, coder, code) DO UPDATE SET decision=excluded.decision, method=excluded.method,
		 memo=excluded.memo, codebook=excluded.codebook, decided_at=excluded.decided_at`,
		r.ID, r.Version, r.Coder, r.Code, r.Decision, string(method), r.Memo, r.Codebook, r.At.UTC().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("save review of %s: %w", r.ID, err)
	}
	return nil
}

// settle checks r against the machine coding and fills in its method.
func settle(r *model.Review, machine *model.Participation) error {
	if r.Coder == "" {
		return fmt.Errorf("%w: no coder", ErrBadReview)
	}
	if machine != nil {
		r.Codebook = machine.Codebook
	}
	find := func(id string) *model.Method {
		if machine == nil {
			return nil
		}
		for i := range machine.Methods {
			if machine.Methods[i].ID == id {
				m := machine.Methods[i]
				return &m
			}
		}
		return nil
	}
	switch r.Decision {
	case model.Accept, model.Reject:
		if r.Code == model.NoCodes {
			if r.Decision == model.Reject || (machine != nil && len(machine.Methods) > 0) {
				return fmt.Errorf("%w: %s none: only a coding without methods can be accepted as empty; add the missing code instead", ErrBadReview, r.Decision)
			}
			r.Method = nil
			return nil
		}
		if r.Method = find(r.Code); r.Method == nil {
			return fmt.Errorf("%w: the machine did not code %s in %s version %d", ErrBadReview, r.Code, r.ID, r.Version)
		}
	case model.Add:
		if r.Method == nil || len(r.Method.Evidence) == 0 {
			return fmt.Errorf("%w: add %s needs an evidence passage", ErrBadReview, r.Code)
		}
		r.Code = r.Method.ID
	default:
		return fmt.Errorf("%w: decision %q: want accept, reject or add", ErrBadReview, r.Decision)
	}
	if !model.IsMethod(r.Code) {
		return fmt.Errorf("%w: %q is not a method of the codebook", ErrBadReview, r.Code)
	}
	return nil
}

// versionCoding is the newest machine coding of a stored model version,
// nil when it was not classified; ErrNotFound when there is no such version.
func versionCoding(ctx context.Context, tx *sql.Tx, id string, version int) (*model.Participation, error) {
	var coding sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT `+latestCoding+` FROM models m WHERE m.id = ? AND m.version = ?`, id, version).Scan(&coding)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s version %d: %w", id, version, ErrNotFound)
	}
	if err != nil || !coding.Valid {
		return nil, err
	}
	p := new(model.Participation)
	if err := decode([]byte(coding.String), p); err != nil {
		return nil, fmt.Errorf("decode coding of %s: %w", id, err)
	}
	return p, nil
}

// SaveHumanCodings stores people's codings (a QDA project read back) in
// one transaction, each replacing its coder's coding of that version.
func (s *Store) SaveHumanCodings(ctx context.Context, hcs []HumanCoding) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	defer tx.Rollback()
	for i := range hcs {
		if hcs[i].At.IsZero() {
			hcs[i].At = time.Now().UTC()
		}
		if err := saveHuman(ctx, tx, &hcs[i]); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save codings: %w", err)
	}
	return nil
}

func saveHuman(ctx context.Context, tx *sql.Tx, hc *HumanCoding) error {
	hc.P.Coder = hc.Coder
	b, err := json.Marshal(hc.P)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO human_codings (id, version, coder, source, coded_at, complete, participation) VALUES (?,?,?,?,?,?,?)
		 ON CONFLICT(id, version, coder) DO UPDATE SET source=excluded.source, coded_at=excluded.coded_at,
		 complete=excluded.complete, participation=excluded.participation`,
		hc.ID, hc.Version, hc.Coder, hc.Source, hc.At.UTC().Format(time.RFC3339Nano), hc.Complete, string(b))
	if err != nil {
		return fmt.Errorf("save coding of %s by %s: %w", hc.ID, hc.Coder, err)
	}
	return nil
}

// Reviews returns every person's decisions on one model version, by
// coder and then code.
func (s *Store) Reviews(ctx context.Context, id string, version int) ([]model.Review, error) {
	return queryReviews(ctx, s.db, `WHERE id = ? AND version = ?`, id, version)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func queryReviews(ctx context.Context, q querier, where string, args ...any) ([]model.Review, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, version, coder, code, decision, method, memo, codebook, decided_at
		FROM reviews `+where+` ORDER BY id, version, coder, code`, args...)
	if err != nil {
		return nil, fmt.Errorf("read reviews: %w", err)
	}
	defer rows.Close()
	var out []model.Review
	for rows.Next() {
		var r model.Review
		var method, at string
		if err := rows.Scan(&r.ID, &r.Version, &r.Coder, &r.Code, &r.Decision, &method, &r.Memo, &r.Codebook, &at); err != nil {
			return nil, fmt.Errorf("read reviews: %w", err)
		}
		if method != "" {
			r.Method = new(model.Method)
			if err := decode([]byte(method), r.Method); err != nil {
				return nil, fmt.Errorf("decode review of %s by %s: %w", r.ID, r.Coder, err)
			}
		}
		r.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// HumanQuery selects people's codings; empty fields select all.
type HumanQuery struct {
	Coder   string
	ID      string
	Current bool // only codings of the models' latest versions
}

// HumanCodings calls fn with every coding q selects, ordered by model id,
// version and coder.
func (s *Store) HumanCodings(ctx context.Context, hq HumanQuery, fn func(HumanCoding) error) error {
	q := `SELECT h.id, h.version, h.coder, h.source, h.coded_at, h.complete, h.participation FROM human_codings h`
	var conds []string
	var args []any
	if hq.Current {
		q += ` JOIN current c ON c.id = h.id AND c.version = h.version`
	}
	if hq.Coder != "" {
		conds = append(conds, `h.coder = ?`)
		args = append(args, hq.Coder)
	}
	if hq.ID != "" {
		conds = append(conds, `h.id = ?`)
		args = append(args, hq.ID)
	}
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY h.id, h.version, h.coder`, args...)
	if err != nil {
		return fmt.Errorf("read codings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var hc HumanCoding
		var at, p string
		if err := rows.Scan(&hc.ID, &hc.Version, &hc.Coder, &hc.Source, &at, &hc.Complete, &p); err != nil {
			return fmt.Errorf("read codings: %w", err)
		}
		hc.At, _ = time.Parse(time.RFC3339Nano, at)
		hc.P = new(model.Participation)
		if err := decode([]byte(p), hc.P); err != nil {
			return fmt.Errorf("decode coding of %s by %s: %w", hc.ID, hc.Coder, err)
		}
		if err := fn(hc); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CurrentReviews is every decision on the models' latest versions, by
// model id.
func (s *Store) CurrentReviews(ctx context.Context) (map[string][]model.Review, error) {
	rs, err := queryReviews(ctx, s.db, `WHERE EXISTS (SELECT 1 FROM current c WHERE c.id = reviews.id AND c.version = reviews.version)`)
	if err != nil {
		return nil, err
	}
	out := map[string][]model.Review{}
	for _, r := range rs {
		out[r.ID] = append(out[r.ID], r)
	}
	return out, nil
}
