package index

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
)

// vocabFileName is the index's compound vocabulary: every term of the
// text fields whose folded stem has at least minSuffixRunes letters,
// under that stem reversed, so the compounds that end in a query word are
// one range of keys. A key is the reversed folded stem, a zero byte and
// the term: "lesyksakaisa\x00asiakaskysel" (asiakaskyselyn); its value
// says which text fields hold the term (fieldBit), so a query asks each
// field only for the compounds it has. It is a
// vellum FST (bleve's own term-dictionary format), written whole by a
// writer at the end of a Sync from the term dictionaries of the index's
// segments, and read by every Open.
const vocabFileName = "innokyla-vocab.fst"

// vocab looks up the compounds of the index. A nil *vocab knows none.
type vocab struct{ fst *vellum.FST }

// openVocab reads the vocabulary of the index at dir into memory (a few
// megabytes for a large real corpus, so a search never reads a mapping
// that Close or a Sync took away); it is nil, without an error, when the
// file is missing.
func openVocab(dir string) (*vocab, error) {
	b, err := os.ReadFile(filepath.Join(dir, vocabFileName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", vocabFileName, err)
	}
	f, err := vellum.Load(b)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", vocabFileName, err)
	}
	return &vocab{fst: f}, nil
}

// compound is a term of the vocabulary and the text fields that hold it.
type compound struct {
	term   string
	fields uint64 // fieldBit of each
}

// fieldBit is the bit of a text field in a compound's fields.
func fieldBit(field string) uint64 {
	for i, f := range textFields {
		if f == field {
			return 1 << i
		}
	}
	return 0
}

// terms returns the text-field terms whose reversed folded stem starts
// with rev: the compounds that end in the word rev was made of, and its
// other forms.
func (v *vocab) terms(rev string) ([]compound, error) {
	if v == nil || rev == "" {
		return nil, nil
	}
	start := []byte(rev)
	it, err := v.fst.Iterator(start, prefixEnd(start))
	var out []compound
	for err == nil {
		k, fields := it.Current()
		if i := bytes.IndexByte(k, 0); i >= 0 {
			out = append(out, compound{string(k[i+1:]), fields})
		}
		err = it.Next()
	}
	if !errors.Is(err, vellum.ErrIteratorDone) {
		return nil, fmt.Errorf("read %s: %w", vocabFileName, err)
	}
	return out, nil
}

// tailOf is a text-field term folded and reversed, the part of its key a
// word's compounds share, or "" when the folded term is too short to end
// a compound.
func tailOf(term string) string {
	f := fold(term)
	if utf8.RuneCountInString(f) < minSuffixRunes {
		return ""
	}
	return reverse(f)
}

// prefixEnd is the first key after every key that starts with p (nil:
// no end).
func prefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// vocabKey is the key of a term, or "" when it has no tail (tailOf).
func vocabKey(term string) string {
	t := tailOf(term)
	if t == "" {
		return ""
	}
	return t + "\x00" + term
}

// writeVocab writes the vocabulary of the segments of snap into dir, in
// place of the one there. Terms of removed models may stay in it until
// the next Sync that changes their segments: they cost a lookup, and find
// nothing.
func writeVocab(dir string, snap *scorch.IndexSnapshot) error {
	fields := map[string]uint64{} // by term
	for _, ss := range snap.Segments() {
		for _, field := range textFields {
			bit := fieldBit(field)
			d, err := ss.Segment().Dictionary(field)
			if err != nil {
				return fmt.Errorf("write %s: %w", vocabFileName, err)
			}
			if d == nil {
				continue
			}
			it := dictTerms(d)
			for {
				e, err := it.Next()
				if err != nil {
					return fmt.Errorf("write %s: %w", vocabFileName, err)
				}
				if e == nil {
					break
				}
				fields[e.Term] |= bit
			}
		}
	}
	keys := map[string]uint64{}
	for term, f := range fields {
		if k := vocabKey(term); k != "" {
			keys[k] = f
		}
	}
	return writeVocabKeys(dir, keys)
}

// dictTerms iterates the terms of d without reading their postings where
// the segment format allows it.
func dictTerms(d segment.TermDictionary) segment.DictionaryIterator {
	type omitCount interface {
		AutomatonIteratorOmitCount(a segment.Automaton, start, end []byte) segment.DictionaryIterator
	}
	if oc, ok := d.(omitCount); ok {
		return oc.AutomatonIteratorOmitCount(nil, nil, nil)
	}
	return d.AutomatonIterator(nil, nil, nil)
}

// writeVocabKeys writes keys, with their fields, as the vocabulary file
// of dir: into a temporary file, synced, then renamed over the old one.
func writeVocabKeys(dir string, keys map[string]uint64) error {
	path := filepath.Join(dir, vocabFileName)
	tmp := path + ".tmp"
	err := func() error {
		f, err := os.Create(tmp)
		if err != nil {
			return err
		}
		defer f.Close()
		b, err := vellum.New(f, nil)
		if err != nil {
			return err
		}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			if err := b.Insert([]byte(k), keys[k]); err != nil {
				return err
			}
		}
		if err := b.Close(); err != nil {
			return err
		}
		if err := f.Sync(); err != nil {
			return err
		}
		return f.Close()
	}()
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", vocabFileName, err)
	}
	return nil
}
