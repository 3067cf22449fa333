package history

import (
	"strings"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Sentences splits text into its sentences (Unicode UAX #29 boundaries; a
// line break ends one too), each trimmed and on one line.
func Sentences(text string) []string {
	var out []string
	it := sentences.FromString(text)
	for it.Next() {
		s := strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(it.Value()), "- ")), " ")
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// diffSentences returns the sentences of after that are not in before
// (added) and those of before that are not in after (removed), in order,
// from a diff of the two sentence sequences (diff-match-patch in line
// mode: one sentence a line).
func diffSentences(before, after []string) (added, removed []string) {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToRunes(strings.Join(before, "\n")+"\n", strings.Join(after, "\n")+"\n")
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	for _, d := range diffs {
		for _, s := range strings.Split(strings.TrimSuffix(d.Text, "\n"), "\n") {
			if s == "" {
				continue
			}
			switch d.Type {
			case diffmatchpatch.DiffInsert:
				added = append(added, s)
			case diffmatchpatch.DiffDelete:
				removed = append(removed, s)
			}
		}
	}
	return added, removed
}
