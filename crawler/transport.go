package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Error kinds a fetch can fail with; the summary counts failures by kind.
const (
	KindTimeout   = "timeout"
	KindNetwork   = "network"
	KindTruncated = "truncated"
	KindTooLarge  = "too-large"
	KindHTTP4xx   = "http-4xx"
	KindHTTP5xx   = "http-5xx"
	KindThrottled = "throttled" // 429/503 still after the retries
	KindRedirect  = "redirect"
	KindRobots    = "robots"
	KindExtract   = "extract"
	KindNotModel  = "not-model" // answered 200 but not a model page: never stored
	KindCanceled  = "canceled"
)

// FetchError is a failed fetch with its kind.
type FetchError struct {
	Kind   string
	URL    string
	Status int
	Err    error
}

func (e *FetchError) Error() string {
	if e.Status != 0 && e.Err == nil {
		return fmt.Sprintf("%s: HTTP %d", e.URL, e.Status)
	}
	return fmt.Sprintf("%s: %v", e.URL, e.Err)
}

func (e *FetchError) Unwrap() error { return e.Err }

// politeTransport wraps a RoundTripper with a timeout per attempt, a body
// size limit, bounded retries with exponential backoff and jitter on 5xx,
// timeouts, resets and truncated bodies, and Retry-After on 429 and 503.
// It reads the whole body, so a truncated or oversized body is an error
// here and never a silently cut page.
type politeTransport struct {
	base          http.RoundTripper
	stop          context.Context // cancelled: no more waiting for retries
	timeout       time.Duration
	maxBody       int64
	retries       int
	backoff       time.Duration
	maxBackoff    time.Duration
	maxRetryAfter time.Duration
	requests      atomic.Int64
	large         sync.Map // URL -> int64: a larger body limit (sitemaps)
}

// allowLarge sets a larger body limit for u; 0 removes it.
func (t *politeTransport) allowLarge(u string, limit int64) {
	if limit <= 0 {
		t.large.Delete(u)
		return
	}
	t.large.Store(u, limit)
}

// limitFor is the body limit of req.
func (t *politeTransport) limitFor(req *http.Request) int64 {
	if v, ok := t.large.Load(req.URL.String()); ok {
		return max(v.(int64), t.maxBody)
	}
	return t.maxBody
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, after, err := t.once(req)
		var last error
		wait := t.backoffFor(attempt)
		switch {
		case err != nil:
			var fe *FetchError
			if !errors.As(err, &fe) || !retryable(fe) {
				return nil, err
			}
			last = err
		case after == noRetry:
			return resp, nil
		default:
			last = &FetchError{Kind: kindForStatus(resp.StatusCode), URL: req.URL.String(), Status: resp.StatusCode}
			if after > t.maxRetryAfter {
				return nil, &FetchError{Kind: KindThrottled, URL: req.URL.String(), Status: resp.StatusCode,
					Err: fmt.Errorf("server asks to wait %s (Retry-After), more than the %s this crawl waits", after, t.maxRetryAfter)}
			}
			if after >= 0 {
				wait = after
			}
		}
		if attempt >= t.retries {
			return nil, last
		}
		select {
		case <-t.stop.Done():
			return nil, &FetchError{Kind: KindCanceled, URL: req.URL.String(), Err: t.stop.Err()}
		case <-req.Context().Done():
			return nil, &FetchError{Kind: KindCanceled, URL: req.URL.String(), Err: req.Context().Err()}
		case <-time.After(wait):
		}
	}
}

// Retry decisions of once besides a Retry-After duration.
const (
	noRetry      = time.Duration(-2) // the response is final
	retryBackoff = time.Duration(-1) // retry after the exponential backoff
)

// once makes one attempt. It returns noRetry with a final response,
// retryBackoff for a 5xx (or 429/503 without Retry-After), or the
// Retry-After of a 429/503.
func (t *politeTransport) once(req *http.Request) (*http.Response, time.Duration, error) {
	t.requests.Add(1)
	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	defer cancel()
	r2 := req.Clone(ctx)
	resp, err := t.base.RoundTrip(r2)
	if err != nil {
		return nil, 0, classify(req, ctx, err)
	}
	defer resp.Body.Close()
	limit := t.limitFor(req)
	if resp.ContentLength > limit {
		return nil, 0, tooLarge(req, resp.ContentLength, limit)
	}
	body, err := readBody(resp, limit)
	if err != nil {
		return nil, 0, classify(req, ctx, err)
	}
	if int64(len(body)) > limit {
		return nil, 0, tooLarge(req, -1, limit)
	}
	if resp.ContentLength >= 0 && int64(len(body)) < resp.ContentLength {
		return nil, 0, &FetchError{Kind: KindTruncated, URL: req.URL.String(),
			Err: fmt.Errorf("body truncated: got %d of %d bytes", len(body), resp.ContentLength)}
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return resp, d, nil
		}
		return resp, retryBackoff, nil
	case resp.StatusCode >= 500:
		return resp, retryBackoff, nil
	}
	return resp, noRetry, nil
}

// readBody reads at most limit+1 bytes of the body, in one allocation when
// the length is known.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	if n := resp.ContentLength; n >= 0 && n <= limit {
		buf := make([]byte, n+1) // one more: a body longer than announced shows
		k, err := io.ReadFull(resp.Body, buf)
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			err = nil
		}
		if err == nil && k == len(buf) {
			// Longer than Content-Length: read the rest as without it.
			rest, rerr := io.ReadAll(io.LimitReader(resp.Body, limit+1-int64(k)))
			return append(buf, rest...), rerr
		}
		return buf[:k], err
	}
	return io.ReadAll(io.LimitReader(resp.Body, limit+1))
}

func tooLarge(req *http.Request, size, limit int64) error {
	msg := fmt.Errorf("body larger than the %d-byte limit", limit)
	if size > 0 {
		msg = fmt.Errorf("body of %d bytes is larger than the %d-byte limit", size, limit)
	}
	return &FetchError{Kind: KindTooLarge, URL: req.URL.String(), Err: msg}
}

// backoffFor is exponential backoff with full jitter, capped.
func (t *politeTransport) backoffFor(attempt int) time.Duration {
	d := t.backoff << min(attempt, 16)
	if d > t.maxBackoff || d <= 0 {
		d = t.maxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

func retryable(e *FetchError) bool {
	switch e.Kind {
	case KindTimeout, KindNetwork, KindTruncated:
		return true
	}
	return false
}

func kindForStatus(code int) string {
	switch {
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		return KindThrottled
	case code >= 500:
		return KindHTTP5xx
	case code >= 400:
		return KindHTTP4xx
	}
	return KindNetwork
}

// classify names a transport error.
func classify(req *http.Request, attempt context.Context, err error) error {
	kind := KindNetwork
	var ne net.Error
	switch {
	case req.Context().Err() != nil:
		kind = KindCanceled
	case errors.Is(attempt.Err(), context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		kind = KindTimeout
		err = fmt.Errorf("no complete response within the request timeout: %w", err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		kind = KindTruncated
		err = fmt.Errorf("body truncated: %w", err)
	}
	return &FetchError{Kind: kind, URL: req.URL.String(), Err: err}
}

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
