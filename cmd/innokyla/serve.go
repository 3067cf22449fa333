package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/internal/datalock"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
	"github.com/innokyla/innokyla/web"
	"github.com/spf13/cobra"
)

// ServeOptions are the flags of the serve command.
type ServeOptions struct {
	F    *Factory
	Addr string // --addr host:port; loopback by default

	// Listening, when set, is called with the base URL once the server
	// accepts connections (tests use port 0).
	Listening func(url string)
	// ReloadEvery is how often serve looks for a rebuilt index; 0 is
	// defaultReloadEvery.
	ReloadEvery time.Duration
	// RankBound is how many hits a search scores at most, as
	// index.Options.RankBound: 0 is index.DefaultRankBound, below 0 every
	// hit is scored (--rank-bound 0).
	RankBound int
}

const defaultReloadEvery = 2 * time.Second

func (o *ServeOptions) reloadEvery() time.Duration {
	if o.ReloadEvery > 0 {
		return o.ReloadEvery
	}
	return defaultReloadEvery
}

// Server timeouts.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 10 * time.Second
	serveWriteTimeout      = 30 * time.Second
	serveIdleTimeout       = 60 * time.Second
	serveShutdownTimeout   = 5 * time.Second
)

// NewCmdServe builds the serve command.
func NewCmdServe(f *Factory, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{F: f}
	var bound int
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080]",
		Short: "Serve the search page and its JSON API",
		Long: `Serve a search page (Finnish) and a JSON API over the index, from this
binary alone: no outside scripts or fonts, so it works offline.

  GET /                 the page: search box, facet filters, results, model pages
  GET /api/search       ?q=&region=&method=&phase=&stage=&described=&year=&page=&size=
  GET /api/models/{id}  the stored record with its participation coding and evidence
  GET /api/facets       facet counts over all indexed models
  GET /review           the review page: the queue (lowest confidence first,
                        by region) and a model's text with every code's
                        evidence highlighted, accept / reject, add a code by
                        selecting a passage
  GET /api/review/queue, GET|POST /api/review/models/{id}

A decision is written through the store like innokyla review does; serve
takes the data directory's lock only for the instant it writes one, so
classify and index can run while it serves (a decision sent while they
write is refused with "try again in a moment").

Listens on loopback by default; --addr 0.0.0.0:8080 exposes it to the
network. Ctrl-C stops it gracefully. The index is opened read-only, so
'innokyla index' cannot update it while serve runs; 'innokyla index
--rebuild' can: it builds the new index beside it, and serve switches to
it within two seconds of the swap, without a restart.

Counts and facets are always exact. A search that finds more models than
--rank-bound (default 10,000) ranks the best of a sample of that many
spread over the index, and says so on the page and in the API ("ranked"
beside "total"); its first page is then not the full ranking's.
--rank-bound 0 ranks every hit: exact order, slower for words most models
hold (at 1,000,000 models about 0.3 CPU-s for a word in every model).`,
		Example: "  innokyla serve\n  innokyla serve --addr 127.0.0.1:9000\n  innokyla serve --rank-bound 0",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
				return usageError(fmt.Errorf("--addr %q: want host:port: %w", opts.Addr, err))
			}
			switch {
			case bound < 0:
				return usageError(fmt.Errorf("--rank-bound %d: want 0 (rank every hit) or more", bound))
			case bound == 0:
				opts.RankBound = -1
			default:
				opts.RankBound = bound
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runServe(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
	cmd.Flags().IntVar(&bound, "rank-bound", index.DefaultRankBound, "score at most `N` hits of a search, ranking the best of a sample above that (0: every hit)")
	return cmd
}

func runServe(ctx context.Context, opts *ServeOptions) error {
	st, err := opts.F.Store(ctx)
	if err != nil {
		return err
	}
	// Searches still work without the facets in memory, one pass each,
	// reading the values per hit.
	warn := func(err error) { fmt.Fprintf(opts.F.Err, "warning: %v; searching without it\n", err) }
	ix, err := index.OpenLive(opts.F.IndexPath(), index.Options{RankBound: opts.RankBound}, warn)
	if err != nil {
		return indexErr(err, opts.F.IndexPath())
	}
	defer ix.Close()
	warnIncomplete(opts.F, ix.Current())
	// An index --rebuild swaps a new index in: serve opens it within
	// reloadEvery, without a restart.
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	defer func() { stopWatch(); <-watched }() // before the index closes
	reloaded := func(_ bool, err error) {
		if err != nil {
			fmt.Fprintf(opts.F.Err, "warning: the index at %s changed but cannot be opened yet: %v; still serving the one before\n", opts.F.IndexPath(), err)
			return
		}
		n, _ := ix.Current().Count()
		fmt.Fprintf(opts.F.Err, "The index changed on disk: serving it now, %s\n", count(n, "model"))
		warnIncomplete(opts.F, ix.Current())
	}
	go func() {
		defer close(watched)
		ix.Watch(watchCtx, opts.reloadEvery(), reloaded)
	}()
	lookup := func(ctx context.Context, id string) (*model.Model, error) {
		m, err := st.Get(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("%w: %v", web.ErrNotFound, err)
		}
		return m, err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return withHint(fmt.Errorf("serve: %w", err), "Try: --addr 127.0.0.1:PORT with a free port")
	}
	reviews := &web.Reviews{Read: st, Write: reviewWriter(opts.F)}
	srv := newServer(ctx, web.NewHandler(ix, lookup, web.WithReviews(reviews)))
	url := "http://" + ln.Addr().String()
	if host, _, _ := net.SplitHostPort(opts.Addr); !isLoopback(host) {
		fmt.Fprintf(opts.F.Err, "warning: listening on %s, reachable from other machines\n", opts.Addr)
	}
	n, _ := ix.Current().Count()
	fmt.Fprintf(opts.F.Err, "Serving %s on %s (Ctrl-C stops)\n", count(n, "model"), url)
	if opts.Listening != nil {
		opts.Listening(url)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	stopWatch() // its messages go to the same writer: none after this one
	<-watched
	fmt.Fprintln(opts.F.Err, "Stopped.")
	return nil
}

// newServer is the HTTP server of serve: bounded timeouts and headers,
// requests under ctx.
func newServer(ctx context.Context, h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// reviewWriter opens the corpus for writing for one decision, holding the
// data directory's lock only while it does.
func reviewWriter(f *Factory) func(context.Context, func(*store.Store) error) error {
	return func(ctx context.Context, fn func(*store.Store) error) error {
		l, err := datalock.Acquire(f.DataDir, "innokyla serve (a review decision)", f.now())
		var held *datalock.HeldError
		if errors.As(err, &held) {
			return fmt.Errorf("%w: %v", web.ErrBusy, err)
		}
		if err != nil {
			return err
		}
		defer l.Release()
		s, err := store.Open(ctx, f.corpusPath())
		if err != nil {
			return err
		}
		defer s.Close()
		return fn(s)
	}
}
