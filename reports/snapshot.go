package reports

import (
	"fmt"
	"strings"
)

// Snapshot says which state of the corpus a report was made from, so the
// same report can be made again from the same store: --as-of the same
// time gives the same bytes.
type Snapshot struct {
	// AsOf is the time of the last change to the corpus the report
	// includes (a version stored, a model withdrawn or restored, a crawl
	// finished), RFC 3339; a report on the latest state names it too.
	AsOf      string `json:"as_of"`
	LastCrawl string `json:"last_crawl"` // "crawl N finished T"; "" when none
	// IncludeWithdrawn says withdrawn models were counted.
	IncludeWithdrawn bool `json:"include_withdrawn,omitempty"`
	// Recoded names the codebook the versions were coded with for this
	// report (--codebook), "" when the stored codings were counted.
	Recoded string `json:"recoded,omitempty"`
}

// describe says in words which state of the corpus was read and how.
// The codebook is on its own line of every header.
func (s Snapshot) describe(l Lang, models int) string {
	parts := []string{l.t("tilanne ", "as of ") + orDash(s.AsOf), l.models(models)}
	if s.Recoded != "" {
		parts = append(parts, l.t("koodattu uudelleen tätä raporttia varten koodikirjalla ", "recoded for this report with codebook ")+s.Recoded)
	}
	if s.LastCrawl != "" {
		parts = append(parts, l.t("viimeisin haku: ", "last crawl: ")+s.LastCrawl)
	}
	if s.IncludeWithdrawn {
		parts = append(parts, l.t("poistuneet mallit mukana", "withdrawn models included"))
	}
	return strings.Join(parts, "; ")
}

// snapshotLine is the header line of a report.
func (r *Report) snapshotLine() string {
	return r.Snapshot.describe(r.Lang, r.Result.Total.Models)
}

// CrawlLabel names a crawl in a snapshot.
func CrawlLabel(id int64, finished string) string {
	return fmt.Sprintf("%d (%s)", id, finished)
}
