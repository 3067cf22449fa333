package sitegen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Project is one project (kokonaisuus) page: projects/<slug>.yaml.
type Project struct {
	Slug      string `yaml:"slug"`
	Title     string `yaml:"title"`
	RegionRaw string `yaml:"region_raw"`
	Summary   string `yaml:"summary"`

	File string `yaml:"-"` // path the project was read from
}

// SectionSrc is one headed block of a model source.
type SectionSrc struct {
	Page    string `yaml:"page"`
	Heading string `yaml:"heading"`
	Text    string `yaml:"text"`
}

// Gold is the true coding of a source model by the codebook.
type Gold struct {
	Described bool     `yaml:"described"`
	Methods   []string `yaml:"methods"`
	Phases    []string `yaml:"phases"`
	Note      string   `yaml:"note"`
}

// Source is one practice model as written in models/<slug>.yaml.
type Source struct {
	Slug      string       `yaml:"slug"`
	Title     string       `yaml:"title"`
	Summary   string       `yaml:"summary"`
	Place     string       `yaml:"place"`
	RegionRaw string       `yaml:"region_raw"`
	Funder    string       `yaml:"funder"`
	Project   string       `yaml:"project"` // project slug or ""
	Author    string       `yaml:"author"`
	Created   string       `yaml:"created"`  // dd.mm.yyyy
	Modified  string       `yaml:"modified"` // dd.mm.yyyy or ""
	Stage     string       `yaml:"stage"`
	Sections  []SectionSrc `yaml:"sections"`
	Gold      Gold         `yaml:"gold"`

	File string `yaml:"-"` // path the source was read from

	project *Project // resolved by Load
}

// ProjectRef returns the project the model belongs to, or nil.
func (s *Source) ProjectRef() *Project { return s.project }

// SetProject links the model to p (for corpora built in code, such as
// synthetic ones); Load does this itself.
func (s *Source) SetProject(p *Project) {
	s.project = p
	if p != nil {
		s.Project = p.Slug
	}
}

// Corpus is every project and model source, each sorted by slug.
type Corpus struct {
	Projects []*Project
	Sources  []*Source
}

// Stages a model can be published with ("" when not given).
var stages = map[string]bool{"": true, "Kehitteillä": true, "Valmis": true, "Arvioitu": true}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads srcDir/projects/*.yaml and srcDir/models/*.yaml, validates
// them and links models to their projects. All problems found are returned
// together, each naming file and line.
func Load(srcDir string) (*Corpus, error) {
	c := &Corpus{}
	var errs []error
	projFiles, err := filepath.Glob(filepath.Join(srcDir, "projects", "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", srcDir, err)
	}
	modelFiles, err := filepath.Glob(filepath.Join(srcDir, "models", "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", srcDir, err)
	}
	if len(modelFiles) == 0 {
		return nil, fmt.Errorf("load %s: no models/*.yaml", srcDir)
	}
	projects := map[string]*Project{}
	for _, f := range projFiles {
		p := &Project{File: f}
		root, err := decodeStrict(f, p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if e := validateProject(p, root, projects); e != nil {
			errs = append(errs, e...)
			continue
		}
		projects[p.Slug] = p
		c.Projects = append(c.Projects, p)
	}
	slugs := map[string]string{}
	for _, f := range modelFiles {
		s := &Source{File: f}
		root, err := decodeStrict(f, s)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if e := validateSource(s, root, projects, slugs); e != nil {
			errs = append(errs, e...)
			continue
		}
		slugs[s.Slug] = f
		c.Sources = append(c.Sources, s)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(c.Projects, func(i, j int) bool { return c.Projects[i].Slug < c.Projects[j].Slug })
	sort.Slice(c.Sources, func(i, j int) bool { return c.Sources[i].Slug < c.Sources[j].Slug })
	return c, nil
}

// decodeStrict decodes one YAML document of file into v, rejecting unknown
// fields, and returns the document's node tree for line look-ups.
func decodeStrict(file string, v any) (*yaml.Node, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlErr(file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:1: want a YAML mapping", file)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, yamlErr(file, err)
	}
	return doc.Content[0], nil
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlErr rewrites yaml.v3's "line N: msg" errors as "file:N: msg".
func yamlErr(file string, err error) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var errs []error
	for _, m := range msgs {
		if sm := yamlLineRE.FindStringSubmatch(m); sm != nil {
			errs = append(errs, fmt.Errorf("%s:%s: %s", file, sm[1], sm[2]))
		} else {
			errs = append(errs, fmt.Errorf("%s: %s", file, strings.TrimPrefix(m, "yaml: ")))
		}
	}
	return errors.Join(errs...)
}

// lineOf finds the line of a value in a mapping tree by a path of keys
// (string) and sequence indices (int); it falls back to the nearest parent.
func lineOf(n *yaml.Node, path ...any) int {
	line := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						line = n.Content[i].Line
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				line = next.Line
			}
		}
		if next == nil {
			return line
		}
		n = next
	}
	return line
}

// errAt formats a validation error at the line of path in file.
func errAt(file string, root *yaml.Node, path []any, format string, args ...any) error {
	return fmt.Errorf("%s:%s: %s", file, strconv.Itoa(lineOf(root, path...)), fmt.Sprintf(format, args...))
}
