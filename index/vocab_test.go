package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// TestVocabTerms writes a vocabulary of Snowball stems and looks up the
// compounds of query words in it.
func TestVocabTerms(t *testing.T) {
	dir := t.TempDir()
	stems := []string{"asiakaskysel", "kysel", "kyselylomak", "raat", "raad", "asiakasraad", "nuorisoraad", "kuntosal", "sal", "työ"}
	keys := map[string]uint64{}
	for i, s := range stems {
		if k := vocabKey(s); k != "" {
			keys[k] = uint64(i) // stands for the fields
		}
	}
	if err := writeVocabKeys(dir, keys); err != nil {
		t.Fatal(err)
	}
	v, err := openVocab(dir)
	if err != nil || v == nil {
		t.Fatalf("openVocab: %v, %v", v, err)
	}
	for _, c := range []struct {
		word string // folded
		want []string
	}{
		{"kysel", []string{"asiakaskysel", "kysel"}},
		{"raas", []string{"asiakasraad", "nuorisoraad", "raad", "raat"}},
		{"lomak", []string{"kyselylomak"}},
		{"kyselylomak", []string{"kyselylomak"}},
		{"palaut", nil},
	} {
		t.Run(c.word, func(t *testing.T) {
			found, err := v.terms(reverse(c.word))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				got = append(got, f.term)
				if i := slices.Index(stems, f.term); f.fields != uint64(i) {
					t.Errorf("%s: fields %d, want %d", f.term, f.fields, i)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("terms(%q) = %q, want %q", reverse(c.word), got, c.want)
			}
		})
	}
	// Stems that fold to under four letters have no key: "sal" would end
	// every "kuntosal".
	if k := vocabKey("sal"); k != "" {
		t.Errorf("vocabKey(sal) = %q, want none", k)
	}
}

func TestVocabFiles(t *testing.T) {
	t.Run("missing", func(t *testing.T) {
		v, err := openVocab(t.TempDir())
		if v != nil || err != nil {
			t.Fatalf("openVocab of a missing file = %v, %v; want nil, nil", v, err)
		}
		if got, err := v.terms("lesyk"); got != nil || err != nil {
			t.Errorf("a nil vocab's terms = %v, %v", got, err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		dir := t.TempDir()
		if err := writeVocabKeys(dir, nil); err != nil {
			t.Fatal(err)
		}
		v, err := openVocab(dir)
		if err != nil || v == nil {
			t.Fatalf("openVocab: %v, %v", v, err)
		}
		if got, err := v.terms("lesyk"); len(got) != 0 || err != nil {
			t.Errorf("terms = %v, %v", got, err)
		}
	})
	t.Run("broken", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, vocabFileName), []byte("not an fst"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := openVocab(dir); err == nil || !strings.Contains(err.Error(), vocabFileName) {
			t.Errorf("openVocab of a broken file: %v, want an error naming %s", err, vocabFileName)
		}
	})
}

// compoundHits searches word on a read-only open of the index at path.
func compoundHits(t *testing.T, path, word string) string {
	t.Helper()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	res, err := r.Search(context.Background(), Request{Query: word, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return ids(res)
}

// TestSyncWritesVocab: every way a Sync changes the index leaves a
// vocabulary that finds the compounds of what it holds, and a reader does
// not search an index without one as if it had none.
func TestSyncWritesVocab(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index")
	sync := func(ms ...*model.Model) Stats {
		t.Helper()
		ix, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := ix.Sync(ctx, each(ms))
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		return st
	}
	a, b := testModel("a", "Asiakasraati"), testModel("b", "Asiakaskysely")
	sync(a) // built apart
	if got := compoundHits(t, path, "raati"); got != "a" {
		t.Fatalf("raati after the build: %q, want a", got)
	}
	sync(a, b) // through scorch
	if got := compoundHits(t, path, "kysely"); got != "b" {
		t.Fatalf("kysely after adding b: %q, want b", got)
	}

	// Without the file a reader refuses the index; a Sync that changes
	// nothing writes it again.
	if err := os.Remove(filepath.Join(path, vocabFileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrOutdated) || !strings.Contains(err.Error(), vocabFileName) {
		t.Fatalf("reader without a vocabulary: %v, want ErrOutdated naming %s", err, vocabFileName)
	}
	if st := sync(a, b); st.Unchanged != 2 {
		t.Fatalf("stats %+v, want 2 unchanged", st)
	}
	if got := compoundHits(t, path, "kysely"); got != "b" {
		t.Fatalf("kysely after the vocabulary was written again: %q, want b", got)
	}

	// A broken file: a reader says so, naming it; a writer's Sync replaces
	// it.
	if err := os.WriteFile(filepath.Join(path, vocabFileName), []byte("broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), vocabFileName) {
		t.Fatalf("reader with a broken vocabulary: %v, want an error naming %s", err, vocabFileName)
	}
	sync(a, b)
	if got := compoundHits(t, path, "kysely"); got != "b" {
		t.Fatalf("kysely after a broken vocabulary was replaced: %q, want b", got)
	}

	// A Sync that stopped after its batches and before its vocabulary (a
	// stale one here, marked incomplete) is finished by the next, even
	// when the models are unchanged.
	if err := writeVocabKeys(path, nil); err != nil {
		t.Fatal(err)
	}
	if err := markIncomplete(path, true); err != nil {
		t.Fatal(err)
	}
	if got := compoundHits(t, path, "kysely"); got != "" {
		t.Fatalf("kysely with an empty vocabulary: %q, want no hits (the test's premise)", got)
	}
	sync(a, b)
	if got := compoundHits(t, path, "kysely"); got != "b" {
		t.Fatalf("kysely after an interrupted Sync was finished: %q, want b", got)
	}
}
