package classify

import (
	"crypto/sha256"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"

	"github.com/innokyla/innokyla/model"
	"gopkg.in/yaml.v3"
)

//go:embed codebook.yaml
var defaultYAML []byte

// Codebook is the coding scheme: codes, labels, cue patterns and the word
// lists the judgement uses. Build a Classifier from it with New.
type Codebook struct {
	Version     string       `yaml:"version"`
	Clients     actorDef     `yaml:"clients"`
	Staff       actorDef     `yaml:"staff"`
	Negation    negationDef  `yaml:"negation"`
	Serving     []Pattern    `yaml:"serving"`
	Anchors     anchorsDef   `yaml:"anchors"`
	Modality    []Pattern    `yaml:"modality"`
	Targets     []Pattern    `yaml:"targets"`
	ClauseStart []Pattern    `yaml:"clause_starts"`
	Relatives   []Pattern    `yaml:"relatives"`
	Content     []Pattern    `yaml:"content"`
	Phases      []PhaseDef   `yaml:"phases"`
	Methods     []MethodDef  `yaml:"methods"`
	Sections    []SectionDef `yaml:"sections"`

	name string
	lx   *lexicon // compiled by Load
}

// Pattern is one cue as written in the codebook, with its line there.
type Pattern struct {
	Text string
	Line int
}

// PhaseDef is one phase of development with its cues.
type PhaseDef struct {
	ID   string    `yaml:"id"`
	FI   string    `yaml:"fi"`
	EN   string    `yaml:"en"`
	Cues []Pattern `yaml:"cues"`
	line int
}

// MethodDef is one involvement method. Cues need a client actor near them;
// ClientCues name clients themselves (asiakaskysely, kokemusasiantuntija).
type MethodDef struct {
	ID         string    `yaml:"id"`
	FI         string    `yaml:"fi"`
	EN         string    `yaml:"en"`
	Cues       []Pattern `yaml:"cues"`
	ClientCues []Pattern `yaml:"client_cues"`
	Except     []Pattern `yaml:"except"`
	Overrides  []string  `yaml:"overrides"`
	Observer   bool      `yaml:"observer"`
	// Person: the cues name people (kokemusasiantuntijat); other clients
	// named beside them still make a general statement of involvement.
	Person   bool                 `yaml:"person"`
	Fallback bool                 `yaml:"fallback"`
	Requires map[string][]Pattern `yaml:"requires"`
	line     int
}

// SectionDef places methods found under a heading in phases and weighs
// the section: high where Innokylä tells how a model was developed, low
// where it describes the context or the model itself.
type SectionDef struct {
	Heading string   `yaml:"heading"`
	Phases  []string `yaml:"phases"`
	Weight  string   `yaml:"weight"`
	line    int
	// keyLines: the line of each key, for errors
	keyLines map[string]int
}

// Section weights and what they add to a unit's score.
var sectionWeights = map[string]int{"high": 1, "normal": 0, "": 0, "low": -1}

type actorDef struct {
	MaxSuffix int       `yaml:"max_suffix"`
	Stems     []Pattern `yaml:"stems"`
	Except    []Pattern `yaml:"except"`
	line      int
}

type negationDef struct {
	Words    []Pattern `yaml:"words"`
	NotAfter []Pattern `yaml:"not_after"`
}

// UnmarshalYAML reads the anchors, refusing unknown keys.
func (a *anchorsDef) UnmarshalYAML(n *yaml.Node) error {
	type plain anchorsDef
	return decodeStrict(n, (*plain)(a), "development", "events", "reported", "sources", "past_aux", "progressive", "contexts")
}

// anchorsDef are the words that tie a code to developing the model.
type anchorsDef struct {
	Development []Pattern `yaml:"development"` // verb stems: kehit, suunnit
	Events      []Pattern `yaml:"events"`      // verb stems: osallistu, kerätt
	Reported    []Pattern `yaml:"reported"`    // whole reported forms: teki
	Sources     []Pattern `yaml:"sources"`     // mukaan, perusteella: results of a client method
	PastAux     []Pattern `yaml:"past_aux"`    // oli, ollut, lähti
	Progressive []Pattern `yaml:"progressive"` // forms needing a past auxiliary: mukana
	Contexts    []Pattern `yaml:"contexts"`    // kehittämistyössä, pilotin aikana
}

// CodebookError is a codebook that cannot be used: where and why.
type CodebookError struct {
	File   string
	Line   int
	Reason string
}

func (e *CodebookError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("codebook %s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("codebook %s: %s", e.File, e.Reason)
}

// Default returns the codebook embedded in the binary.
func Default() *Codebook {
	cb, err := Load(strings.NewReader(string(defaultYAML)), "codebook.yaml (embedded)")
	if err != nil {
		panic(err) // the embedded codebook is tested; it cannot be bad
	}
	return cb
}

// Load reads a codebook from YAML. name is used in errors, which are
// *CodebookError values giving the line and the reason.
func Load(r io.Reader, name string) (*Codebook, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var cb Codebook
	if err := dec.Decode(&cb); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &CodebookError{File: name, Reason: "empty file"}
		}
		return nil, yamlError(name, err)
	}
	cb.name = name
	if err := cb.validate(); err != nil {
		return nil, err
	}
	lx, err := compile(&cb)
	if err != nil {
		return nil, &CodebookError{File: name, Reason: err.Error()}
	}
	cb.lx = lx
	return &cb, nil
}

// Name is where the codebook was read from.
func (cb *Codebook) Name() string { return cb.name }

// rulesRevision names the revision of the judgement in this package's Go
// code. Change it with any change to the rules that changes codings.
const rulesRevision = "2026-12-04.2"

// Identity names the codebook in codings, reports, exports and explain:
// its version, where it was read from and a short hash of its content, so
// a codebook edited without a new version is not taken for the one it was
// edited from: "innokyla-codebook-2.0 (embedded, 1a2b3c4d)".
//
// The hash also covers the judgement's own revision (rulesRevision) and the
// morphology the binary reads words with, since codings of the same
// codebook differ when those change; classify does not recode a model
// version already coded by the same identity.
func (cb *Codebook) Identity() string {
	b, _ := json.Marshal(cb) // strings, ints, bools and slices and maps of them
	b = append(b, rulesRevision+" "+Morphology...)
	sum := sha256.Sum256(b)
	from := "embedded"
	if !strings.HasSuffix(cb.name, " (embedded)") {
		from = filepath.Base(cb.name)
	}
	return fmt.Sprintf("%s (%s, %x)", cb.Version, from, sum[:4])
}

// MethodLabel and PhaseLabel give a code's Finnish and English names.
func (cb *Codebook) MethodLabel(id string) model.Label {
	for _, m := range cb.Methods {
		if m.ID == id {
			return model.Label{FI: m.FI, EN: m.EN}
		}
	}
	return model.MethodLabels[id]
}

// PhaseLabel gives a phase's Finnish and English names.
func (cb *Codebook) PhaseLabel(id string) model.Label {
	for _, p := range cb.Phases {
		if p.ID == id {
			return model.Label{FI: p.FI, EN: p.EN}
		}
	}
	return model.PhaseLabels[id]
}

// yamlError turns a yaml.v3 error ("yaml: line 3: ...") into a CodebookError.
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		if i := strings.Index(msg, ":"); i >= 0 {
			msg = strings.TrimSpace(msg[i+1:])
		}
	}
	if m := unknownField.FindStringSubmatch(msg); m != nil && m[2] == "Codebook" {
		msg = fmt.Sprintf("unknown field %q (known: %s)", m[1], strings.Join(yamlKeys(Codebook{}), ", "))
	}
	return &CodebookError{File: name, Line: line, Reason: msg}
}

// unknownField is yaml.v3's message for a key no field takes.
var unknownField = regexp.MustCompile(`^field (\S+) not found in type [\w.]*?(\w+)$`)

// yamlKeys are the YAML keys of struct v's fields, in order.
func yamlKeys(v any) []string {
	t := reflect.TypeOf(v)
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

// UnmarshalYAML reads a pattern and remembers its line.
func (p *Pattern) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: a pattern must be a string", n.Line)
	}
	p.Text, p.Line = n.Value, n.Line
	return nil
}

// UnmarshalYAML reads a phase and remembers its line.
func (p *PhaseDef) UnmarshalYAML(n *yaml.Node) error {
	type plain PhaseDef
	if err := decodeStrict(n, (*plain)(p), "id", "fi", "en", "cues"); err != nil {
		return err
	}
	p.line = n.Line
	return nil
}

// UnmarshalYAML reads a method and remembers its line.
func (m *MethodDef) UnmarshalYAML(n *yaml.Node) error {
	type plain MethodDef
	if err := decodeStrict(n, (*plain)(m), "id", "fi", "en", "cues", "client_cues",
		"except", "overrides", "observer", "person", "fallback", "requires"); err != nil {
		return err
	}
	m.line = n.Line
	return nil
}

// UnmarshalYAML reads a section mapping and remembers its line.
func (s *SectionDef) UnmarshalYAML(n *yaml.Node) error {
	type plain SectionDef
	if err := decodeStrict(n, (*plain)(s), "heading", "phases", "weight"); err != nil {
		return err
	}
	s.line = n.Line
	s.keyLines = keyLines(n)
	return nil
}

// keyLines gives the line of each key of a mapping node, so an error in a
// value points at its own line, not at the mapping's first.
func keyLines(n *yaml.Node) map[string]int {
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		lines[n.Content[i].Value] = n.Content[i].Line
	}
	return lines
}

// lineOf is the line of key in a section mapping, or its first line.
func (s *SectionDef) lineOf(key string) int {
	if l := s.keyLines[key]; l > 0 {
		return l
	}
	return s.line
}

// UnmarshalYAML reads an actor list and remembers its line.
func (a *actorDef) UnmarshalYAML(n *yaml.Node) error {
	type plain actorDef
	if err := decodeStrict(n, (*plain)(a), "max_suffix", "stems", "except"); err != nil {
		return err
	}
	a.line = n.Line
	return nil
}

// decodeStrict decodes a mapping node, refusing keys not in allowed: node
// decoding in yaml.v3 does not inherit the decoder's KnownFields.
func decodeStrict(n *yaml.Node, v any, allowed ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: expected a mapping", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ok := false
		for _, a := range allowed {
			if k.Value == a {
				ok = true
				break
			}
		}
		if !ok {
			return fmt.Errorf("line %d: unknown field %q (known: %s)", k.Line, k.Value, strings.Join(allowed, ", "))
		}
	}
	return n.Decode(v)
}
