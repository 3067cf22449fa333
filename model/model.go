package model

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
)

// Pages a section can come from.
const (
	PageMain = "main"
	PagePath = "kehittamisen-polku"
)

// Section is one headed block of text on a model's main page or its
// kehittämisen polku page. Text keeps paragraph breaks as blank lines and
// list items as lines starting with "- ".
type Section struct {
	Page    string `json:"page"`
	Heading string `json:"heading"`
	Text    string `json:"text"`
}

// Model is one practice model as published, with its coding when classified.
type Model struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Summary   string    `json:"summary"`
	Place     string    `json:"place"`
	RegionRaw string    `json:"region_raw"`
	Region    string    `json:"region"`
	Regions   []string  `json:"regions,omitempty"` // all normalised regions, Region first
	Funder    string    `json:"funder"`
	Project   string    `json:"project"`
	Author    string    `json:"author"`
	Created   string    `json:"created"`  // ISO date YYYY-MM-DD or ""
	Modified  string    `json:"modified"` // ISO date YYYY-MM-DD or ""
	Stage     string    `json:"stage"`
	Sections  []Section `json:"sections"`

	FetchedAt     time.Time `json:"fetched_at"`
	ContentSHA256 string    `json:"content_sha256"`
	Version       int       `json:"version,omitempty"` // store version, 1 for the first

	Participation *Participation `json:"participation,omitempty"`

	// Reviewed is set by the store when a person has reviewed this
	// version's coding whole; it is not part of the record.
	Reviewed bool `json:"-"`
}

// Participation is the coding of one model by one codebook version.
type Participation struct {
	Codebook string `json:"codebook"`
	// Coder names the person whose coding this is; empty for the
	// classifier, whose identity is its codebook.
	Coder     string   `json:"coder,omitempty"`
	Described bool     `json:"described"`
	Methods   []Method `json:"methods"`
	Phases    []string `json:"phases"`
	// General holds statements of client involvement that name no method.
	General []Evidence `json:"general,omitempty"`
}

// Method is one participation method found in a model.
type Method struct {
	ID     string   `json:"id"`
	Phases []string `json:"phases"`
	// Confidence is the highest confidence of its evidence: high, medium
	// or low (see Confidence*). Empty in codings made before it existed.
	Confidence string     `json:"confidence,omitempty"`
	Evidence   []Evidence `json:"evidence"`
}

// Evidence is the sentence or clause a code was read from. Start and End are
// byte offsets of Text within the section's text.
type Evidence struct {
	Page    string   `json:"page"`
	Section string   `json:"section"`
	Text    string   `json:"text"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Phases  []string `json:"phases,omitempty"`
	// Confidence says how strongly the sentence ties the code to
	// developing the model: high, medium or low.
	Confidence string `json:"confidence,omitempty"`
}

// Hash returns the hex SHA-256 of the published content: every field a
// crawl reads from the pages, but not the fetch time, version or coding.
// Two crawls of an unchanged model give the same hash.
func (m *Model) Hash() string {
	c := struct {
		ID, URL, Title, Summary, Place, RegionRaw, Region string
		Regions                                           []string
		Funder, Project, Author, Created, Modified, Stage string
		Sections                                          []Section
	}{m.ID, m.URL, m.Title, m.Summary, m.Place, m.RegionRaw, m.Region, m.Regions,
		m.Funder, m.Project, m.Author, m.Created, m.Modified, m.Stage, m.Sections}
	b, _ := json.Marshal(c) // cannot fail: only strings and slices of them
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Text returns the title, summary and every section's text joined by blank
// lines: the full text a reader sees.
func (m *Model) Text() string {
	var b strings.Builder
	b.WriteString(m.Title)
	b.WriteString("\n\n")
	b.WriteString(m.Summary)
	for _, s := range m.Sections {
		b.WriteString("\n\n")
		b.WriteString(s.Heading)
		b.WriteString("\n")
		b.WriteString(s.Text)
	}
	return b.String()
}

// CreatedYear returns the year of Created, or "" when it is not known.
func (m *Model) CreatedYear() string {
	if len(m.Created) >= 4 {
		return m.Created[:4]
	}
	return ""
}
