package main

import (
	"strings"
	"testing"
)

// TestCompletion asks for completions as the shell scripts of `innokyla
// completion bash|zsh|fish` do (innokyla __complete ARGS...).
func TestCompletion(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	for _, tc := range []struct {
		name string
		args []string
		want []string
		not  []string
	}{
		{"report formats", []string{"report", "--format", ""}, []string{"md", "csv", "json", "html"}, []string{"jsonl"}},
		{"export formats", []string{"export", "--format", ""}, []string{"jsonl", "csv", "qdpx"}, []string{"html"}},
		{"method IDs", []string{"search", "x", "--method", ""}, []string{"workshop", "experts_by_experience"}, nil},
		{"search phases", []string{"search", "--phase", ""}, []string{"ideation", "piloting_evaluation"}, nil},
		{"stages", []string{"search", "--stage", ""}, []string{"Kehitteillä", "Valmis", "Arvioitu"}, nil},
		{"a region by its beginning, any case", []string{"search", "--region", "pirk"}, []string{"Pirkanmaan hyvinvointialue"}, []string{"Lapin hyvinvointialue"}},
		{"model ids from the store", []string{"explain", "ko"}, []string{"kotihoidon-iltakaynnit"}, []string{"kirjaamisen-malli"}},
		{"review takes model ids and codes", []string{"review", "mielenterveyden-chat", "--accept", ""}, []string{"none", "survey"}, nil},
		{"classify --url", []string{"classify", "--url", "m"}, []string{"mielenterveyden-chat"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := c.run(append([]string{"__complete"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := map[string]bool{}
			for _, l := range strings.Split(out, "\n") {
				if l != "" && !strings.HasPrefix(l, ":") {
					got[l] = true
				}
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("%v: %q not offered; got %q", tc.args, w, out)
				}
			}
			for _, w := range tc.not {
				if got[w] {
					t.Errorf("%v: %q offered; got %q", tc.args, w, out)
				}
			}
		})
	}
}
