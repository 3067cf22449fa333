package index

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Boosts of the fields an unfielded word or phrase is looked for in.
var textBoosts = map[string]float64{FieldTitle: 3, FieldSummary: 1.5, FieldSections: 1}

const compoundBoost = 0.1

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

// words is what rewriting a query needs of the index's analysis.
type words interface {
	// compounds returns the terms of the text fields that end in word as
	// the tail of a compound ("asiakaskysel" for "kysely"), or fold to it,
	// besides the word's own stems, with the fields that hold each.
	compounds(word string) ([]compound, error)
	// positions counts the words of text that the text fields index (stop
	// words are not).
	positions(text string) int
	// pairs returns the stop-word pairs of a phrase (see pairs.go).
	pairs(phrase string) []string
}

// ErrBadQuery is the cause of a search that failed because of its query:
// too long, not bleve's query-string syntax, only stop words
// (ErrStopWords), a field it cannot have (ErrUnknownField) or a field
// value that cannot be (a *FieldValueError).
var ErrBadQuery = errors.New("bad query")

// Kinds of bad query, each also an ErrBadQuery.
var (
	ErrStopWords    = errors.New("only words too common to be indexed")
	ErrUnknownField = errors.New("unknown field")
)

// FieldValueError is a bad query with a field value that cannot be:
// method:nonexistent, vuosi:abc. Err says what the field takes.
type FieldValueError struct {
	Field, Value string
	Err          error
}

func (e *FieldValueError) Error() string {
	return fmt.Sprintf("%v: %s:%q: %v", ErrBadQuery, e.Field, e.Value, e.Err)
}

// Is makes a FieldValueError an ErrBadQuery.
func (e *FieldValueError) Is(target error) bool { return target == ErrBadQuery }

// buildQuery parses the query string, widens unfielded words to the text
// fields and to the compounds that end in them, and adds the filters both
// as weightless term queries and as facet codes (see facetQuery).
func buildQuery(req Request, w words, fd *facetDict) (*facetQuery, error) {
	if utf8.RuneCountInString(req.Query) > MaxQueryLen {
		return nil, fmt.Errorf("%w: it is %d characters; at most %d are allowed", ErrBadQuery, utf8.RuneCountInString(req.Query), MaxQueryLen)
	}
	fq := &facetQuery{}
	if s := strings.TrimSpace(req.Query); s == "" {
		fq.text = bleve.NewMatchAllQuery()
		fq.all = true
	} else {
		parsed, err := parseQueryString(s)
		if err != nil {
			return nil, err
		}
		rw := &rewriter{w: w}
		if fq.text, err = rw.rewrite(parsed); err != nil {
			return nil, err
		}
		if err := rw.check(s); err != nil {
			return nil, err
		}
	}
	parts := []query.Query{fq.text}
	f := &filter{}
	add := func(field string, values []string) {
		if len(values) == 0 {
			return
		}
		var alt []query.Query
		for _, v := range values {
			t := bleve.NewTermQuery(v)
			t.SetField(field)
			t.SetBoost(0) // filters select; they do not rank
			alt = append(alt, t)
		}
		parts = append(parts, bleve.NewDisjunctionQuery(alt...))
		f.add(fd, field, values)
	}
	add(FieldRegions, req.Regions)
	add(FieldMethods, req.Methods)
	add(FieldPhases, req.Phases)
	add(FieldStage, req.Stages)
	add(FieldYear, req.Years)
	if req.Described != nil {
		add(FieldDescribed, []string{fmt.Sprint(*req.Described)})
	}
	fq.filtered = fq.text
	if len(parts) > 1 {
		fq.filtered = bleve.NewConjunctionQuery(parts...)
		fq.filter = f
	}
	return fq, nil
}

// CheckQuery reports an ErrBadQuery when Search would reject query s,
// without an index: its syntax, a field or field value it cannot have, or
// stop words only.
func CheckQuery(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	parsed, err := parseQueryString(s)
	if err != nil {
		return err
	}
	m, err := buildMapping()
	if err != nil {
		return err
	}
	rw := &rewriter{w: mappingWords{m}}
	if _, err := rw.rewrite(parsed); err != nil {
		return err
	}
	return rw.check(s)
}

// parseQueryString parses bleve's query-string syntax. Its parser fails
// on some input with a recovered panic (a lone "/" slices out of range);
// such a query is a bad query with a plain message like any other.
func parseQueryString(s string) (q query.Query, err error) {
	unreadable := fmt.Errorf("%w %q: it cannot be read; a / starts a regular expression that needs a closing /: "+
		`put words in quotes ("...") to search for them as written`, ErrBadQuery, s)
	defer func() {
		if recover() != nil {
			q, err = nil, unreadable
		}
	}()
	q, err = bleve.NewQueryStringQuery(s).Parse()
	switch {
	case err != nil && strings.Contains(err.Error(), "runtime error"):
		return nil, unreadable
	case err != nil:
		return nil, fmt.Errorf("%w %q: %v", ErrBadQuery, s, err)
	}
	return q, nil
}

// rewriter walks the parsed query string: every unfielded match or phrase
// becomes a search over the text fields, and a value of a keyword field
// (region:, method:, vuosi: ...) is read like the filter of the same name.
type rewriter struct {
	w     words
	texts int      // word and phrase clauses
	stops []string // those of them that hold only stop words
}

func (rw *rewriter) rewrite(q query.Query) (query.Query, error) {
	var err error
	switch t := q.(type) {
	case *query.BooleanQuery:
		if t.Must, err = rw.rewrite(t.Must); err != nil {
			return nil, err
		}
		if t.Should, err = rw.rewrite(t.Should); err != nil {
			return nil, err
		}
		if t.MustNot, err = rw.rewrite(t.MustNot); err != nil {
			return nil, err
		}
		return t, nil
	case *query.ConjunctionQuery:
		for i, c := range t.Conjuncts {
			if t.Conjuncts[i], err = rw.rewrite(c); err != nil {
				return nil, err
			}
		}
		return t, nil
	case *query.DisjunctionQuery:
		for i, c := range t.Disjuncts {
			if t.Disjuncts[i], err = rw.rewrite(c); err != nil {
				return nil, err
			}
		}
		return t, nil
	case *query.MatchQuery:
		if fields, ok := textTargets(t.FieldVal); ok {
			rw.text(t.Match, nil)
			return wordQuery(t, fields, rw.w)
		}
		return keywordQuery(t.FieldVal, t.Match, t.BoostVal)
	case *query.MatchPhraseQuery:
		if fields, ok := textTargets(t.FieldVal); ok {
			var pairs []string
			if rw.w != nil {
				pairs = rw.w.pairs(t.MatchPhrase)
			}
			rw.text(t.MatchPhrase, pairs)
			return phraseQuery(t, fields, rw.w, pairs), nil
		}
		return keywordQuery(t.FieldVal, t.MatchPhrase, t.BoostVal)
	case *query.WildcardQuery:
		if t.FieldVal == "" {
			return perField(func(f string) query.Query {
				w := bleve.NewWildcardQuery(t.Wildcard)
				w.SetField(f)
				w.BoostVal = t.BoostVal
				return w
			}), nil
		}
	case *query.RegexpQuery:
		if t.FieldVal == "" {
			return perField(func(f string) query.Query {
				r := bleve.NewRegexpQuery(t.Regexp)
				r.SetField(f)
				r.BoostVal = t.BoostVal
				return r
			}), nil
		}
	case *query.NumericRangeQuery:
		if t.FieldVal == "" {
			return bleve.NewMatchNoneQuery(), nil // no numeric fields; "2023" is matched as a word
		}
	case *query.DateRangeQuery:
		if t.FieldVal == "" {
			return bleve.NewMatchNoneQuery(), nil
		}
	}
	if f, ok := q.(query.FieldableQuery); ok && f.Field() != "" {
		a, err := knownField(f.Field())
		if err != nil {
			return nil, err
		}
		f.SetField(a)
	}
	return q, nil
}

// text counts a word or phrase clause, and whether it holds only stop
// words (which the text fields do not index).
func (rw *rewriter) text(s string, pairs []string) {
	rw.texts++
	if rw.w != nil && rw.w.positions(s) == 0 && len(pairs) == 0 {
		rw.stops = append(rw.stops, s)
	}
}

// check refuses a query whose words are all stop words: it would match
// nothing, silently.
func (rw *rewriter) check(s string) error {
	if rw.texts == 0 || len(rw.stops) < rw.texts {
		return nil
	}
	return fmt.Errorf("%w %q: it holds %w (%s); "+
		`search for other words, or put them in a phrase with another word ("asiakkaiden kanssa")`,
		ErrBadQuery, s, ErrStopWords, strings.Join(rw.stops, ", "))
}

// perField runs one query per text field, any of which may match.
func perField(mk func(field string) query.Query) query.Query {
	alt := make([]query.Query, 0, len(textFields))
	for _, f := range textFields {
		alt = append(alt, mk(f))
	}
	return bleve.NewDisjunctionQuery(alt...)
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

// knownField is the index field a field name of the query string stands
// for, or an error listing the names.
func knownField(f string) (string, error) {
	a := alias(f)
	for _, k := range queryFields {
		if a == k {
			return a, nil
		}
	}
	names := append(slices.Sorted(maps.Keys(fieldAliases)), textFields...)
	slices.Sort(names)
	return "", fmt.Errorf("%w: %w %q; fields are %s", ErrBadQuery, ErrUnknownField, f, strings.Join(names, ", "))
}

// queryFields are the fields a query may name.
var queryFields = []string{FieldTitle, FieldSummary, FieldSections, FieldRegions, FieldMethods, FieldPhases,
	FieldDescribed, FieldStage, FieldProject, FieldFunder, FieldYear}

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

// wordQuery looks for one word in the text fields (Finnish stems) and, as
// the tail of a compound, in the terms of the same fields that end in it
// (see vocab.go): "kysely" also looks for "asiakaskysel" (asiakaskyselyn),
// with a low boost so that the word itself ranks first. The compounds are
// one clause, of one disjunction per field that holds any of them.
func wordQuery(m *query.MatchQuery, fields []string, w words) (query.Query, error) {
	base := boostOf(m.BoostVal)
	var comp []compound
	if m.Fuzziness == 0 && w != nil {
		var err error
		if comp, err = w.compounds(m.Match); err != nil {
			return nil, err
		}
	}
	var alt []query.Query
	for _, f := range fields {
		q := bleve.NewMatchQuery(m.Match)
		q.SetField(f)
		q.SetFuzziness(m.Fuzziness)
		q.SetBoost(base * textBoosts[f])
		alt = append(alt, q)
	}
	var per []query.Query
	for _, f := range fields {
		var terms []query.Query
		bit := fieldBit(f)
		for _, c := range comp {
			if c.fields&bit == 0 {
				continue // no model has it in f
			}
			t := bleve.NewTermQuery(c.term)
			t.SetField(f)
			t.SetBoost(base * textBoosts[f] * compoundBoost)
			terms = append(terms, t)
		}
		if len(terms) > 0 {
			per = append(per, bleve.NewDisjunctionQuery(terms...))
		}
	}
	if len(per) > 0 {
		alt = append(alt, bleve.NewDisjunctionQuery(per...))
	}
	return bleve.NewDisjunctionQuery(alt...), nil
}

// phraseQuery looks for a phrase in the text fields. A phrase that keeps
// one word once stop words are dropped ("asiakkaiden kanssa") is that word
// as written, without compounds: the same models, found without reading
// word positions, which cost ten times more when most models match.
//
// A phrase with stop words must also hold its stop-word pairs (see
// pairs.go): "asiakkaiden kanssa" is the word asiakkaiden where it is
// followed by kanssa, not every model with asiakkaiden.
func phraseQuery(m *query.MatchPhraseQuery, fields []string, w words, pairs []string) query.Query {
	n := 2 // unknown: keep the phrase
	if w != nil {
		n = w.positions(m.MatchPhrase)
	}
	var q query.Query
	switch {
	case n == 0:
		q = nil // only stop words: the pairs alone
	case n == 1:
		word := bleve.NewMatchQuery(m.MatchPhrase)
		word.BoostVal = m.BoostVal
		q, _ = wordQuery(word, fields, nil) // no words: no compounds, no error
	default:
		base := boostOf(m.BoostVal)
		var alt []query.Query
		for _, f := range fields {
			p := bleve.NewMatchPhraseQuery(m.MatchPhrase)
			p.SetField(f)
			p.SetBoost(base * textBoosts[f])
			alt = append(alt, p)
		}
		q = bleve.NewDisjunctionQuery(alt...)
	}
	if len(pairs) == 0 {
		return q
	}
	all := make([]query.Query, 0, len(pairs)+1)
	if q != nil {
		all = append(all, q)
	}
	for _, p := range pairs {
		t := bleve.NewTermQuery(p)
		t.SetField(FieldPairs)
		if q != nil {
			t.SetBoost(0) // the words rank; the pairs select
		}
		all = append(all, t)
	}
	return bleve.NewConjunctionQuery(all...)
}
