package store

import (
	"unsafe"

	json "github.com/goccy/go-json"
)

// decode reads what the store wrote as JSON (records, codings, review
// decisions, crawl keys) into v as encoding/json would read it
// (TestDecodeAsEncodingJSON). goccy/go-json decodes a stored model in about
// 5.8 µs, go-json-experiment in 11-14 µs and encoding/json in 31 µs (paired,
// 3,000 records of the 100,000-model bench corpus); in classify at 100,000
// models decoding fell from 1.0 to 0.6-0.7 CPU-seconds.
func decode(b []byte, v any) error {
	return json.Unmarshal(b, v)
}

// decodeShared is decode of a string whose decoded strings share its
// memory instead of being copied out of it (a string with an escape is
// still a copy): a Go string is never written to, and the decoder only
// reads its input. The decoded value keeps the whole of s alive. classify's
// workers decode the records so: 108 MB less copied at 100,000 models.
func decodeShared(s string, v any) error {
	return json.UnmarshalWithOption(unsafe.Slice(unsafe.StringData(s), len(s)), v, json.DecodeNoCopyString())
}

// encode writes v as JSON, byte for byte as encoding/json would
// (TestEncodeAsEncodingJSON): a coding of the bench corpus in 360-410 ns
// against 815-910 ns (5,000 codings, paired).
func encode(v any) ([]byte, error) {
	return json.Marshal(v)
}
