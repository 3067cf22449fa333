package classify

import (
	"fmt"
	"io"

	"github.com/innokyla/innokyla/model"
	"gopkg.in/yaml.v3"
)

// Passage is one hand-coded gold passage (testdata/gold/*.yaml): a short
// model of one or more sections with its true coding.
type Passage struct {
	ID        string          `yaml:"id"`
	Heading   string          `yaml:"heading"`
	Page      string          `yaml:"page"`
	Text      string          `yaml:"text"`
	Sections  []model.Section `yaml:"sections"`
	Described bool            `yaml:"described"`
	Methods   []string        `yaml:"methods"`
	Phases    []string        `yaml:"phases"`
	Note      string          `yaml:"note"`
}

// pathHeadings are the kehittämisen polku page's headings.
var pathHeadings = map[string]bool{
	"Oivalla ja ymmärrä": true, "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen": true,
	"Kuvittele ja kokeile": true, "Arviointi": true, "Levitä ja juurruta": true,
}

// LoadPassages reads a YAML list of passages. base is the URL prefix of
// their models (a passage's URL is base + "/" + ID).
func LoadPassages(r io.Reader, name string) ([]Passage, error) {
	var ps []Passage
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&ps); err != nil {
		return nil, fmt.Errorf("passages %s: %w", name, err)
	}
	seen := map[string]bool{}
	for i, p := range ps {
		if p.ID == "" || seen[p.ID] {
			return nil, fmt.Errorf("passages %s: item %d: missing or repeated id %q", name, i+1, p.ID)
		}
		seen[p.ID] = true
		if p.Described != (len(p.Methods) > 0) && len(p.Methods) > 0 {
			return nil, fmt.Errorf("passages %s: %s: methods given but described is false", name, p.ID)
		}
		for _, m := range p.Methods {
			if !model.IsMethod(m) {
				return nil, fmt.Errorf("passages %s: %s: unknown method %q", name, p.ID, m)
			}
		}
		for _, ph := range p.Phases {
			if !model.IsPhase(ph) {
				return nil, fmt.Errorf("passages %s: %s: unknown phase %q", name, p.ID, ph)
			}
		}
	}
	return ps, nil
}

// Model is the passage as a practice model at base/ID.
func (p Passage) Model(base string) *model.Model {
	m := &model.Model{ID: p.ID, URL: base + "/" + p.ID, Title: p.ID}
	secs := p.Sections
	if p.Text != "" {
		secs = append([]model.Section{{Heading: p.Heading, Page: p.Page, Text: p.Text}}, secs...)
	}
	for _, s := range secs {
		if s.Page == "" {
			s.Page = model.PageMain
			if pathHeadings[s.Heading] {
				s.Page = model.PagePath
			}
		}
		m.Sections = append(m.Sections, s)
	}
	return m
}

// Gold is the passage's coding as a gold row for base/ID.
func (p Passage) Gold(base string) GoldRow {
	g := GoldRow{URL: base + "/" + p.ID, Described: p.Described, Methods: p.Methods, Phases: p.Phases}
	if g.Methods == nil {
		g.Methods = []string{}
	}
	if g.Phases == nil {
		g.Phases = []string{}
	}
	return g
}
