package sitegen

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/innokyla/innokyla/model"
)

// path is a shorthand for a lineOf path.
func path(p ...any) []any { return p }

func validateProject(p *Project, root *yaml.Node, seen map[string]*Project) []error {
	var errs []error
	bad := func(pth []any, format string, args ...any) {
		errs = append(errs, errAt(p.File, root, pth, format, args...))
	}
	switch {
	case !slugRE.MatchString(p.Slug):
		bad(path("slug"), "bad slug %q: want lower-case ASCII words joined by hyphens", p.Slug)
	case seen[p.Slug] != nil:
		bad(path("slug"), "duplicate project slug %q (also in %s)", p.Slug, seen[p.Slug].File)
	}
	if strings.TrimSpace(p.Title) == "" {
		bad(path("title"), "missing title")
	}
	return errs
}

func validateSource(s *Source, root *yaml.Node, projects map[string]*Project, seen map[string]string) []error {
	var errs []error
	bad := func(pth []any, format string, args ...any) {
		errs = append(errs, errAt(s.File, root, pth, format, args...))
	}
	switch {
	case !slugRE.MatchString(s.Slug):
		bad(path("slug"), "bad slug %q: want lower-case ASCII words joined by hyphens", s.Slug)
	case seen[s.Slug] != "":
		bad(path("slug"), "duplicate model slug %q (also in %s)", s.Slug, seen[s.Slug])
	}
	if strings.TrimSpace(s.Title) == "" {
		bad(path("title"), "missing title")
	}
	if s.Project != "" {
		if p := projects[s.Project]; p != nil {
			s.project = p
		} else {
			bad(path("project"), "unknown project %q (no projects/%s.yaml)", s.Project, s.Project)
		}
	}
	created, err := parseDate(s.Created)
	if err != nil || s.Created == "" {
		bad(path("created"), "bad created date %q: want dd.mm.yyyy", s.Created)
	}
	if s.Modified != "" {
		modified, err := parseDate(s.Modified)
		switch {
		case err != nil:
			bad(path("modified"), "bad modified date %q: want dd.mm.yyyy", s.Modified)
		case s.Created != "" && !created.IsZero() && modified.Before(created):
			bad(path("modified"), "modified %s is before created %s", s.Modified, s.Created)
		}
	}
	if !stages[s.Stage] {
		bad(path("stage"), "bad stage %q: want Kehitteillä, Valmis, Arvioitu or empty", s.Stage)
	}
	if len(s.Sections) == 0 {
		bad(path("sections"), "no sections")
	}
	headings := map[string]bool{}
	for i, sec := range s.Sections {
		heading := collapse(sec.Heading)
		switch {
		case sec.Page != model.PageMain && sec.Page != model.PagePath:
			bad(path("sections", i, "page"), "bad page %q: want %s or %s", sec.Page, model.PageMain, model.PagePath)
		case heading == "":
			bad(path("sections", i, "heading"), "section without heading")
		case !Headings[sec.Page][heading]:
			bad(path("sections", i, "heading"), "heading %q is not an Innokylä %s-page heading", heading, sec.Page)
		case headings[sec.Page+"\x00"+heading]:
			bad(path("sections", i, "heading"), "heading %q twice on the %s page", heading, sec.Page)
		}
		headings[sec.Page+"\x00"+heading] = true
	}
	errs = append(errs, validateGold(s, root)...)
	return errs
}

// Headings are the section headings Innokylä uses, by page.
var Headings = map[string]map[string]bool{
	model.PageMain: {"Ratkaisun perusidea": true, "Toimintaympäristö": true, "Kohderyhmä ja asiakasymmärrys": true,
		"Toimivuuden ja käyttöönoton ehdot": true, "Arvioinnin tulokset tiivistettynä": true, "Kehittämistyön vaiheet": true,
		"Resurssit": true, "Vaikutukset": true, "Juurrutus": true},
	model.PagePath: {"Oivalla ja ymmärrä": true, "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen": true,
		"Kuvittele ja kokeile": true, "Arviointi": true, "Levitä ja juurruta": true},
}

func validateGold(s *Source, root *yaml.Node) []error {
	var errs []error
	bad := func(pth []any, format string, args ...any) {
		errs = append(errs, errAt(s.File, root, pth, format, args...))
	}
	if !hasKey(root, "gold") {
		bad(path(), "missing gold block")
	}
	for i, m := range s.Gold.Methods {
		if !model.IsMethod(m) {
			bad(path("gold", "methods", i), "unknown method ID %q", m)
		}
	}
	for i, p := range s.Gold.Phases {
		if !model.IsPhase(p) {
			bad(path("gold", "phases", i), "unknown phase ID %q", p)
		}
	}
	if !s.Gold.Described && (len(s.Gold.Methods) > 0 || len(s.Gold.Phases) > 0) {
		bad(path("gold", "described"), "described is false but methods or phases are given")
	}
	if dup := firstDup(s.Gold.Methods); dup != "" {
		bad(path("gold", "methods"), "method %q listed twice", dup)
	}
	if dup := firstDup(s.Gold.Phases); dup != "" {
		bad(path("gold", "phases"), "phase %q listed twice", dup)
	}
	return errs
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func firstDup(ids []string) string {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			return id
		}
		seen[id] = true
	}
	return ""
}

// parseDate parses a published dd.mm.yyyy date; "" gives the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("02.01.2006", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want dd.mm.yyyy", s)
	}
	return t, nil
}

// isoDate converts dd.mm.yyyy to yyyy-mm-dd; anything unparsable gives "".
func isoDate(s string) string {
	t, err := parseDate(s)
	if err != nil || t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
