package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/innokyla/innokyla/model"
)

// decoders are the store's two ways of decoding JSON, which must read
// alike: decode copies the strings it decodes, decodeShared (classify's
// records) leaves them in the input.
var decoders = []struct {
	name   string
	decode func(b []byte, v any) error
}{
	{"decode", decode},
	{"decodeShared", func(b []byte, v any) error { return decodeShared(string(b), v) }},
}

// TestDecodeAsEncodingJSON holds decode and decodeShared to encoding/json's
// reading of what the store holds, including what older versions or other
// tools may have written: names in another case, repeated names, invalid
// UTF-8, escapes, nulls and unknown fields.
func TestDecodeAsEncodingJSON(t *testing.T) {
	for _, d := range decoders {
		t.Run(d.name, func(t *testing.T) { testDecodeAsEncodingJSON(t, d.decode) })
	}
}

func testDecodeAsEncodingJSON(t *testing.T, decode func(b []byte, v any) error) {
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

// TestEncodeAsEncodingJSON holds encode to encoding/json's bytes on
// codings with what crawled text may hold: markup characters, quotes,
// line and paragraph separators, invalid UTF-8, and nil and empty lists.
func TestEncodeAsEncodingJSON(t *testing.T) {
	ev := func(text string) model.Evidence {
		return model.Evidence{Page: "main", Section: "Osallisuus <b>&</b>", Text: text, Start: 3, End: 40, Confidence: "high"}
	}
	for _, tc := range []struct {
		name string
		p    *model.Participation
	}{
		{"empty", &model.Participation{}},
		{"empty lists", &model.Participation{Codebook: "c", Methods: []model.Method{}, Phases: []string{}}},
		{"methods", &model.Participation{Codebook: "innokyla-codebook-2.0 (embedded, 47850c3e)", Described: true,
			Methods: []model.Method{{ID: "survey", Phases: []string{"ideation"}, Confidence: "high",
				Evidence: []model.Evidence{ev("Asiakkaat vastasivat kyselyyn \"Mitä mieltä?\" – 120 vastausta.")}}},
			Phases: []string{"ideation", "development"}}},
		{"odd text", &model.Participation{Coder: "Äijä", General: []model.Evidence{
			ev("a\u2028b\u2029c <script>&amp; \\ \t\n"), ev("bad \xff\xfe byte"), ev("emoji 😀 and NUL \x00")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, werr := json.Marshal(tc.p)
			got, gerr := encode(tc.p)
			if werr != nil || gerr != nil {
				t.Fatalf("errors: encode %v, encoding/json %v", gerr, werr)
			}
			if string(got) != string(want) {
				t.Errorf("encode gives\n%s\nencoding/json\n%s", got, want)
			}
		})
	}
}

// FuzzDecode holds decode and decodeShared to encoding/json on any input: the same error or
// not, the same model, and never a panic (a damaged record must give an
// error that names it).
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"id":"a","title":"Työpaja","sections":[{"page":"main","heading":"H","text":"rivi\nrivi"}]}`,
		`{"ID":"a","title":"first","title":"second","regions":null}`,
		"{\"id\":\"a\",\"title\":\"bad \xff byte \\u00e4 \\ud83d\\ude00\"}",
		`{"id":"a","participation":{"codebook":"c","described":true,"methods":[{"id":"survey","evidence":[{"start":1,"end":2}]}]}}`,
		`{"id":1}`, `[]`, `nul`, `{"sections":[{"text":`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want model.Model
		werr := json.Unmarshal(b, &want)
		for _, d := range decoders {
			var got model.Model
			gerr := d.decode(b, &got)
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("%q: %s error %v, encoding/json's %v", b, d.name, gerr, werr)
			}
			if werr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: %s gives %+v, encoding/json %+v", b, d.name, got, want)
			}
		}
	})
}

// TestDecodeSharedShares holds what decodeShared is for: a string without
// an escape is left in the input, not copied; one with an escape is a copy.
func TestDecodeSharedShares(t *testing.T) {
	in := `{"id":"a","title":"Asiakasraati","summary":"rivi\nrivi"}`
	var m model.Model
	if err := decodeShared(in, &m); err != nil {
		t.Fatal(err)
	}
	inside := func(s string) bool {
		base, p := uintptr(unsafe.Pointer(unsafe.StringData(in))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return base <= p && p < base+uintptr(len(in))
	}
	if m.Title != "Asiakasraati" || !inside(m.Title) {
		t.Errorf("title %q is a copy, not a part of the input", m.Title)
	}
	if m.Summary != "rivi\nrivi" || inside(m.Summary) {
		t.Errorf("summary %q with an escape is not a copy of its own", m.Summary)
	}
}
