package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/innokyla/innokyla/internal/browsertest"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// TestHTMLLayoutInChromium opens the coverage report of every region in
// headless Chromium at 1,400 and 390 px and takes a screenshot of each: at
// 1,400 px no table scrolls sideways or is cut and the region labels stay
// on one line (short, with the whole name on hover); at 390 px the page
// itself never scrolls sideways, only a wide table inside its box.
func TestHTMLLayoutInChromium(t *testing.T) {
	ms := fixture()
	for i, name := range region.Canonical {
		ms = append(ms, codedModel(fmt.Sprintf("r%02d", i), "Malli "+name, name, "Hanke", "2022-05-01", true,
			meth("survey", ev("Oivalla ja ymmärrä", "Asiakkaille tehtiin kysely.", model.Ideation)),
			meth("experts_by_experience", ev("Kuvittele ja kokeile", "Kokemusasiantuntijat suunnittelivat mallin.", model.Planning))))
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, fixtureReport(t, GroupByRegion, LangFI, ms)); err != nil {
		t.Fatal(err)
	}
	// The screenshots stay in $INNOKYLA_SCREENSHOTS when it is set, to look at.
	dir := os.Getenv("INNOKYLA_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, log := browsertest.New(t)
	for _, width := range []int64{1400, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			var pageOverflow, tableOverflow, labels, titled, wrapped int
			var widths string
			var shot []byte
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate("file://"+file),
				browsertest.WaitFor(`document.querySelectorAll('table').length >= 4`),
				browsertest.Get(chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`), &pageOverflow),
				browsertest.Get(chromedp.Evaluate[int](`Array.from(document.querySelectorAll(".wide")).filter(d => d.scrollWidth > d.clientWidth + 1).length`), &tableOverflow),
				browsertest.Get(chromedp.Evaluate[string](`Array.from(document.querySelectorAll(".wide")).map(d => d.scrollWidth + "/" + d.clientWidth).join(" ")`), &widths),
				browsertest.Get(chromedp.Evaluate[int](`document.querySelectorAll('td.label').length`), &labels),
				browsertest.Get(chromedp.Evaluate[int](`Array.from(document.querySelectorAll('td.label[title]')).filter(td => td.title.endsWith(' hyvinvointialue')).length`), &titled),
				// A label on more than one line is taller than the line.
				browsertest.Get(chromedp.Evaluate[int](`Array.from(document.querySelectorAll('td.label')).filter(td => {
					const r = document.createRange(); r.selectNodeContents(td);
					return r.getClientRects().length > 1; }).length`), &wrapped),
				browsertest.Get(chromedp.CaptureScreenshot(), &shot),
			)
			if err != nil {
				t.Fatalf("%v (browser events: %v)", err, log.All())
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%d.png", width)), shot, 0o644); err != nil {
				t.Fatal(err)
			}
			if len(shot) < 8 || string(shot[1:4]) != "PNG" {
				t.Errorf("no screenshot (%d bytes)", len(shot))
			}
			if pageOverflow > 0 {
				t.Errorf("the page scrolls sideways by %d px", pageOverflow)
			}
			if labels < 21 || titled < 21 {
				t.Errorf("%d row labels, %d short region labels with the whole name on hover; want every region's", labels, titled)
			}
			if wrapped > 0 {
				t.Errorf("%d row labels wrap onto more lines", wrapped)
			}
			if width >= 1400 && tableOverflow > 0 {
				t.Errorf("at %d px %d tables scroll sideways (table/box widths %s)", width, tableOverflow, widths)
			}
		})
	}
	if ev := log.All(); len(ev) > 0 {
		t.Errorf("the page raised: %v", ev)
	}
}
