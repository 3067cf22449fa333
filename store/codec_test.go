package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// TestDecodeAsEncodingJSON holds decode to encoding/json's reading of what
// the store holds, including what older versions or other tools may have
// written: names in another case, repeated names, invalid UTF-8, escapes,
// nulls and unknown fields.
func TestDecodeAsEncodingJSON(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"plain", `{"id":"a","title":"Työpaja","sections":[{"page":"main","heading":"H","text":"rivi\nrivi"}]}`},
		{"names in another case", `{"ID":"a","Title":"T","SECTIONS":[{"Page":"main","Text":"x"}]}`},
		{"repeated name", `{"id":"a","title":"first","title":"second"}`},
		{"invalid utf-8", "{\"id\":\"a\",\"title\":\"bad \xff\xfe byte\"}"},
		{"escapes", `{"id":"a","title":"\u00e4\u00f6 \"lainaus\" \\ \/ \t \u2028 \ud83d\ude00"}`},
		{"nulls", `{"id":"a","regions":null,"sections":null,"participation":null}`},
		{"unknown fields", `{"id":"a","future":{"x":[1,2,{"y":null}]},"title":"T"}`},
		{"coding", `{"id":"a","participation":{"codebook":"c","described":true,"methods":[{"id":"survey","phases":["ideation"],"evidence":[{"page":"main","section":"S","text":"t","start":1,"end":2}]}],"phases":["ideation"]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got model.Model
			werr := json.Unmarshal([]byte(tc.in), &want)
			gerr := decode([]byte(tc.in), &got)
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("decode error %v, encoding/json's %v", gerr, werr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("decode gives\n%+v\nencoding/json\n%+v", got, want)
			}
		})
	}
	// What decode returns outlives the next call: a decoder reusing its
	// buffers must not leave strings pointing into them.
	long := strings.Repeat(`Asiakkaat \"osallistuivat\" työpajoihin.\n`, 400)
	inputs := []string{`{"id":"a","title":"eka","summary":"` + long + `"}`, `{"id":"b","title":"toka \u00e4","summary":"lyhyt"}`,
		`{"id":"c","title":"kolmas","sections":[{"text":"` + long + long + `"}]}`}
	var kept []model.Model
	for _, in := range inputs {
		var m model.Model
		if err := decode([]byte(in), &m); err != nil {
			t.Fatal(err)
		}
		kept = append(kept, m)
	}
	for i, in := range inputs {
		var want model.Model
		json.Unmarshal([]byte(in), &want)
		if !reflect.DeepEqual(kept[i], want) {
			t.Errorf("model %d changed after later decodes", i)
		}
	}
	for _, bad := range []string{`{"id":"a"`, `{"id":1}`, `[]`, `{"id":"a"} x`, ``} {
		var m model.Model
		if err := decode([]byte(bad), &m); err == nil {
			t.Errorf("decode(%q) gave no error", bad)
		}
	}
}
