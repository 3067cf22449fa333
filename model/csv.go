package model

import (
	"strconv"
	"strings"
)

// CSVHeader names the columns of the CSV export, one row per model (for R
// or Excel): the fields of the JSON contract without the text, and the
// coding with methods and phases as ';'-separated IDs and method_phases
// as method:phase pairs (method:none for a method without a phase), and
// method_confidence as method:level pairs (high, medium, low).
var CSVHeader = []string{"id", "url", "title", "region", "regions", "region_raw", "place", "funder", "project", "author",
	"created", "modified", "stage", "version", "content_sha256", "fetched_at",
	"codebook", "described", "methods", "phases", "method_phases", "method_confidence"}

// CSVRow is m as a row under CSVHeader. The values are as stored; a writer
// that opens in a spreadsheet must guard them against formulas itself.
func (m *Model) CSVRow() []string {
	fetched := ""
	if !m.FetchedAt.IsZero() {
		fetched = m.FetchedAt.UTC().Format("2006-01-02T15:04:05Z")
	}
	row := []string{m.ID, m.URL, m.Title, m.Region, strings.Join(m.Regions, ";"), m.RegionRaw, m.Place, strings.Join(m.Funders(), ";"),
		m.Project, m.Author, m.Created, m.Modified, m.Stage, strconv.Itoa(m.Version), m.ContentSHA256, fetched}
	p := m.Participation
	if p == nil {
		return append(row, "", "", "", "", "", "")
	}
	var methods, pairs, conf []string
	for _, me := range p.Methods {
		methods = append(methods, me.ID)
		if me.Confidence != "" {
			conf = append(conf, me.ID+":"+me.Confidence)
		}
		if len(me.Phases) == 0 {
			pairs = append(pairs, me.ID+":none")
		}
		for _, ph := range me.Phases {
			pairs = append(pairs, me.ID+":"+ph)
		}
	}
	return append(row, p.Codebook, strconv.FormatBool(p.Described), strings.Join(methods, ";"),
		strings.Join(p.Phases, ";"), strings.Join(pairs, ";"), strings.Join(conf, ";"))
}
