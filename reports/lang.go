package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// Lang is the language of the words in a report: LangFI (default) or LangEN.
type Lang string

// Report languages.
const (
	LangFI Lang = "fi"
	LangEN Lang = "en"
)

// ParseLang checks a --lang value; "" means Finnish.
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "fi":
		return LangFI, nil
	case "en":
		return LangEN, nil
	}
	return "", fmt.Errorf("language %q: want fi or en", s)
}

// t picks the Finnish or the English text.
func (l Lang) t(fi, en string) string {
	if l == LangEN {
		return en
	}
	return fi
}

func (l Lang) phase(id string) string {
	if id == noPhase {
		return l.t("Ei vaihetta", "No phase")
	}
	lb := model.PhaseLabels[id]
	return l.t(lb.FI, lb.EN)
}

func (l Lang) method(id string) string {
	lb := model.MethodLabels[id]
	return l.t(lb.FI, lb.EN)
}

// groupName names a group for people; the unnamed group gets a placeholder.
func (l Lang) groupName(groupBy, name string) string {
	if name != "" {
		return name
	}
	if groupBy == GroupByProject {
		return l.t("(ei hanketta)", "(no project)")
	}
	return l.t("(ei aluetta)", "(no region)")
}

// groupHeading is the first column's heading.
func (l Lang) groupHeading(groupBy string) string {
	if groupBy == GroupByProject {
		return l.t("Hanke", "Project")
	}
	return l.t("Hyvinvointialue", "Region")
}

func (l Lang) totalName() string { return l.t("Yhteensä", "Total") }

// pct formats a percentage with one decimal, in Finnish with a decimal comma.
func (l Lang) pct(n, of int) string {
	s := strconv.FormatFloat(pct(n, of), 'f', 1, 64)
	if l == LangEN {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}

// round1 rounds a percentage to one decimal for machine formats.
func round1(n, of int) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(pct(n, of), 'f', 1, 64), 64)
	return v
}

// mark is the all-four-phases mark.
func (l Lang) mark(on bool) string {
	if on {
		return "✓"
	}
	return ""
}

// models says "n models" with the right number.
func (l Lang) models(n int) string {
	switch {
	case n == 1:
		return l.t("1 malli", "1 model")
	default:
		return strconv.Itoa(n) + l.t(" mallia", " models")
	}
}
