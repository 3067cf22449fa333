package index

import (
	"errors"
	"fmt"
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
	// tails returns, for each token of word, its folded stem reversed, when
	// it is long enough to stand as the tail of a compound.
	tails(word string) []string
	// positions counts the words of text that the text fields index (stop
	// words are not).
	positions(text string) int
}

// ErrBadQuery is the cause of a search that failed because of its query:
// too long, or not bleve's query-string syntax.
var ErrBadQuery = errors.New("bad query")

// buildQuery parses the query string, widens unfielded words to the text
// fields and the tails field, and adds the filters both as weightless term
// queries and as facet codes (see facetQuery).
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
		fq.text = rewrite(parsed, w)
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

// CheckQuery reports an ErrBadQuery when Search would reject query s for
// its syntax, without an index.
func CheckQuery(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	_, err := parseQueryString(s)
	return err
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

// rewrite walks the parsed query string and replaces every unfielded match
// or phrase with a search over the text fields.
func rewrite(q query.Query, w words) query.Query {
	switch t := q.(type) {
	case *query.BooleanQuery:
		t.Must = rewrite(t.Must, w)
		t.Should = rewrite(t.Should, w)
		t.MustNot = rewrite(t.MustNot, w)
		return t
	case *query.ConjunctionQuery:
		for i, c := range t.Conjuncts {
			t.Conjuncts[i] = rewrite(c, w)
		}
		return t
	case *query.DisjunctionQuery:
		for i, c := range t.Disjuncts {
			t.Disjuncts[i] = rewrite(c, w)
		}
		return t
	case *query.MatchQuery:
		if fields, ok := textTargets(t.FieldVal); ok {
			return wordQuery(t, fields, w)
		}
		t.FieldVal = alias(t.FieldVal)
		return t
	case *query.MatchPhraseQuery:
		if fields, ok := textTargets(t.FieldVal); ok {
			return phraseQuery(t, fields, w)
		}
		t.FieldVal = alias(t.FieldVal)
		return t
	case *query.WildcardQuery:
		if t.FieldVal == "" {
			return perField(func(f string) query.Query {
				w := bleve.NewWildcardQuery(t.Wildcard)
				w.SetField(f)
				w.BoostVal = t.BoostVal
				return w
			})
		}
	case *query.RegexpQuery:
		if t.FieldVal == "" {
			return perField(func(f string) query.Query {
				r := bleve.NewRegexpQuery(t.Regexp)
				r.SetField(f)
				r.BoostVal = t.BoostVal
				return r
			})
		}
	case *query.NumericRangeQuery:
		if t.FieldVal == "" {
			return bleve.NewMatchNoneQuery() // no numeric fields; "2023" is matched as a word
		}
	case *query.DateRangeQuery:
		if t.FieldVal == "" {
			return bleve.NewMatchNoneQuery()
		}
	}
	if f, ok := q.(query.FieldableQuery); ok && f.Field() != "" {
		f.SetField(alias(f.Field()))
	}
	return q
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
// the tail of a compound, in the tails field: the folded stem "kysel"
// reversed is "lesyk", a prefix of "lesyksakaisa", which is
// "asiakaskyselyn" folded and reversed. The tails field covers all the
// text, so title:kysely matches a compound in any text field (one prefix
// lookup instead of three keeps the query cheap).
func wordQuery(m *query.MatchQuery, fields []string, w words) query.Query {
	base := boostOf(m.BoostVal)
	var rev []string
	if m.Fuzziness == 0 && w != nil {
		rev = w.tails(m.Match)
	}
	var alt []query.Query
	for _, f := range fields {
		q := bleve.NewMatchQuery(m.Match)
		q.SetField(f)
		q.SetFuzziness(m.Fuzziness)
		q.SetBoost(base * textBoosts[f])
		alt = append(alt, q)
	}
	for _, r := range rev {
		c := bleve.NewPrefixQuery(r)
		c.SetField(FieldTails)
		c.SetBoost(base * compoundBoost)
		alt = append(alt, c)
	}
	return bleve.NewDisjunctionQuery(alt...)
}

// phraseQuery looks for a phrase in the text fields. A phrase that keeps
// one word once stop words are dropped ("asiakkaiden kanssa") is that word
// as written, without compounds: the same models, found without reading
// word positions, which cost ten times more when most models match.
func phraseQuery(m *query.MatchPhraseQuery, fields []string, w words) query.Query {
	if w != nil && w.positions(m.MatchPhrase) <= 1 {
		word := bleve.NewMatchQuery(m.MatchPhrase)
		word.BoostVal = m.BoostVal
		return wordQuery(word, fields, nil) // no words: no compound tails
	}
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
