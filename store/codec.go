package store

import (
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// v1Semantics makes the faster JSON decoder read what encoding/json wrote
// as encoding/json would: names in any case, invalid UTF-8 and repeated
// names accepted.
var v1Semantics = json.JoinOptions(
	jsontext.AllowInvalidUTF8(true),
	jsontext.AllowDuplicateNames(true),
	json.MatchCaseInsensitiveNames(true),
)

// decode reads what the store wrote as JSON (records, codings, review
// decisions, crawl keys) into v. It decodes a model's record about twice
// as fast as encoding/json, which was a quarter of classify's CPU time at
// 100,000 models.
func decode(b []byte, v any) error {
	return json.Unmarshal(b, v, v1Semantics)
}
