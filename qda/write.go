package qda

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/innokyla/innokyla/model"
)

// Writer writes a .qdpx project: sources as they are added, project.qde
// at Close.
type Writer struct {
	zw      *zip.Writer
	p       xProject
	now     string
	users   map[string]string   // name -> guid
	regions map[string][]string // region -> source guids
	vars    map[string]string   // variable name -> guid
	// Skipped counts evidence passages whose place in the text was not
	// found (a coding of text that changed since): not written.
	Skipped int
}

// Variables of each source.
const (
	varRegion  = "Hyvinvointialue"
	varProject = "Hanke"
	varFunder  = "Rahoittaja"
	varYear    = "Vuosi"
)

// NewWriter starts a project called name on w.
func NewWriter(w io.Writer, name string, now time.Time) *Writer {
	wr := &Writer{zw: zip.NewWriter(w), now: now.UTC().Format(time.RFC3339),
		users: map[string]string{}, regions: map[string][]string{}, vars: map[string]string{}}
	wr.p = xProject{Name: name, Origin: "innokyla", CreationDateTime: wr.now,
		CodeBook: &xCodeBook{Codes: xCodes{Code: codeTree()}}, Sources: &xSources{}}
	wr.p.Variables = &xVariables{}
	for _, v := range []struct{ name, typ string }{{varRegion, "Text"}, {varProject, "Text"}, {varFunder, "Text"}, {varYear, "Integer"}} {
		g := guid("variable", v.name)
		wr.vars[v.name] = g
		wr.p.Variables.Variable = append(wr.p.Variables.Variable, xVariable{GUID: g, Name: v.name, TypeOfVariable: v.typ})
	}
	return wr
}

// MachineUser is the user name of the classifier's codings with codebook.
func MachineUser(codebook string) string { return "innokyla " + codebook }

// codeTree is the codebook as codes: methods and phases under two
// groups that are not codes themselves, and general statements.
func codeTree() []xCode {
	methods := xCode{GUID: codeGUID("group", "methods"), Name: "Osallistumismenetelmät (participation methods)"}
	for _, id := range model.MethodIDs {
		l := model.MethodLabels[id]
		methods.Code = append(methods.Code, xCode{GUID: codeGUID("method", id), Name: l.FI + " (" + l.EN + ")", IsCodable: true, Description: id})
	}
	phases := xCode{GUID: codeGUID("group", "phases"), Name: "Kehittämisvaiheet (development phases)"}
	for _, id := range model.PhaseIDs {
		l := model.PhaseLabels[id]
		phases.Code = append(phases.Code, xCode{GUID: codeGUID("phase", id), Name: l.FI + " (" + l.EN + ")", IsCodable: true, Description: id})
	}
	general := xCode{GUID: codeGUID("general", "general"), Name: "Yleinen maininta osallistumisesta (general statement of involvement)",
		IsCodable: true, Description: "general"}
	return []xCode{methods, phases, general}
}

func (w *Writer) user(name string) string {
	g, ok := w.users[name]
	if !ok {
		g = userGUID(name)
		w.users[name] = g
	}
	return g
}

// Add writes m as a source, its coding (m.Participation, by its Coder, or
// by the classifier when that is empty) as selections.
func (w *Writer) Add(m *model.Model) error {
	l := Text(m)
	g := SourceGUID(m.ID, m.Version)
	f, err := w.zw.Create("sources/" + g + ".txt")
	if err != nil {
		return fmt.Errorf("qdpx %s: %w", m.ID, err)
	}
	if _, err := io.WriteString(f, l.Text); err != nil {
		return fmt.Errorf("qdpx %s: %w", m.ID, err)
	}
	src := xTextSource{GUID: g, Name: m.Title + " [" + m.ID + "]", PlainTextPath: "internal://" + g + ".txt",
		CreationDateTime: w.now, Description: m.URL}
	if p := m.Participation; p != nil {
		who := p.Coder
		if who == "" {
			who = MachineUser(p.Codebook)
		}
		user := w.user(who)
		for _, me := range p.Methods {
			for i, e := range me.Evidence {
				phases := e.Phases
				if len(phases) == 0 {
					phases = me.Phases
				}
				w.selection(&src, l, e, user, codeGUID("method", me.ID), phases, me.ID, i)
			}
		}
		for i, e := range p.General {
			w.selection(&src, l, e, user, codeGUID("general", "general"), e.Phases, "general", i)
		}
	}
	text := func(name, v string) {
		if v != "" {
			src.VariableValue = append(src.VariableValue, xVariableValue{VariableRef: xRef{w.vars[name]}, TextValue: &v})
		}
	}
	text(varRegion, m.Region)
	text(varProject, m.Project)
	if fs := m.Funders(); len(fs) > 0 {
		text(varFunder, fs[0])
	}
	if y, err := strconv.Atoi(m.CreatedYear()); err == nil {
		src.VariableValue = append(src.VariableValue, xVariableValue{VariableRef: xRef{w.vars[varYear]}, IntegerValue: &y})
	}
	w.p.Sources.TextSource = append(w.p.Sources.TextSource, src)
	w.regions[m.Region] = append(w.regions[m.Region], g)
	return nil
}

func (w *Writer) selection(src *xTextSource, l *Layout, e model.Evidence, user, code string, phases []string, what string, i int) {
	start, end, ok := l.Chars(e)
	if !ok {
		w.Skipped++
		return
	}
	sg := guid("selection", src.GUID, user, what, i)
	sel := xPlainTextSelection{GUID: sg, Start: start, End: end, CreatingUser: user, CreationDateTime: w.now,
		Coding: []xCoding{{GUID: guid("coding", sg, code), CreatingUser: user, CreationDateTime: w.now, CodeRef: xRef{code}}}}
	for _, ph := range phases {
		if model.IsPhase(ph) {
			pc := codeGUID("phase", ph)
			sel.Coding = append(sel.Coding, xCoding{GUID: guid("coding", sg, pc), CreatingUser: user, CreationDateTime: w.now, CodeRef: xRef{pc}})
		}
	}
	src.Selections = append(src.Selections, sel)
}

// Close writes project.qde with the users and region sets seen and
// finishes the zip.
func (w *Writer) Close() error {
	if len(w.users) > 0 {
		w.p.Users = &xUsers{}
		for _, name := range sortedKeys(w.users) {
			w.p.Users.User = append(w.p.Users.User, xUser{GUID: w.users[name], Name: name})
		}
	}
	if len(w.regions) > 0 {
		w.p.Sets = &xSets{}
		for _, r := range sortedKeys(w.regions) {
			name := r
			if name == "" {
				name = "(ei aluetta)"
			}
			set := xSet{GUID: guid("set", r), Name: name, Description: "Hyvinvointialue (welfare region)"}
			for _, g := range w.regions[r] {
				set.MemberSource = append(set.MemberSource, xRef{g})
			}
			w.p.Sets.Set = append(w.p.Sets.Set, set)
		}
	}
	if len(w.p.Sources.TextSource) == 0 {
		w.p.Sources = nil // the schema wants at least one source in Sources
	}
	f, err := w.zw.Create("project.qde")
	if err != nil {
		return fmt.Errorf("qdpx: %w", err)
	}
	if _, err := io.WriteString(f, xml.Header); err != nil {
		return fmt.Errorf("qdpx: %w", err)
	}
	enc := xml.NewEncoder(f)
	enc.Indent("", " ")
	if err := enc.Encode(w.p); err != nil {
		return fmt.Errorf("qdpx: project.qde: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("qdpx: project.qde: %w", err)
	}
	return w.zw.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
