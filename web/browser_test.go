package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/innokyla/innokyla/model"
)

// findChromium returns the browser the page test drives: $INNOKYLA_CHROMIUM
// or chromium on the PATH. Without one the test fails and says how to
// install it; INNOKYLA_SKIP_BROWSER=1 skips it on purpose.
func findChromium(t *testing.T) string {
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

func browser(t *testing.T) (context.Context, *browserLog) {
	path := findChromium(t)
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
	log := &browserLog{}
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

type browserLog struct {
	mu     sync.Mutex
	events []string
}

func (l *browserLog) add(s string) { l.mu.Lock(); l.events = append(l.events, s); l.mu.Unlock() }
func (l *browserLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string{}, l.events...)
}

// waitFor polls a JavaScript condition on the page.
func waitFor(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))(ctx, t)
		if err != nil {
			return chromedp.Void{}, fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return chromedp.Void{}, nil
	}
}

// get runs a to read a value into *dst as a step.
func get[T any](a chromedp.Action[T], dst *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

func TestPageInChromium(t *testing.T) {
	ms := apiModels(t)
	for i := 1; i <= 15; i++ {
		ms = append(ms, &model.Model{ID: fmt.Sprintf("lisa-%02d", i), URL: "https://innokyla.example/fi/toimintamalli/lisa",
			Title: fmt.Sprintf("Perhetyön lisämalli %d", i), Summary: "Perhetyön kokeilu.", Region: "Kainuun hyvinvointialue",
			Regions: []string{"Kainuun hyvinvointialue"}, Version: 1})
	}
	ix := buildIndex(t, ms, 2) // as serve does, in parts even for a few models
	srv := httptest.NewServer(NewHandler(ix, lookupIn(ms)))
	defer srv.Close()
	ctx, log := browser(t)

	var pageInfo string
	var facetPressed chromedp.AttributeResult
	var hitTitles []string
	var marks int
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v (browser events: %v)", step, err, log.all())
		}
	}
	titles := get(chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#results .hit-link')).map(a => a.textContent)`), &hitTitles)

	run("open the page",
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		waitFor(`document.querySelector('#status').textContent.startsWith('Löytyi')`),
	)

	run("type a query",
		chromedp.SendKeys(chromedp.CSS("#q"), "perhetyö"),
		chromedp.Click(chromedp.CSS("#search-button")),
		// Browsing without a query also finds 21 models, so the status alone
		// may still be the first page's: the query's hits have marks.
		waitFor(`document.querySelector('#status').textContent === 'Löytyi 21 toimintamallia.' && document.querySelector('#results mark') !== null`),
		get(chromedp.Evaluate[int](`document.querySelectorAll('#results mark').length`), &marks),
		get(chromedp.Text(chromedp.CSS("#page-info")), &pageInfo),
	)
	if marks == 0 || pageInfo != "Sivu 1 / 3" {
		t.Errorf("after the query: %d marks, page info %q", marks, pageInfo)
	}

	run("next page",
		chromedp.Click(chromedp.CSS("#next")),
		waitFor(`document.querySelector('#page-info').textContent === 'Sivu 2 / 3'`),
		waitFor(`document.querySelectorAll('#results .hit').length === 10`),
	)

	run("apply a facet",
		chromedp.Click(chromedp.CSS(`#facet-regions button[data-term="Lapin hyvinvointialue"]`)),
		waitFor(`document.querySelector('#status').textContent === 'Löytyi 2 toimintamallia.'`),
		titles,
		get(chromedp.AttributeValue(chromedp.CSS(`#facet-regions button[data-term="Lapin hyvinvointialue"]`), "aria-pressed"), &facetPressed),
	)
	if strings.Join(hitTitles, "|") != "Perhetyön työpaja|Perhetyön palautekysely" && strings.Join(hitTitles, "|") != "Perhetyön palautekysely|Perhetyön työpaja" {
		t.Errorf("hits after the region facet: %q", hitTitles)
	}
	if facetPressed.Value != "true" {
		t.Errorf("facet button aria-pressed %q", facetPressed.Value)
	}

	run("a method facet narrows further",
		chromedp.Click(chromedp.CSS(`#facet-methods button[data-term="workshop"]`)),
		waitFor(`document.querySelector('#status').textContent === 'Löytyi 1 toimintamallia.'`),
		titles,
	)
	if len(hitTitles) != 1 || hitTitles[0] != "Perhetyön työpaja" {
		t.Errorf("hits after region and method: %q", hitTitles)
	}

	var xssTitle, evidence, method, phases, described string
	var scripts, imgs, links int
	run("open the model with markup in it",
		chromedp.Navigate(srv.URL+"/#haku?q=perhety%C3%B6&region=Kainuun+hyvinvointialue&method=workshop"),
		// The previous step also left one hit: wait for this search's.
		waitFor(`document.querySelectorAll('#results .hit').length === 1 && document.querySelector('#results .hit-link').textContent.includes('<script>')`),
		chromedp.Click(chromedp.CSS(`#results .hit-link`)),
		chromedp.WaitVisible(chromedp.CSS("#model-title")),
		waitFor(`getComputedStyle(document.querySelector('#search-view')).display === 'none'`),
		waitFor(`document.querySelector('#methods') !== null`),
		get(chromedp.Text(chromedp.CSS("#model-title")), &xssTitle),
		get(chromedp.Text(chromedp.CSS(`#methods tr[data-method="workshop"] td:nth-child(1)`)), &method),
		get(chromedp.Text(chromedp.CSS(`#methods tr[data-method="workshop"] td:nth-child(2)`)), &phases),
		get(chromedp.Text(chromedp.CSS(`#methods tr[data-method="workshop"] .evidence`)), &evidence),
		get(chromedp.Text(chromedp.CSS("#described")), &described),
		get(chromedp.Evaluate[int](`document.querySelectorAll('script').length`), &scripts),
		get(chromedp.Evaluate[int](`document.querySelectorAll('img, b, i').length`), &imgs),
		get(chromedp.Evaluate[int](`document.querySelectorAll('#model-view a[href^="javascript"]').length`), &links),
	)
	if xssTitle != "<script>alert(1)</script> Perhetyön malli" {
		t.Errorf("model title shown as %q, want the markup as text", xssTitle)
	}
	if method != "Työpaja" || phases != "Kehittäminen" || described != "Osallisuus on kuvattu." {
		t.Errorf("coding shown as method %q, phases %q, described %q", method, phases, described)
	}
	if !strings.Contains(evidence, "Työpajassa <i>kokeiltiin</i> mallia.") || !strings.Contains(evidence, "<b>Kuvaus</b>") {
		t.Errorf("evidence shown as %q", evidence)
	}
	if scripts != 1 || imgs != 0 || links != 0 {
		t.Errorf("markup became elements: %d scripts, %d img/b/i, %d javascript: links", scripts, imgs, links)
	}

	var summary string
	run("the summary with an img tag is text",
		get(chromedp.Text(chromedp.CSS("#model-summary")), &summary))
	if !strings.Contains(summary, `<img src=x onerror="alert(2)">`) {
		t.Errorf("summary shown as %q", summary)
	}

	run("back to the same search",
		chromedp.Click(chromedp.CSS("#back")),
		waitFor(`!document.querySelector('#search-view').hidden && document.querySelector('#status').textContent === 'Löytyi 1 toimintamallia.'`),
		waitFor(`document.querySelector('#q').value === 'perhetyö'`),
	)
	run("unknown model",
		chromedp.Navigate(srv.URL+"/#malli/ei-ole"),
		waitFor(`document.querySelector('#model-error') !== null`),
	)
	if ev := log.all(); len(ev) > 0 {
		t.Errorf("the page raised dialogs or exceptions: %v", ev)
	}
}
