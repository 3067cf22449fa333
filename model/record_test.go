package model

import (
	"errors"
	"strings"
	"testing"
)

func TestIDFromURL(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"url", "https://innokyla.fi/fi/toimintamalli/perhekeskus", "perhekeskus"},
		{"trailing slash", "https://innokyla.fi/fi/toimintamalli/perhekeskus/", "perhekeskus"},
		{"path page", "https://innokyla.fi/fi/toimintamalli/perhekeskus/kehittamisen-polku", "perhekeskus"},
		{"query and fragment", "https://innokyla.fi/fi/toimintamalli/perhekeskus?x=1#osa", "perhekeskus"},
		{"saved file", "saved/perhekeskus/index.html", "perhekeskus"},
		{"bare", "perhekeskus", "perhekeskus"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := IDFromURL(tc.in); got != tc.want {
				t.Errorf("IDFromURL(%q) = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestReadRecordsNamesTheLine(t *testing.T) {
	in := `{"id":"a","title":"A"}` + "\n\n" + `{"url":"https://x.example/fi/toimintamalli/b","created":"2024-1-1"}` + "\n"
	var ids []string
	err := ReadRecords(strings.NewReader(in), "in.jsonl", func(_ int, m *Model) error {
		ids = append(ids, m.ID)
		return nil
	})
	var le *LineError
	if !errors.As(err, &le) || le.Line != 3 || !strings.Contains(err.Error(), `in.jsonl:3: created "2024-1-1"`) {
		t.Fatalf("error %v; want in.jsonl:3 naming the date", err)
	}
	if len(ids) != 1 || ids[0] != "a" {
		t.Errorf("records before the bad line: %q", ids)
	}
}
