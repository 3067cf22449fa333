package classify

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

func TestDefaultCodebookUsesProjectIDs(t *testing.T) {
	cb := Default()
	if cb.Version == "" {
		t.Fatal("no version")
	}
	if len(cb.Methods) != len(model.MethodIDs) || len(cb.Phases) != len(model.PhaseIDs) {
		t.Fatalf("%d methods, %d phases", len(cb.Methods), len(cb.Phases))
	}
	for i, id := range model.MethodIDs {
		if cb.Methods[i].ID != id {
			t.Errorf("method %d is %q, want %q", i, cb.Methods[i].ID, id)
		}
		if l := cb.MethodLabel(id); l.FI == "" || l.EN == "" {
			t.Errorf("method %s unlabelled", id)
		}
	}
	if l := cb.PhaseLabel(model.Ideation); l.FI != "Ideointi" || l.EN != "Ideation" {
		t.Errorf("ideation label %+v", l)
	}
}

// mutate returns the embedded codebook with one substring replaced.
func mutate(t *testing.T, old, new string) string {
	t.Helper()
	s := string(defaultYAML)
	if !strings.Contains(s, old) {
		t.Fatalf("codebook lacks %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// lineOf is the 1-based line of the first occurrence of sub in s.
func lineOf(s, sub string) int {
	return strings.Count(s[:strings.Index(s, sub)], "\n") + 1
}

func TestLoadRefusesBadCodebooks(t *testing.T) {
	cases := []struct {
		name, old, new, mark, reason string
	}{
		{"unknown method", "  - id: interview\n", "  - id: interviews\n", "id: interviews", `unknown method id "interviews"`},
		{"upper-case pattern", "cues: [haastattel,", "cues: [Haastattel,", "[Haastattel,", `pattern "Haastattel": write it in normalised form "haastattel"`},
		{"hyphen in pattern", "cues: [havainnoin,", "cues: [havainnoin-ti,", "havainnoin-ti", `pattern "havainnoin-ti"`},
		{"unknown field", "    observer: true\n", "    observr: true\n", "observr", `unknown field "observr"`},
		{"unknown phase in section", "    phases: [piloting_evaluation]\n    weight: high\n  - heading: Arvioinnin", "    phases: [evaluation]\n    weight: high\n  - heading: Arvioinnin", "[evaluation]", `unknown phase id "evaluation"`},
		{"unknown section weight", "  - heading: Toimintaympäristö\n    weight: low", "  - heading: Toimintaympäristö\n    weight: lowest", "weight: lowest", `weight "lowest": want high, normal or low`},
		{"yaml syntax", "  - id: workshop\n", "  - id: [workshop\n", "[workshop", ""},
		{"empty pattern", "cues: [kysely, webropol]", "cues: [kysely, \"\"]", `""]`, `pattern "": empty`},
		{"max suffix", "clients:\n  max_suffix: 5", "clients:\n  max_suffix: 0", "max_suffix: 0", "max_suffix must be a positive"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := mutate(t, tc.old, tc.new)
			_, err := Load(strings.NewReader(src), "my.yaml")
			var ce *CodebookError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a CodebookError", err)
			}
			if ce.File != "my.yaml" || ce.Line == 0 {
				t.Errorf("error %q lacks file or line", err)
			}
			if want := lineOf(src, tc.mark); tc.name != "unknown field" && tc.name != "yaml syntax" && ce.Line != want {
				t.Errorf("line %d, want %d (%v)", ce.Line, want, err)
			}
			if !strings.Contains(err.Error(), tc.reason) || !strings.HasPrefix(err.Error(), "codebook my.yaml:") {
				t.Errorf("error %q lacks %q", err, tc.reason)
			}
		})
	}
}

func TestLoadRefusesIncompleteCodebooks(t *testing.T) {
	for _, tc := range []struct{ src, reason string }{
		{"", "empty file"},
		{"version: x\n", "clients: no stems"},
		{strings.Replace(string(defaultYAML), "version: innokyla-codebook", "version: \"\"\n#", 1), "no version"},
		{strings.Replace(string(defaultYAML), "  development: [", "  developmentx: [", 1), `unknown field "developmentx"`},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := Load(strings.NewReader(tc.src), "c.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.reason) {
				t.Errorf("got %v, want %q", err, tc.reason)
			}
		})
	}
	// A codebook without the codesign method is refused: reports need every ID.
	src := string(defaultYAML)
	i := strings.Index(src, "  - id: codesign")
	j := strings.Index(src, "# Sections: where")
	_, err := Load(strings.NewReader(src[:i]+src[j:]), "c.yaml")
	if err == nil || !strings.Contains(err.Error(), `method "codesign" is missing`) {
		t.Errorf("got %v", err)
	}
}

// An edited codebook is used: a new cue makes a new word count.
func TestEditedCodebookChangesCoding(t *testing.T) {
	m := &model.Model{Sections: []model.Section{{Page: model.PageMain, Heading: "Kehittämistyön vaiheet",
		Text: "Asukkaat osallistuivat kävelykierrokselle, jonka aikana ideoitiin reittejä."}}}
	// The default codebook reads a general statement (codesign); the
	// edited one names the method.
	if p := New(Default()).Classify(m); len(p.Methods) != 1 || p.Methods[0].ID != "codesign" {
		t.Fatalf("default codebook found %v", p.Methods)
	}
	src := mutate(t, "cues: [havainnoin,", "cues: [kävelykierro, havainnoin,")
	src = strings.Replace(src, "version: "+Default().Version, "version: edited-1", 1)
	cb, err := Load(strings.NewReader(src), "edited.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := New(cb).Classify(m)
	if p.Codebook != "edited-1" || len(p.Methods) != 1 || p.Methods[0].ID != "observation" ||
		strings.Join(p.Methods[0].Phases, ",") != model.Ideation {
		t.Errorf("edited codebook coding %+v", p)
	}
}

func TestEmbeddedFileIsTheSourceFile(t *testing.T) {
	b, err := os.ReadFile("codebook.yaml")
	if err != nil || string(b) != string(defaultYAML) {
		t.Fatalf("embedded codebook differs from codebook.yaml: %v", err)
	}
}

// A codebook too large for the automaton, or with more requires lists than
// a clause can keep, is refused by Load with a reason, never a panic.
func TestLoadRefusesCodebooksTooLarge(t *testing.T) {
	// 40,000 distinct 12-letter cues need far more than 32,767 states.
	letters := []rune("abcdefghijklmnopqrstuvwxyzåäö")
	var cues []string
	for i := 0; i < 40000; i++ {
		var w []rune
		for j, n := 0, i; j < 12; j++ {
			w = append(w, letters[(n+j*7)%len(letters)])
			n = n/3 + j*31
		}
		cues = append(cues, string(w))
	}
	huge := mutate(t, "cues: [kysely, webropol]", "cues: [kysely, webropol, "+strings.Join(cues, ", ")+"]")

	// 64 cues of codesign, each with a requires list of its own.
	var reqCues []string
	var reqs strings.Builder
	for i := 1; i <= 64; i++ {
		cue := "r" + strings.Repeat("a", i)
		reqCues = append(reqCues, cue)
		fmt.Fprintf(&reqs, "      %s: [x%s]\n", cue, strings.Repeat("b", i))
	}
	manyLists := mutate(t, "    requires:\n", "    requires:\n"+reqs.String())
	manyLists = strings.Replace(manyLists, "cues: [yhteiskehit,", "cues: ["+strings.Join(reqCues, ", ")+", yhteiskehit,", 1)

	for _, tc := range []struct{ name, src, reason string }{
		{"automaton states", huge, "automaton states"},
		{"requires lists", manyLists, "65 different requires lists"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tc.src), "big.yaml")
			var ce *CodebookError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("got %v, want a CodebookError about %s", err, tc.reason)
			}
		})
	}
}
