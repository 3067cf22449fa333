package qda

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/innokyla/innokyla/model"
)

// Coding is a model version's coding read from a project.
type Coding struct {
	ID      string
	Version int
	P       *model.Participation
}

// Lookup finds the stored model version a source GUID names, or nil.
type Lookup func(sourceGUID string) (*model.Model, error)

// code is what a project's code stands for in the codebook.
type code struct{ kind, id string } // kind: method, phase, general

// Read reads a .qdpx project (name for messages) as codings: every
// source that lookup knows is one coded model version, its methods and
// phases from the codes of its selections (matched to the codebook by GUID,
// else by name or ID), each selection a passage of evidence. Sources it
// does not know, or whose text differs from the model's, are skipped and
// named in the warnings.
func Read(r io.ReaderAt, size int64, name string, lookup Lookup) ([]Coding, []string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a .qdpx (zip) file: %w", name, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	pf := files["project.qde"]
	if pf == nil {
		return nil, nil, fmt.Errorf("%s: no project.qde in the zip", name)
	}
	var p xProject
	if err := readXML(pf, &p); err != nil {
		return nil, nil, fmt.Errorf("%s: project.qde: %w", name, err)
	}
	codes := map[string]code{}
	if p.CodeBook != nil {
		mapCodes(p.CodeBook.Codes.Code, codes)
	}
	var out []Coding
	var warn []string
	if p.Sources == nil {
		return nil, nil, nil
	}
	for _, src := range p.Sources.TextSource {
		m, err := lookup(src.GUID)
		if err != nil {
			return nil, nil, err
		}
		if m == nil {
			warn = append(warn, fmt.Sprintf("source %q (%s) is no current model version; skipped", src.Name, src.GUID))
			continue
		}
		text, err := sourceText(src, files)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: source %q: %w", name, src.Name, err)
		}
		l := Text(m)
		if text != l.Text {
			warn = append(warn, fmt.Sprintf("source %q: its text is not that of %s version %d; skipped", src.Name, m.ID, m.Version))
			continue
		}
		c, err := coding(l, src, codes)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: source %q: %w", name, src.Name, err)
		}
		c.Codebook = "qdpx " + p.Name
		out = append(out, Coding{ID: m.ID, Version: m.Version, P: c})
	}
	return out, warn, nil
}

func readXML(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	err = xml.NewDecoder(rc).Decode(v)
	var se xml.UnmarshalError
	if errors.As(err, &se) || (err != nil && strings.Contains(err.Error(), "expected element type")) {
		return fmt.Errorf("not a REFI-QDA project (root Project in %s): %w", Namespace, err)
	}
	return err
}

// mapCodes matches a project's codes to the codebook.
func mapCodes(cs []xCode, out map[string]code) {
	byName := map[string]code{}
	for _, id := range model.MethodIDs {
		l := model.MethodLabels[id]
		for _, n := range []string{id, l.FI, l.EN, l.FI + " (" + l.EN + ")"} {
			byName[strings.ToLower(n)] = code{"method", id}
		}
		out[codeGUID("method", id)] = code{"method", id}
	}
	for _, id := range model.PhaseIDs {
		l := model.PhaseLabels[id]
		for _, n := range []string{id, l.FI, l.EN, l.FI + " (" + l.EN + ")"} {
			byName[strings.ToLower(n)] = code{"phase", id}
		}
		out[codeGUID("phase", id)] = code{"phase", id}
	}
	byName["general"] = code{"general", "general"}
	out[codeGUID("general", "general")] = code{"general", "general"}
	var walk func([]xCode)
	walk = func(cs []xCode) {
		for _, c := range cs {
			if _, ok := out[c.GUID]; !ok {
				if k, ok := byName[strings.ToLower(strings.TrimSpace(c.Name))]; ok {
					out[c.GUID] = k
				} else if k, ok := byName[strings.ToLower(strings.TrimSpace(c.Description))]; ok {
					out[c.GUID] = k
				}
			}
			walk(c.Code)
		}
	}
	walk(cs)
}

func sourceText(src xTextSource, files map[string]*zip.File) (string, error) {
	if src.PlainTextContent != nil {
		return *src.PlainTextContent, nil
	}
	path, ok := strings.CutPrefix(src.PlainTextPath, "internal://")
	if !ok {
		return "", fmt.Errorf("plainTextPath %q is not inside the project (internal://)", src.PlainTextPath)
	}
	f := files["sources/"+path]
	if f == nil {
		return "", fmt.Errorf("sources/%s is missing from the zip", path)
	}
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}

// coding builds a person's coding of m from the codes of a source.
func coding(l *Layout, src xTextSource, codes map[string]code) (*model.Participation, error) {
	p := &model.Participation{Methods: []model.Method{}, Phases: []string{}}
	methods := map[string]*model.Method{}
	phases := map[string]bool{}
	method := func(id string) *model.Method {
		if methods[id] == nil {
			methods[id] = &model.Method{ID: id, Phases: []string{}, Evidence: []model.Evidence{}}
		}
		return methods[id]
	}
	for _, c := range src.Coding { // codes of the whole source, no passage
		switch k := codes[c.CodeRef.TargetGUID]; k.kind {
		case "method":
			method(k.id)
		case "phase":
			phases[k.id] = true
		}
	}
	for _, sel := range src.Selections {
		var ms, phs []string
		general := false
		for _, c := range sel.Coding {
			switch k := codes[c.CodeRef.TargetGUID]; k.kind {
			case "method":
				ms = append(ms, k.id)
			case "phase":
				phs = append(phs, k.id)
				phases[k.id] = true
			case "general":
				general = true
			}
		}
		if len(ms) == 0 && !general {
			continue
		}
		e, ok := l.Evidence(sel.Start, sel.End)
		if !ok {
			return nil, fmt.Errorf("selection %s: positions %d-%d are outside its %d characters", sel.GUID, sel.Start, sel.End, len([]rune(l.Text)))
		}
		e.Phases = ordered(phs)
		for _, id := range ms {
			me := method(id)
			me.Evidence = append(me.Evidence, e)
			me.Phases = ordered(append(me.Phases, phs...))
		}
		if general {
			p.General = append(p.General, e)
		}
	}
	for _, id := range model.MethodIDs {
		if me := methods[id]; me != nil {
			p.Methods = append(p.Methods, *me)
			for _, ph := range me.Phases {
				phases[ph] = true
			}
		}
	}
	for _, ph := range model.PhaseIDs {
		if phases[ph] {
			p.Phases = append(p.Phases, ph)
		}
	}
	p.Described = len(p.Methods) > 0 || len(p.General) > 0
	return p, nil
}

// ordered is the phases in ids, each once, in the codebook's order.
func ordered(ids []string) []string {
	have := map[string]bool{}
	for _, id := range ids {
		have[id] = true
	}
	out := []string{}
	for _, ph := range model.PhaseIDs {
		if have[ph] {
			out = append(out, ph)
		}
	}
	return out
}
