package index

import (
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// keywordQuery is field:value or field:"several words" on a keyword field.
// Keyword fields hold whole values without positions, so a phrase there is
// one term, never a phrase search (which would find nothing). The value is
// read like the filter of the same name: method:työpaja is method
// workshop, region:Pirkanmaa the Pirkanmaa region; a value that cannot be
// one is a bad query naming the allowed values.
func keywordQuery(field, value string, boost *query.Boost) (query.Query, error) {
	f, err := knownField(field)
	if err != nil {
		return nil, err
	}
	values, err := keywordValues(f, value)
	if err != nil {
		return nil, &FieldValueError{Field: field, Value: value, Err: err}
	}
	alt := make([]query.Query, 0, len(values))
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(f)
		t.BoostVal = boost
		alt = append(alt, t)
	}
	if len(alt) == 1 {
		return alt[0], nil
	}
	return bleve.NewDisjunctionQuery(alt...), nil
}

// keywordValues reads value as the stored values of keyword field f.
func keywordValues(f, value string) ([]string, error) {
	var v string
	var err error
	switch f {
	case FieldRegions:
		return region.Parse(value)
	case FieldMethods:
		v, err = model.ParseMethod(value)
	case FieldPhases:
		v, err = model.ParsePhase(value)
	case FieldStage:
		v, err = model.ParseStage(value)
	case FieldYear:
		v, err = model.ParseYear(value)
	case FieldDescribed:
		var b bool
		if b, err = strconv.ParseBool(value); err != nil {
			err = fmt.Errorf("want true or false")
		}
		v = strconv.FormatBool(b)
	default: // project, funder: as published
		v = value
	}
	if err != nil {
		return nil, err
	}
	return []string{v}, nil
}
