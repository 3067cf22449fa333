package crawler

import (
	"fmt"
	"strings"
)

// Sniffed is what a saved HTML page says about itself before it is read
// as a model.
type Sniffed struct {
	Canonical string // its <link rel="canonical">, "" when it has none
	Path      bool   // a kehittämisen polku page, by its canonical link
	Model     bool   // a main page: it has a Perustiedot heading or label
}

// Sniff reads a saved page with the same goquery reading Extract uses, so
// import and crawl agree on what a model page is. A page that is neither
// a model's main page nor its kehittämisen polku page (a listing, a
// project page) has Model and Path false.
func Sniff(body []byte) (Sniffed, error) {
	doc, err := parseHTML(body, "")
	if err != nil {
		return Sniffed{}, fmt.Errorf("sniff: %w", err)
	}
	var s Sniffed
	s.Canonical = canonicalURL(doc, "")
	s.Path = strings.Contains(s.Canonical, "kehittamisen-polku")
	// Project pages have labelled fields too; only the Perustiedot label
	// marks a model's main page.
	s.Model = !s.Path && hasBasicInfo(doc, nil)
	return s, nil
}
