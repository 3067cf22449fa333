package index

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
)

const internalFacets = "meta/facets"

// facetDict gives every facet value ("field=value") a short code, so the
// combined facet field's doc values stay small: bleve decodes a compressed
// chunk of doc values for every hit it counts, and short codes make those
// chunks a fraction of the size. The list of values is kept in the index as
// an internal key; a value's code is its position in base 36.
type facetDict struct {
	mu     sync.RWMutex
	values []string       // code number -> "field=value"
	codes  map[string]int // "field=value" -> code number
	dirty  bool
}

func loadFacetDict(get func([]byte) ([]byte, error)) (*facetDict, error) {
	d := &facetDict{codes: map[string]int{}}
	b, err := get([]byte(internalFacets))
	if err != nil {
		return nil, fmt.Errorf("read facet values: %w", err)
	}
	if len(b) > 0 {
		if err := json.Unmarshal(b, &d.values); err != nil {
			return nil, fmt.Errorf("read facet values: %w", err)
		}
	}
	for i, v := range d.values {
		d.codes[v] = i
	}
	return d, nil
}

// code returns the code of field=value, adding it when it is new.
func (d *facetDict) code(field, value string) string {
	key := field + "=" + value
	d.mu.Lock()
	defer d.mu.Unlock()
	i, ok := d.codes[key]
	if !ok {
		i = len(d.values)
		d.values = append(d.values, key)
		d.codes[key] = i
		d.dirty = true
	}
	return strconv.FormatInt(int64(i), 36)
}

// find returns the code number of field=value, if it has one.
func (d *facetDict) find(field, value string) (int, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	i, ok := d.codes[field+"="+value]
	return i, ok
}

// lookup returns the field=value of a code.
func (d *facetDict) lookup(code string) (string, bool) {
	i, err := strconv.ParseInt(code, 36, 64)
	if err != nil {
		return "", false
	}
	return d.value(int(i))
}

// value returns the field=value of code number i.
func (d *facetDict) value(i int) (string, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if i < 0 || i >= len(d.values) {
		return "", false
	}
	return d.values[i], true
}

// pending returns the encoded list when codes were added since the last
// call, for the next batch to store.
func (d *facetDict) pending() ([]byte, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.dirty {
		return nil, false
	}
	d.dirty = false
	b, _ := json.Marshal(d.values) // a list of strings
	return b, true
}
