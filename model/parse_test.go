package model

import (
	"strings"
	"testing"
)

func TestParseCode(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		parse          func(string) (string, error)
	}{
		{"method id", "workshop", "workshop", ParseMethod},
		{"method finnish", "Työpaja", "workshop", ParseMethod},
		{"method lower finnish", " työpaja ", "workshop", ParseMethod},
		{"method english", "Co-design", "codesign", ParseMethod},
		{"method unknown", "dance", "", ParseMethod},
		{"phase id", "piloting_evaluation", PilotingEvaluation, ParsePhase},
		{"phase finnish", "suunnittelu", Planning, ParsePhase},
		{"phase unknown", "later", "", ParsePhase},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.parse(tc.in)
			if tc.want == "" {
				if err == nil || !strings.Contains(err.Error(), "want one of") {
					t.Fatalf("%q: got %q, %v; want an error listing the IDs", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("%q: got %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseStageAndYear(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		parse          func(string) (string, error)
	}{
		{"stage as published", "Valmis", "Valmis", ParseStage},
		{"stage in lower case", "kehitteillä", "Kehitteillä", ParseStage},
		{"stage in English", "evaluated", "Arvioitu", ParseStage},
		{"unknown stage", "bogus", "", ParseStage},
		{"year", "2023", "2023", ParseYear},
		{"not a year", "abc", "", ParseYear},
		{"too early", "1200", "", ParseYear},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.parse(tc.in)
			if got != tc.want || (err != nil) != (tc.want == "") {
				t.Errorf("%q: %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseEach(t *testing.T) {
	got, err := ParseEach("--method", []string{"Työpaja", "survey"}, ParseMethod)
	if err != nil || len(got) != 2 || got[0] != "workshop" || got[1] != "survey" {
		t.Errorf("ParseEach = %q, %v", got, err)
	}
	if got, err := ParseEach("--method", nil, ParseMethod); err != nil || got != nil {
		t.Errorf("no values: %q, %v", got, err)
	}
	if _, err := ParseEach("--phase", []string{"ideointi", "later"}, ParsePhase); err == nil || !strings.HasPrefix(err.Error(), `--phase "later": want one of`) {
		t.Errorf("error %v; want it to name the flag and the value", err)
	}
}
