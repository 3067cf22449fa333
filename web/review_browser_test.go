package web

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/innokyla/innokyla/store"
)

// TestReviewPageInChromium reviews a model in the page: the queue shows
// the lowest confidence first, a rejected code stays rejected after a
// reload, a second tab sees it, a code is added by selecting its passage,
// and the person's coding is stored whole.
func TestReviewPageInChromium(t *testing.T) {
	srv, path := reviewServer(t, nil)
	ctx, log := browser(t)
	run := func(ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v (browser events: %v)", step, err, log.All())
		}
	}
	var first, title, mark, markClass string
	run(ctx, "open the queue",
		chromedp.Navigate(srv.URL+"/review#jono"),
		waitFor(`document.querySelectorAll('#queue li').length === 3`),
		get(chromedp.Evaluate[string](`document.querySelector('#queue li').getAttribute('data-id')`), &first),
		get(chromedp.Evaluate[bool](`(function(){var c=document.querySelector('#coder'); c.value='Ella'; c.dispatchEvent(new Event('change')); return true})()`), new(bool)),
	)
	if first != "a" {
		t.Fatalf("first in the queue %q, want a (its survey code is low)", first)
	}
	run(ctx, "the region filter",
		chromedp.Navigate(srv.URL+"/review#jono?region=Kainuu"),
		waitFor(`document.querySelector('#review-status').textContent === 'Ei tarkistettavaa.'`),
		chromedp.Navigate(srv.URL+"/review#jono?region=Pirkanmaa"),
		waitFor(`document.querySelectorAll('#queue li').length === 3`),
	)
	run(ctx, "open the model",
		chromedp.Click(chromedp.CSS(`#queue li[data-id="a"] a`)),
		waitFor(`document.querySelectorAll('#codes .code').length === 2`),
		get(chromedp.Text(chromedp.CSS("#title")), &title),
		get(chromedp.Text(chromedp.CSS(`#text mark[data-codes="survey"]`)), &mark),
		get(chromedp.Evaluate[string](`document.querySelector('#text mark[data-codes="survey"]').className`), &markClass),
	)
	if title != "Äitien ryhmä" || mark != "Äidit vastasivat kyselyyn alussa." || markClass != "conf-low" {
		t.Fatalf("model shown with title %q, survey evidence %q in %q", title, mark, markClass)
	}
	run(ctx, "reject the survey code",
		chromedp.Click(chromedp.CSS(`.code[data-method="survey"] button.reject`)),
		waitFor(`document.querySelector('#review-status').textContent === 'Tallennettu.'`),
		waitFor(`document.querySelector('.code[data-method="survey"]').classList.contains('decided-reject')`),
	)
	var decision string
	run(ctx, "reload: the decision is there",
		chromedp.Reload(),
		waitFor(`document.querySelector('.code[data-method="survey"] .decision') !== null`),
		get(chromedp.Text(chromedp.CSS(`.code[data-method="survey"] .decision`)), &decision),
	)
	if !strings.HasPrefix(decision, "hylätty – Ella ") {
		t.Fatalf("after a reload the decision reads %q", decision)
	}
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	var other string
	run(tab, "a second tab sees it",
		chromedp.Navigate(srv.URL+"/review#malli/a"),
		waitFor(`document.querySelector('.code[data-method="survey"] .decision') !== null`),
		get(chromedp.Text(chromedp.CSS(`.code[data-method="survey"] .decision`)), &other),
	)
	if other != decision {
		t.Fatalf("the second tab shows %q, the first %q", other, decision)
	}
	var selected bool
	run(ctx, "add a code by selecting its passage",
		get(chromedp.Evaluate[bool](`(function(){
			var div = document.querySelector('.section-text[data-section="1"]');
			var w = document.createTreeWalker(div, NodeFilter.SHOW_TEXT), n, want = 'Asiakkaita haastateltiin kotona.';
			while ((n = w.nextNode())) {
				var i = n.data.indexOf(want);
				if (i >= 0) { var r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + want.length);
					var s = getSelection(); s.removeAllRanges(); s.addRange(r); return true; }
			}
			return false; })()`), &selected),
		chromedp.SetValue(chromedp.CSS("#add-method"), "interview"),
		chromedp.Click(chromedp.CSS("#phase-development")),
		chromedp.Click(chromedp.CSS("#add-button")),
		waitFor(`document.querySelector('#added .code[data-method="interview"]') !== null`),
		waitFor(`document.querySelector('#text mark.added') !== null && document.querySelector('#text mark.added').textContent === 'Asiakkaita haastateltiin kotona.'`),
	)
	if !selected {
		t.Fatal("the passage to select is not on the page")
	}
	run(ctx, "accept the last code: the coding is whole",
		chromedp.Click(chromedp.CSS(`.code[data-method="workshop"] button.accept`)),
		waitFor(`document.querySelector('#review-status').textContent === 'Tallennettu. Koodaus on tarkistettu kokonaan.'`),
		waitFor(`document.querySelector('#complete').textContent === 'Tarkistettu koodaus: Ella'`),
	)
	run(tab, "the queue no longer holds it",
		chromedp.Navigate(srv.URL+"/review#jono"),
		waitFor(`document.querySelectorAll('#queue li').length === 2 && !document.querySelector('#queue li[data-id="a"]')`),
	)
	var xss string
	var scripts int
	run(tab, "markup in a model is text",
		chromedp.Navigate(srv.URL+"/review#malli/xss"),
		waitFor(`document.querySelectorAll('#codes .code').length === 1`),
		get(chromedp.Text(chromedp.CSS("#title")), &xss),
		get(chromedp.Evaluate[int](`document.querySelectorAll('script, #review-view b, #review-view i').length`), &scripts),
	)
	if xss != "<script>alert(1)</script> Malli" || scripts != 1 {
		t.Errorf("title %q, %d script/b/i elements", xss, scripts)
	}

	// What the page stored is Ella's whole coding of version 1.
	s, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got []string
	err = s.HumanCodings(context.Background(), store.HumanQuery{Coder: "Ella"}, func(hc store.HumanCoding) error {
		for _, m := range hc.P.Methods {
			got = append(got, hc.ID+":"+m.ID+":"+strings.Join(m.Phases, ","))
		}
		if !hc.Complete {
			t.Errorf("%s not complete", hc.ID)
		}
		return nil
	})
	if err != nil || strings.Join(got, " ") != "a:interview:development a:workshop:planning" {
		t.Errorf("stored %v %v", got, err)
	}
	if ev := log.All(); len(ev) > 0 {
		t.Errorf("the page raised dialogs or exceptions: %v", ev)
	}
}
