package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/innokyla/innokyla/internal/browsertest"
	"github.com/innokyla/innokyla/model"
)

func browser(t *testing.T) (context.Context, *browsertest.Log) { return browsertest.New(t) }

func waitFor(expr string) chromedp.Action[chromedp.Void] { return browsertest.WaitFor(expr) }

func get[T any](a chromedp.Action[T], dst *T) chromedp.Action[chromedp.Void] {
	return browsertest.Get(a, dst)
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
			t.Fatalf("%s: %v (browser events: %v)", step, err, log.All())
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
	if ev := log.All(); len(ev) > 0 {
		t.Errorf("the page raised dialogs or exceptions: %v", ev)
	}
}
