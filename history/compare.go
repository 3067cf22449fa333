package history

import (
	"slices"

	"github.com/innokyla/innokyla/model"
)

// Field is a Perustiedot field whose value changed.
type Field struct {
	Name string `json:"name"` // the record's JSON name: title, stage, funder, ...
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Section is a section whose text changed, was added or was removed.
type Section struct {
	Page    string   `json:"page"`
	Heading string   `json:"heading"`
	Status  string   `json:"status"` // changed, added or removed
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// Statuses of a Section.
const (
	SectionChanged = "changed"
	SectionAdded   = "added"
	SectionRemoved = "removed"
)

// Diff is what changed between two versions of one model.
type Diff struct {
	Fields   []Field   `json:"fields,omitempty"`
	Sections []Section `json:"sections,omitempty"`
	// Coding is nil when the coding did not change or a version is not
	// coded.
	Coding *Coding `json:"coding,omitempty"`
}

// Empty says nothing a reader sees changed.
func (d *Diff) Empty() bool { return len(d.Fields) == 0 && len(d.Sections) == 0 && d.Coding == nil }

// Compare says what changed from old to new.
func Compare(old, new *model.Model) Diff {
	var d Diff
	d.Fields = fields(old, new)
	d.Sections = sections(old.Sections, new.Sections)
	d.Coding = compareCoding(old.Participation, new.Participation)
	return d
}

func fields(old, new *model.Model) []Field {
	pairs := []struct{ name, o, n string }{
		{"title", old.Title, new.Title}, {"summary", old.Summary, new.Summary},
		{"place", old.Place, new.Place}, {"region_raw", old.RegionRaw, new.RegionRaw},
		{"region", old.Region, new.Region}, {"funder", old.Funder, new.Funder},
		{"project", old.Project, new.Project}, {"author", old.Author, new.Author},
		{"created", old.Created, new.Created}, {"modified", old.Modified, new.Modified},
		{"stage", old.Stage, new.Stage},
	}
	var out []Field
	for _, p := range pairs {
		if p.o != p.n {
			out = append(out, Field{Name: p.name, Old: p.o, New: p.n})
		}
	}
	return out
}

// sections pairs sections by page and heading (the n-th of a repeated
// heading with the n-th) and diffs the sentences of those whose text
// changed; sections only in one version are added or removed whole.
func sections(old, new []model.Section) []Section {
	type key struct {
		page, heading string
		n             int
	}
	keys := func(ss []model.Section) []key {
		seen := map[[2]string]int{}
		out := make([]key, len(ss))
		for i, s := range ss {
			k := [2]string{s.Page, s.Heading}
			out[i] = key{s.Page, s.Heading, seen[k]}
			seen[k]++
		}
		return out
	}
	ok, nk := keys(old), keys(new)
	oldAt := map[key]int{}
	for i, k := range ok {
		oldAt[k] = i
	}
	var out []Section
	matched := map[key]bool{}
	for i, k := range nk {
		j, had := oldAt[k]
		if !had {
			if ss := Sentences(new[i].Text); len(ss) > 0 {
				out = append(out, Section{Page: k.page, Heading: k.heading, Status: SectionAdded, Added: ss})
			}
			continue
		}
		matched[k] = true
		if old[j].Text == new[i].Text {
			continue
		}
		added, removed := diffSentences(Sentences(old[j].Text), Sentences(new[i].Text))
		if len(added)+len(removed) > 0 {
			out = append(out, Section{Page: k.page, Heading: k.heading, Status: SectionChanged, Added: added, Removed: removed})
		}
	}
	for j, k := range ok {
		if !matched[k] {
			if ss := Sentences(old[j].Text); len(ss) > 0 {
				out = append(out, Section{Page: k.page, Heading: k.heading, Status: SectionRemoved, Removed: ss})
			}
		}
	}
	return slices.Clip(out)
}
