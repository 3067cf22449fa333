package index

import (
	"reflect"
	"strings"
	"testing"
)

func TestWindow(t *testing.T) {
	long := strings.Repeat("alkua ", 60) + "keskellä työpajoissa sanottiin " + strings.Repeat("loppua ", 60)
	i := strings.Index(long, "työpajoissa")
	parts, n := window(long, []span{{i, i + len("työpajoissa")}})
	if n != 1 {
		t.Fatalf("%d marks, want 1", n)
	}
	if parts[0].Text[:len("…")] != "…" || !strings.HasSuffix(parts[len(parts)-1].Text, "…") {
		t.Errorf("a cut window starts and ends with an ellipsis: %+v", parts)
	}
	var marked []string
	for _, p := range parts {
		if p.Mark {
			marked = append(marked, p.Text)
		}
	}
	if len(marked) != 1 || marked[0] != "työpajoissa" {
		t.Errorf("marked %q", marked)
	}
	// Spans off rune boundaries or outside the text are dropped, overlaps joined.
	got := merge("äiti", []span{{1, 3}, {0, 2}, {0, 2}, {3, 9}})
	if len(got) != 1 || got[0] != (span{0, 2}) {
		t.Errorf("merge = %v", got)
	}
}

func TestSnippetCollapsesWhitespace(t *testing.T) {
	parts, _ := window("Rivi yksi.\n\n- kohta   kaksi", []span{{14, 19}})
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	if got := b.String(); got != "Rivi yksi. - kohta kaksi" {
		t.Errorf("snippet text %q", got)
	}
}

func TestWindowStartsAtWord(t *testing.T) {
	text := "Kehittämistyön vaiheet " + strings.Repeat("sana ", 80) + "kysely"
	i := strings.Index(text, "kysely")
	parts, _ := window(text, []span{{i, i + len("kysely")}})
	first := strings.TrimPrefix(parts[0].Text, "… ")
	if !strings.HasPrefix(text, first[:4]) && !strings.HasPrefix(first, "sana") {
		t.Errorf("window starts mid-word: %q", parts[0].Text)
	}
	parts, _ = window("Kehittämistyön vaiheet alkoivat", []span{{0, 5}})
	if len(parts) == 0 || !strings.HasPrefix(parts[0].Text, "Kehit") {
		t.Errorf("short text: %+v", parts)
	}
}

func TestWordBoundaries(t *testing.T) {
	if got := wordStart("Kehittämistyön vaiheet", 5); got != 0 {
		t.Errorf("wordStart at the first word = %d, want 0", got)
	}
	if got := wordStart("abc defghijkl", 7); got != 4 {
		t.Errorf("wordStart = %d, want 4", got)
	}
	if got := wordEnd("abc defghijkl mn", 6); got != 13 {
		t.Errorf("wordEnd = %d, want 13", got)
	}
}

// TestSpansWordByWord: filtering each distinct word once finds the same
// words as analysing the whole text.
func TestSpansWordByWord(t *testing.T) {
	ix := buildIndex(t, synthModels(1))
	texts := []string{
		"Asiakaskyselyn tulokset käytiin läpi työpajoissa ja kyselyn jälkeen raadissa.",
		"KYSELY, kysely; Kyselyt! ja ja ja asiakasraadin raati raadit",
		"Perhekeskus ja perhekeskuksen asiakkaiden kanssa tehty kysely 2023.",
	}
	for _, q := range []string{"kysely", "raati", `"asiakkaiden kanssa"`, "perhekeskus työpaja"} {
		fq, err := buildQuery(Request{Query: q}, ix.words(), ix.facets)
		if err != nil {
			t.Fatal(err)
		}
		m, found := ix.newMatcher(fq.text), 0
		for _, text := range texts {
			t.Run(q+"/"+text[:10], func(t *testing.T) {
				want := m.spansOf(m.fi.Analyze([]byte(text)))
				got := m.spans(text)
				got2 := m.spans(text) // from what it has seen
				if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got2, want) {
					t.Errorf("spans %v, again %v; analysing the whole text gives %v", got, got2, want)
				}
				found += len(want)
			})
		}
		if found == 0 {
			t.Errorf("no word of %q matched; the comparison proves nothing", q)
		}
	}
}
