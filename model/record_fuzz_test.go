package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// FuzzDecodeRecord: no input makes the import decoder panic; a record it
// accepts has an id and ISO dates, and what it accepts it accepts again
// after writing it out (export then import).
func FuzzDecodeRecord(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"T","sections":[{"page":"main","heading":"H","text":"x"}]}`,
		`{"url":"https://innokyla.example/fi/toimintamalli/perhekeskus/kehittamisen-polku/"}`,
		`{"id":"a","created":"2024-01-02","participation":{"codebook":"c","described":true,"methods":[{"id":"survey","phases":["planning"]}],"phases":["planning"]}}`,
		`{"id":"a","created":"1.2.2024"}`, `{"id":"../x"}`, `{"id":"a","sections":[{"page":"other"}]}`,
		`{"id":1}`, `[]`, `null`, `{`, "", `{"url":"?#/"}`, "{\"id\":\"a\",\"title\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodeRecord(b)
		if err != nil {
			if m != nil {
				t.Errorf("%q: a model and an error %v", b, err)
			}
			return
		}
		if m.ID == "" || !idRe.MatchString(m.ID) {
			t.Errorf("%q: accepted with id %q", b, m.ID)
		}
		if m.Created != "" && !isoDate.MatchString(m.Created) || m.Modified != "" && !isoDate.MatchString(m.Modified) {
			t.Errorf("%q: accepted with dates %q, %q", b, m.Created, m.Modified)
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("%q: accepted but cannot be written: %v", b, err)
		}
		if _, err := DecodeRecord(out); err != nil {
			t.Errorf("%q: accepted, but not once written out as %s: %v", b, out, err)
		}
		// The same record in a file of several lines.
		var lines int
		err = ReadRecords(bytes.NewReader(append(append(out, '\n'), out...)), "f.jsonl", func(int, *Model) error { lines++; return nil })
		var le *LineError
		if err != nil && !errors.As(err, &le) || err == nil && lines != 2 {
			t.Errorf("%s twice: %d records, %v", out, lines, err)
		}
	})
}
