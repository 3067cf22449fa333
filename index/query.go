package index

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/innokyla/innokyla/model"
)

// Boosts of the fields an unfielded word or phrase is looked for in.
var textBoosts = map[string]float64{FieldTitle: 3, FieldSummary: 1.5, FieldSections: 1}

const compoundBoost = 0.3

// fieldAliases lets users write the singular or Finnish name of a field in
// the query string: method:workshop, alue:"Lapin hyvinvointialue".
var fieldAliases = map[string]string{
	"method": FieldMethods, "menetelmä": FieldMethods, "tapa": FieldMethods,
	"phase": FieldPhases, "vaihe": FieldPhases,
	"alue": FieldRegions, "region": FieldRegions,
	"otsikko": FieldTitle, "tiivistelmä": FieldSummary, "teksti": FieldSections,
	"vuosi": FieldYear, "kehitysvaihe": FieldStage, "hanke": FieldProject,
	"rahoittaja": FieldFunder, "kuvattu": FieldDescribed,
}

// buildQuery parses the query string, widens unfielded words to the text
// fields and their compound subfields, and adds the filters.
func buildQuery(req Request) (query.Query, error) {
	if utf8.RuneCountInString(req.Query) > MaxQueryLen {
		return nil, fmt.Errorf("query is %d characters; at most %d are allowed", utf8.RuneCountInString(req.Query), MaxQueryLen)
	}
	var main query.Query
	if s := strings.TrimSpace(req.Query); s == "" {
		main = bleve.NewMatchAllQuery()
	} else {
		parsed, err := bleve.NewQueryStringQuery(s).Parse()
		if err != nil {
			return nil, fmt.Errorf("query %q: %w", s, err)
		}
		main = rewrite(parsed)
	}
	parts := []query.Query{main}
	add := func(field string, values []string) {
		if len(values) == 0 {
			return
		}
		var alt []query.Query
		for _, v := range values {
			t := bleve.NewTermQuery(v)
			t.SetField(field)
			alt = append(alt, t)
		}
		parts = append(parts, bleve.NewDisjunctionQuery(alt...))
	}
	add(FieldRegions, req.Regions)
	add(FieldMethods, req.Methods)
	add(FieldPhases, req.Phases)
	add(FieldStage, req.Stages)
	add(FieldYear, req.Years)
	if req.Described != nil {
		add(FieldDescribed, []string{fmt.Sprint(*req.Described)})
	}
	if len(parts) == 1 {
		return main, nil
	}
	return bleve.NewConjunctionQuery(parts...), nil
}

// rewrite walks the parsed query string and replaces every unfielded match
// or phrase with a search over the text fields.
func rewrite(q query.Query) query.Query {
	switch t := q.(type) {
	case *query.BooleanQuery:
		t.Must = rewrite(t.Must)
		t.Should = rewrite(t.Should)
		t.MustNot = rewrite(t.MustNot)
		return t
	case *query.ConjunctionQuery:
		for i, c := range t.Conjuncts {
			t.Conjuncts[i] = rewrite(c)
		}
		return t
	case *query.DisjunctionQuery:
		for i, c := range t.Disjuncts {
			t.Disjuncts[i] = rewrite(c)
		}
		return t
	case *query.MatchQuery:
		if fields, ok := textTargets(t.FieldVal); ok {
			return wordQuery(t, fields)
		}
		t.FieldVal = alias(t.FieldVal)
		return t
	case *query.MatchPhraseQuery:
		if fields, ok := textTargets(t.FieldVal); ok {
			return phraseQuery(t, fields)
		}
		t.FieldVal = alias(t.FieldVal)
		return t
	case query.FieldableQuery:
		if t.Field() != "" {
			t.SetField(alias(t.Field()))
		}
		return t
	}
	return q
}

// textTargets says which text fields a match on field searches: all of
// them when it names none, one when it names a text field.
func textTargets(field string) ([]string, bool) {
	if field == "" {
		return textFields, true
	}
	a := alias(field)
	for _, f := range textFields {
		if a == f {
			return []string{f}, true
		}
	}
	return nil, false
}

func alias(f string) string {
	if a, ok := fieldAliases[strings.ToLower(f)]; ok {
		return a
	}
	return f
}

func boostOf(b *query.Boost) float64 {
	if b == nil {
		return 1
	}
	return b.Value()
}

// wordQuery looks for one word in the text fields (Finnish stems) and in
// their compound subfields (folded stems, word as a compound's tail).
func wordQuery(m *query.MatchQuery, fields []string) query.Query {
	base := boostOf(m.BoostVal)
	var alt []query.Query
	for _, f := range fields {
		q := bleve.NewMatchQuery(m.Match)
		q.SetField(f)
		q.SetFuzziness(m.Fuzziness)
		q.SetBoost(base * textBoosts[f])
		alt = append(alt, q)
		if m.Fuzziness == 0 {
			c := bleve.NewMatchQuery(m.Match)
			c.SetField(f + compoundSuffix)
			c.Analyzer = analyzerCompoundQuery
			c.SetBoost(base * textBoosts[f] * compoundBoost)
			alt = append(alt, c)
		}
	}
	return bleve.NewDisjunctionQuery(alt...)
}

func phraseQuery(m *query.MatchPhraseQuery, fields []string) query.Query {
	base := boostOf(m.BoostVal)
	var alt []query.Query
	for _, f := range fields {
		q := bleve.NewMatchPhraseQuery(m.MatchPhrase)
		q.SetField(f)
		q.SetBoost(base * textBoosts[f])
		alt = append(alt, q)
	}
	return bleve.NewDisjunctionQuery(alt...)
}

// MethodID resolves a method given as an ID or a Finnish or English label
// ("workshop", "Työpaja", "työpaja"); ok is false when nothing matches.
func MethodID(s string) (string, bool) {
	return codeID(s, model.MethodIDs, model.MethodLabels)
}

// PhaseID resolves a phase given as an ID or a label.
func PhaseID(s string) (string, bool) {
	return codeID(s, model.PhaseIDs, model.PhaseLabels)
}

func codeID(s string, ids []string, labels map[string]model.Label) (string, bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, id := range ids {
		l := labels[id]
		if k == id || k == strings.ToLower(l.FI) || k == strings.ToLower(l.EN) {
			return id, true
		}
	}
	return "", false
}
