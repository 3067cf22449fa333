package index

import (
	"strings"
	"testing"
)

func TestSnippetHTMLEscapes(t *testing.T) {
	s := Snippet{Parts: []Part{{Text: `<img src=x onerror="a()"> & `}, {Text: "<b>työpaja</b>", Mark: true}}}
	want := `&lt;img src=x onerror=&#34;a()&#34;&gt; &amp; <mark>&lt;b&gt;työpaja&lt;/b&gt;</mark>`
	if got := s.HTML(); got != want {
		t.Errorf("HTML()\n got %s\nwant %s", got, want)
	}
}

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
