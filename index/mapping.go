package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/innokyla/innokyla/model"
)

// schemaVersion changes whenever the mapping or the document shape does;
// an index built with another schema is rebuilt by Sync. Version 12 came
// with zapx v17.2.5: indexes merged by v17.1.2 may hold wrong chunk offsets
// (see TestSparseTermSurvivesMerge). Version 13 added the pairs field.
// Version 14 indexes tails and pairs as one field value each, a term per
// line, instead of one field per term. Version 15 analyses text with
// innokyla_fi (bleve's Finnish analysis with a word cache, the same terms),
// the facet codes as one value, and stores region, url and created without
// indexing them. Version 16 drops the tails field: compounds are found
// through the vocabulary file (vocab.go).
const schemaVersion = "innokyla-index-16"

// Field names in the index.
const (
	FieldTitle     = "title"
	FieldSummary   = "summary"
	FieldSections  = "sections"
	FieldRegion    = "region"  // primary region, stored for result lines
	FieldRegions   = "regions" // every region, the facet and filter
	FieldMethods   = "methods"
	FieldPhases    = "phases"
	FieldDescribed = "described" // "true" or "false"; absent when not coded
	FieldStage     = "stage"
	FieldProject   = "project"
	FieldFunder    = "funder"
	FieldYear      = "year"
	FieldURL       = "url"
	FieldCreated   = "created"
	// FieldFacets holds the code of every facet value of a model (see
	// facetDict), so one doc-values pass per hit counts all facets.
	FieldFacets = "facets"

	// FieldPairs holds the pairs of neighbouring words with a stop word
	// (see pairs.go), so a phrase with a stop word stays a phrase.
	FieldPairs = "pairs"
)

// textFields are the analysed text fields.
var textFields = []string{FieldTitle, FieldSummary, FieldSections}

func buildMapping() (*mapping.IndexMappingImpl, error) {
	if err := registerAnalysis(); err != nil {
		return nil, err
	}
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(analyzerText, map[string]interface{}{
		"type": custom.Name, "tokenizer": wordsName, "token_filters": []interface{}{stemFilterName},
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = analyzerText
	if err := im.AddCustomAnalyzer(analyzerFold, map[string]interface{}{
		"type": custom.Name, "tokenizer": wordsName, "token_filters": []interface{}{stemFilterName, foldFilterName},
	}); err != nil {
		return nil, err
	}

	dm := bleve.NewDocumentStaticMapping()
	for _, f := range textFields {
		main := bleve.NewTextFieldMapping()
		main.Name = f
		main.Analyzer = analyzerText
		main.DocValues = false
		main.IncludeInAll = false // no _all field: unfielded queries are rewritten to these fields
		dm.AddFieldMappingsAt(f, main)
	}
	if err := im.AddCustomAnalyzer(linesName, map[string]interface{}{
		"type": custom.Name, "tokenizer": linesName,
	}); err != nil {
		return nil, err
	}
	// The pairs field holds each stop-word pair of the model's text once
	// (see pairer); no positions. It is one value with a term per line: as
	// a list, bleve made a field per term, and that cost a fifth of the
	// build's CPU time and more than its memory.
	lines := func(docValues bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = linesName
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = docValues
		f.IncludeTermVectors = false
		return f
	}
	dm.AddFieldMappingsAt(FieldPairs, lines(false))
	// The facet codes are one value too, with doc values: the same terms
	// as a list of keywords, without a field per code.
	dm.AddFieldMappingsAt(FieldFacets, lines(true))
	keyword := func(name string, index, store bool) {
		k := bleve.NewKeywordFieldMapping()
		k.Index = index
		k.Store = store
		k.IncludeTermVectors = false
		k.IncludeInAll = false
		k.DocValues = false
		dm.AddFieldMappingsAt(name, k)
	}
	for _, name := range []string{FieldRegions, FieldMethods, FieldPhases, FieldDescribed, FieldStage, FieldProject} {
		keyword(name, true, true)
	}
	keyword(FieldFunder, true, false)
	keyword(FieldYear, true, false)
	// Fields only shown in result lines are stored, not indexed: no query
	// names them (see queryFields), and the url's term was a new one in
	// every model.
	for _, name := range []string{FieldRegion, FieldURL, FieldCreated} {
		keyword(name, false, true)
	}

	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping()) // no composite _all field
	im.DefaultMapping = dm
	im.DefaultField = FieldSections
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

// document turns a model into the map bleve indexes; pr fills the pairs
// field and fd codes the facet values.
func document(m *model.Model, pr *pairer, fd *facetDict) map[string]interface{} {
	d := map[string]interface{}{
		FieldTitle:   m.Title,
		FieldSummary: m.Summary,
		FieldURL:     m.URL,
		FieldCreated: m.Created,
	}
	secs := make([]string, 0, len(m.Sections))
	for _, s := range m.Sections {
		t := strings.TrimSpace(s.Heading + "\n" + s.Text)
		if t != "" {
			secs = append(secs, t)
		}
	}
	if len(secs) > 0 {
		d[FieldSections] = secs
	}
	if pairs := pr.pairs(append([]string{m.Title, m.Summary}, secs...)...); len(pairs) > 0 {
		d[FieldPairs] = strings.Join(pairs, "\n")
	}
	regions := m.Regions
	if len(regions) == 0 && m.Region != "" {
		regions = []string{m.Region}
	}
	setKeyword(d, FieldRegion, m.Region)
	if len(regions) > 0 {
		d[FieldRegions] = regions
	}
	setKeyword(d, FieldStage, m.Stage)
	setKeyword(d, FieldProject, m.Project)
	if f := m.Funders(); len(f) > 0 {
		d[FieldFunder] = f
	}
	setKeyword(d, FieldYear, m.CreatedYear())

	if p := m.Participation; p != nil {
		if p.Described {
			d[FieldDescribed] = "true"
		} else {
			d[FieldDescribed] = "false"
		}
		ids := make([]string, 0, len(p.Methods))
		for _, mt := range p.Methods {
			ids = append(ids, mt.ID)
		}
		if len(ids) > 0 {
			d[FieldMethods] = ids
		}
		if len(p.Phases) > 0 {
			d[FieldPhases] = p.Phases
		}
	}
	var fv []string
	for _, f := range facetSpecs {
		switch v := d[f.field].(type) {
		case string:
			fv = append(fv, fd.code(f.field, v))
		case []string:
			for _, e := range v {
				fv = append(fv, fd.code(f.field, e))
			}
		}
	}
	if len(fv) > 0 {
		d[FieldFacets] = strings.Join(fv, "\n")
	}
	return d
}

func setKeyword(d map[string]interface{}, field, v string) {
	if v = strings.TrimSpace(v); v != "" {
		d[field] = v
	}
}

// signature identifies what was indexed for a model: a new store version, a
// changed content hash or a new coding all change it.
func signature(m *model.Model) string {
	coding := "none"
	if m.Participation != nil {
		b, _ := json.Marshal(m.Participation) // plain strings, bools and ints
		sum := sha256.Sum256(b)
		coding = hex.EncodeToString(sum[:8])
	}
	content := m.ContentSHA256
	if content == "" {
		content = m.Hash()
	}
	if len(content) > 16 {
		content = content[:16]
	}
	return strings.Join([]string{strconv.Itoa(m.Version), content, coding}, ":")
}
