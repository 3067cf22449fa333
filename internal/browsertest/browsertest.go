// Package browsertest starts the headless Chromium that the page and
// report tests drive (Debian's chromium; scripts/test installs it).
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Find returns the browser to drive: $INNOKYLA_CHROMIUM or chromium on
// the PATH. Without one the test fails and says how to install it;
// INNOKYLA_SKIP_BROWSER=1 skips it on purpose.
func Find(t testing.TB) string {
	t.Helper()
	if os.Getenv("INNOKYLA_SKIP_BROWSER") == "1" {
		t.Skip("INNOKYLA_SKIP_BROWSER=1: the page is not tested in a browser")
	}
	if p := os.Getenv("INNOKYLA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("the page test needs Chromium and none was found on the PATH.\n" +
		"Install it: sudo apt-get install -y chromium (Debian/Ubuntu), or set INNOKYLA_CHROMIUM=/path/to/chrome.\n" +
		"To skip this test on purpose: INNOKYLA_SKIP_BROWSER=1")
	return ""
}

// New starts a headless Chromium for the test and returns its context and
// the log of the dialogs and uncaught exceptions the pages raise.
func New(t testing.TB) (context.Context, *Log) {
	path := Find(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	log := &Log{}
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	// Record alerts and uncaught exceptions; the func must not run commands.
	err := chromedp.Listen(bctx, func(ev any) {
		switch e := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			log.add("dialog: " + e.Message)
		case *runtime.EventExceptionThrown:
			log.add("exception: " + e.ExceptionDetails.Text)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return bctx, log
}

// Log holds what the pages raised.
type Log struct {
	mu     sync.Mutex
	events []string
}

func (l *Log) add(s string) { l.mu.Lock(); l.events = append(l.events, s); l.mu.Unlock() }

// All returns the events so far.
func (l *Log) All() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string{}, l.events...)
}

// WaitFor polls a JavaScript condition on the page.
func WaitFor(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))(ctx, t)
		if err != nil {
			return chromedp.Void{}, fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return chromedp.Void{}, nil
	}
}

// Get runs a to read a value into *dst as a step.
func Get[T any](a chromedp.Action[T], dst *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}
