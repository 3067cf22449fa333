package main

import (
	"strings"
	"testing"
)

func TestStatusText(t *testing.T) {
	c := newCLI(t)
	code, _, errOut := c.run("status")
	if code != exitError || !strings.Contains(errOut, "no corpus at") {
		t.Fatalf("status without a corpus: exit %d, %q", code, errOut)
	}
	ms := testModels()
	seedStore(t, c.data, ms[:2])
	steps := []struct {
		args []string
		want []string
	}{
		{nil, []string{"Corpus: 2 models, 2 versions stored, in 1 region", "Codings: none",
			"Not yet coded by innokyla-codebook-", ": 2 models (innokyla classify)",
			"Index: none (innokyla index builds it)", "Last crawl: none"}},
		{[]string{"classify"}, []string{"Codings: 2 models by innokyla-codebook-", "(current)", "Not yet coded by", ": none"}},
		{[]string{"index"}, []string{"Index: 2 models, up to date with the store"}},
		{[]string{"classify", "--codebook", "../../classify/codebook.yaml"}, []string{
			"Index: 2 models, behind the store by 2 models (innokyla index)", "codebook.yaml, "}},
	}
	for _, st := range steps {
		if st.args != nil {
			if code, _, e := c.run(st.args...); code != 0 {
				t.Fatalf("%v: exit %d: %s", st.args, code, e)
			}
		}
		code, out, errOut := c.run("status")
		if code != 0 {
			t.Fatalf("status after %v: exit %d: %s", st.args, code, errOut)
		}
		for _, w := range st.want {
			if !strings.Contains(out, w) {
				t.Errorf("status after %v lacks %q:\n%s", st.args, w, out)
			}
		}
	}
}
