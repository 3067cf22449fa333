package history

import "github.com/innokyla/innokyla/model"

// Kinds of an Entry.
const (
	Added     = "added"
	Changed   = "changed"
	Withdrawn = "withdrawn"
)

// Entry is one model in a Log.
type Entry struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	URL        string `json:"url"`
	Kind       string `json:"kind"`
	Version    int    `json:"version"`               // the current (for a withdrawn model, the last) version
	OldVersion int    `json:"old_version,omitempty"` // the version current at the start; 0 for an added model
	Withdrawn  string `json:"withdrawn,omitempty"`   // when, RFC 3339
	Diff       *Diff  `json:"diff,omitempty"`        // a changed model's changes
}

// RegionLog is the changes of one region.
type RegionLog struct {
	Region    string  `json:"region"` // canonical name; "" for models with no region
	Added     []Entry `json:"added"`
	Changed   []Entry `json:"changed"`
	Withdrawn []Entry `json:"withdrawn"`
}

// Log is what changed in the corpus since a time, by region.
type Log struct {
	Since      string      `json:"since"`                 // RFC 3339
	SinceCrawl int64       `json:"since_crawl,omitempty"` // the crawl whose start it is, when given so
	Regions    []RegionLog `json:"regions"`
	Added      int         `json:"added"`
	Changed    int         `json:"changed"`
	Withdrawn  int         `json:"withdrawn"`
}

// Add puts a change in its region (the current version's); changes must
// come ordered by region. old is nil for an added model.
func (l *Log) Add(kind string, old, new *model.Model, withdrawn string) {
	if n := len(l.Regions); n == 0 || l.Regions[n-1].Region != new.Region {
		l.Regions = append(l.Regions, RegionLog{Region: new.Region, Added: []Entry{}, Changed: []Entry{}, Withdrawn: []Entry{}})
	}
	r := &l.Regions[len(l.Regions)-1]
	e := Entry{ID: new.ID, Title: new.Title, URL: new.URL, Kind: kind, Version: new.Version, Withdrawn: withdrawn}
	if old != nil {
		e.OldVersion = old.Version
	}
	switch kind {
	case Added:
		r.Added = append(r.Added, e)
		l.Added++
	case Withdrawn:
		r.Withdrawn = append(r.Withdrawn, e)
		l.Withdrawn++
	default:
		d := Compare(old, new)
		e.Diff = &d
		r.Changed = append(r.Changed, e)
		l.Changed++
	}
}
