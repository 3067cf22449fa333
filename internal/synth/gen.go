package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/innokyla/innokyla/internal/sitegen"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// FetchedAt is the fetch time stamped on every generated record.
var fetchedAt = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Gen streams synthetic models. It holds only its tables and random state,
// so any number of models can be drawn in constant memory.
type Gen struct {
	rng      *rand.Rand
	cfg      Config
	n        int
	weights  int
	projects []*sitegen.Project
	byArea   map[string][]*sitegen.Project
}

// New returns a generator with DefaultConfig; the same seed gives the same
// models, byte for byte.
func New(seed int64) *Gen { return NewWithConfig(seed, DefaultConfig()) }

// NewWithConfig returns a generator drawing from cfg.
func NewWithConfig(seed int64, cfg Config) *Gen {
	g := &Gen{
		rng:    rand.New(rand.NewPCG(uint64(seed), 0x696e6e6f6b796c61)),
		cfg:    cfg,
		byArea: map[string][]*sitegen.Project{},
	}
	for _, m := range munis {
		g.weights += m.weight
	}
	seen := map[string]bool{}
	for _, m := range munis {
		if seen[m.area] {
			continue
		}
		seen[m.area] = true
		prefix := strings.TrimSuffix(strings.TrimSuffix(m.area, " hyvinvointialue"), " kaupunki")
		if prefix == m.area { // Ahvenanmaa
			prefix = m.gen
		}
		for _, k := range projectKinds {
			p := &sitegen.Project{
				Slug:      region.Slug(prefix) + "-" + k.slug,
				Title:     prefix + " " + k.title,
				RegionRaw: m.area,
				Summary:   "Alueen kehittämishanke, jossa uudistetaan peruspalveluja ja kootaan toimintamalleja.",
			}
			g.projects = append(g.projects, p)
			g.byArea[m.area] = append(g.byArea[m.area], p)
		}
	}
	return g
}

// Projects returns the project pages models can link to.
func (g *Gen) Projects() []*sitegen.Project { return g.projects }

// Next returns the next model, as a crawl of its pages would store it with
// its region normalised, and its true coding.
func (g *Gen) Next() (*model.Model, Truth) {
	s, t := g.NextSource()
	return Record(s), t
}

// Record is the stored record of a generated source: sitegen's expected
// crawl record with region normalisation, fetch time and content hash.
func Record(s *sitegen.Source) *model.Model {
	m := s.Record()
	m.Region, m.Regions = region.Normalize(m.RegionRaw, m.Place)
	m.FetchedAt = fetchedAt
	m.ContentSHA256 = m.Hash()
	return m
}

// NextSource returns the next model as a page source (with "Täydentyy"
// values as published) and its true coding.
func (g *Gen) NextSource() (*sitegen.Source, Truth) {
	i := g.n
	g.n++
	r := g.rng
	mu := g.pickMuni()
	tp := topics[r.IntN(len(topics))]
	grp := groupOf(pick(r, tp.who))
	fill := func(s string) string { return g.fill(s, mu, grp) }

	title := g.title(tp, mu)
	s := &sitegen.Source{
		Slug:      region.Slug(title) + "-" + strconv.Itoa(i+1),
		Title:     title,
		Summary:   fill(pick(r, tp.idea)),
		Place:     mu.gen + " " + pick(r, units),
		RegionRaw: g.regionRaw(mu),
		Funder:    pick(r, funders),
		Author:    g.author(mu),
		Stage:     pickWeighted(r, []string{"Valmis", "Kehitteillä", "Arvioitu", ""}, []float64{0.4, 0.3, 0.25, 0.05}),
	}
	switch x := r.Float64(); {
	case x < 0.03:
		s.Summary = sitegen.Placeholder
	case x < 0.5:
		s.Summary += " " + fill(pick(r, tp.idea))
	}
	switch x := r.Float64(); {
	case x < 0.10:
		s.Place = ""
	case x < 0.15:
		s.Place = sitegen.Placeholder
	}
	if r.Float64() < 0.7 {
		if ps := g.byArea[mu.area]; len(ps) > 0 {
			s.SetProject(ps[r.IntN(len(ps))])
		}
	}
	created := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3650))
	s.Created = created.Format("02.01.2006")
	if r.Float64() < 0.8 {
		mod := created.AddDate(0, 0, r.IntN(900))
		if limit := time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC); mod.After(limit) {
			mod = limit
		}
		s.Modified = mod.Format("02.01.2006")
	}
	truth, sentences := g.participation(grp, mu)
	s.Sections = g.sections(i, tp, mu, grp, sentences)
	s.Gold = sitegen.Gold{Described: truth.Described, Methods: truth.MethodIDs(), Phases: truth.Phases}
	return s, truth
}

func (g *Gen) pickMuni() muni {
	x := g.rng.IntN(g.weights)
	for _, m := range munis {
		if x < m.weight {
			return m
		}
		x -= m.weight
	}
	return munis[len(munis)-1]
}

func (g *Gen) title(tp topic, mu muni) string {
	stem := pick(g.rng, tp.titles)
	switch g.rng.IntN(4) {
	case 0, 1:
		return stem + " " + mu.loc
	case 2:
		return pick(g.rng, taglines) + ": " + lowerFirst(stem)
	default:
		return stem
	}
}

// regionRaw publishes the region the many ways Innokylä pages do.
func (g *Gen) regionRaw(mu muni) string {
	short := mu.short
	if short == "" {
		short = mu.nom
	}
	forms := []string{mu.nom, mu.area, mu.province, mu.nom + ", " + mu.province, short, "Valtakunnallinen", ""}
	return pickWeighted(g.rng, forms, []float64{0.45, 0.18, 0.12, 0.12, 0.06, 0.03, 0.04})
}

func (g *Gen) author(mu muni) string {
	forms := []string{mu.area, mu.gen + " kaupunki", mu.gen + " " + pick(g.rng, units), ""}
	return pickWeighted(g.rng, forms, []float64{0.45, 0.2, 0.25, 0.1})
}

// fill replaces the placeholders of a template.
func (g *Gen) fill(s string, mu muni, grp group) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		key := s[i+1 : i+1+j]
		s = s[i+2+j:]
		switch key {
		case "G":
			b.WriteString(grp.nom)
		case "Gp":
			b.WriteString(grp.part)
		case "Ga":
			b.WriteString(grp.all)
		case "Gg":
			b.WriteString(grp.gen)
		case "loc":
			b.WriteString(mu.loc)
		case "gen":
			b.WriteString(mu.gen)
		case "n":
			b.WriteString(strconv.Itoa(12 + g.rng.IntN(230)))
		case "pct":
			b.WriteString(strconv.Itoa(5 + g.rng.IntN(50)))
		case "nw":
			b.WriteString(pick(g.rng, numberWords))
		default:
			b.WriteString("{" + key + "}")
		}
	}
}

// groupOf finds a group by its nominative.
func groupOf(nom string) group {
	for _, g := range groups {
		if g.nom == nom {
			return g
		}
	}
	return groups[0]
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func pickWeighted(r *rand.Rand, xs []string, w []float64) string {
	total := 0.0
	for _, v := range w {
		total += v
	}
	x := r.Float64() * total
	for i, v := range w {
		if x < v {
			return xs[i]
		}
		x -= v
	}
	return xs[len(xs)-1]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
