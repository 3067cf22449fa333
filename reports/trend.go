package reports

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/innokyla/innokyla/model"
)

// Trend periods and the date a model is placed by.
const (
	TrendYear       = "year"
	TrendHalf       = "half"
	TrendQuarter    = "quarter"
	TrendByCreated  = "created"
	TrendByModified = "modified"
)

// ParseTrend checks a --trend period and a --trend-by date.
func ParseTrend(period, by string) error {
	switch period {
	case TrendYear, TrendHalf, TrendQuarter:
	default:
		return fmt.Errorf("trend %q: want year, half or quarter", period)
	}
	if by != TrendByCreated && by != TrendByModified {
		return fmt.Errorf("trend by %q: want created or modified", by)
	}
	return nil
}

// periodOf is the period of an ISO date: 2024, 2024-H1 or 2024-Q2; ""
// when the date is not one.
func periodOf(date, period string) string {
	if len(date) < 7 || date[4] != '-' {
		return ""
	}
	month, err := strconv.Atoi(date[5:7])
	if err != nil || month < 1 || month > 12 {
		return ""
	}
	switch period {
	case TrendHalf:
		return fmt.Sprintf("%s-H%d", date[:4], (month-1)/6+1)
	case TrendQuarter:
		return fmt.Sprintf("%s-Q%d", date[:4], (month-1)/3+1)
	}
	return date[:4]
}

// nextPeriod is the period after p.
func nextPeriod(p, period string) string {
	year, _ := strconv.Atoi(p[:4])
	switch period {
	case TrendHalf, TrendQuarter:
		n, last := int(p[6]-'0'), 2
		if period == TrendQuarter {
			last = 4
		}
		if n == last {
			return fmt.Sprintf("%d-%c1", year+1, p[5])
		}
		return fmt.Sprintf("%d-%c%d", year, p[5], n+1)
	}
	return strconv.Itoa(year + 1)
}

// TrendPoint is one region's (or the country's) counts in one period.
// The shares are of the coded models; models not yet coded are left out.
type TrendPoint struct {
	Period    string
	Models    int
	Coded     int
	Described int
	AllPhases int // models whose clients took part in all four phases
	Methods   [nMethods]int
}

// TrendSeries is one region's points, one per period of the trend.
type TrendSeries struct {
	Name   string // canonical region name; "" for models with no region
	Points []TrendPoint
}

// Trend is the models, the share describing client involvement, the share
// covering all four phases and each method's share, per period, for every
// region and the whole country.
type Trend struct {
	Period, By string
	Periods    []string // every period from the first to the last, gaps included
	Regions    []TrendSeries
	Country    TrendSeries
	Undated    int      // models without the date, left out
	Codebooks  []string // of the codings counted
}

// TrendAggregator counts streamed models per region and period.
type TrendAggregator struct {
	period, by string
	counts     map[string]map[string]*TrendPoint // region -> period
	country    map[string]*TrendPoint
	undated    int
	codebooks  map[string]bool
	only       map[string]bool // the regions with a series; nil: every region
}

// Only keeps a series for these regions alone (canonical names); the
// whole country still counts every model added.
func (a *TrendAggregator) Only(regions []string) {
	if len(regions) == 0 {
		a.only = nil
		return
	}
	a.only = map[string]bool{}
	for _, r := range regions {
		a.only[r] = true
	}
}

// NewTrend returns a TrendAggregator by period (year, half, quarter) of
// the model's created or modified date (a model never modified counts by
// its created date).
func NewTrend(period, by string) (*TrendAggregator, error) {
	if err := ParseTrend(period, by); err != nil {
		return nil, err
	}
	return &TrendAggregator{period: period, by: by, counts: map[string]map[string]*TrendPoint{},
		country: map[string]*TrendPoint{}, codebooks: map[string]bool{}}, nil
}

// Add counts one model in its primary region. It keeps nothing of m.
func (a *TrendAggregator) Add(m *model.Model) {
	date := m.Created
	if a.by == TrendByModified && m.Modified != "" {
		date = m.Modified
	}
	p := periodOf(date, a.period)
	if p == "" {
		a.undated++
		return
	}
	if m.Participation != nil && m.Participation.Codebook != "" && len(a.codebooks) < 16 {
		a.codebooks[m.Participation.Codebook] = true
	}
	c := reduce(m)
	series := []map[string]*TrendPoint{a.country}
	if a.only == nil || a.only[m.Region] {
		r := a.counts[m.Region]
		if r == nil {
			r = map[string]*TrendPoint{}
			a.counts[m.Region] = r
		}
		series = append(series, r)
	}
	for _, pts := range series {
		pt := pts[p]
		if pt == nil {
			pt = &TrendPoint{Period: p}
			pts[p] = pt
		}
		pt.add(&c)
	}
}

func (pt *TrendPoint) add(c *coded) {
	pt.Models++
	if !c.coded {
		return
	}
	pt.Coded++
	if c.described {
		pt.Described++
	}
	all := true
	for _, on := range c.phases {
		all = all && on
	}
	if all {
		pt.AllPhases++
	}
	for i, on := range c.methods {
		if on {
			pt.Methods[i]++
		}
	}
}

// Result returns the trend: regions in Finnish collation order, each with
// a point for every period.
func (a *TrendAggregator) Result() *Trend {
	t := &Trend{Period: a.period, By: a.by, Undated: a.undated}
	var first, last string
	for p := range a.country {
		if first == "" || p < first {
			first = p
		}
		if p > last {
			last = p
		}
	}
	for p := first; first != "" && p <= last; p = nextPeriod(p, a.period) {
		t.Periods = append(t.Periods, p)
	}
	series := func(name string, pts map[string]*TrendPoint) TrendSeries {
		s := TrendSeries{Name: name, Points: make([]TrendPoint, len(t.Periods))}
		for i, p := range t.Periods {
			if pt := pts[p]; pt != nil {
				s.Points[i] = *pt
			} else {
				s.Points[i] = TrendPoint{Period: p}
			}
		}
		return s
	}
	names := make([]string, 0, len(a.counts))
	for n := range a.counts {
		names = append(names, n)
	}
	sortByName(names, func(s string) string { return s })
	for _, n := range names {
		t.Regions = append(t.Regions, series(n, a.counts[n]))
	}
	t.Country = series("", a.country)
	for cb := range a.codebooks {
		t.Codebooks = append(t.Codebooks, cb)
	}
	sort.Strings(t.Codebooks)
	return t
}
