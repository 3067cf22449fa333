package web

import (
	"testing"

	"github.com/innokyla/innokyla/index"
)

func TestSnippetHTMLEscapes(t *testing.T) {
	s := index.Snippet{Parts: []index.Part{{Text: `<img src=x onerror="a()"> & `}, {Text: "<b>työpaja</b>", Mark: true}}}
	want := `&lt;img src=x onerror=&#34;a()&#34;&gt; &amp; <mark>&lt;b&gt;työpaja&lt;/b&gt;</mark>`
	if got := snippetHTML(s); got != want {
		t.Errorf("snippetHTML\n got %s\nwant %s", got, want)
	}
}
