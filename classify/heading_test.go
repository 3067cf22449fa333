package classify

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// TestHeadingCache holds the heading cache to what it is for: the same
// phases and weight as the codebook gives uncached, from any number of
// workers at once; at most maxHeadings entries; and keys of their own, not
// parts of the records the headings were read from.
func TestHeadingCache(t *testing.T) {
	c := New(Default())
	record := strings.Repeat("x", 1000) + "Kehittämisen vaiheet" // a heading inside a larger string
	h := record[1000:]
	uncached := func(h string) headingInfo {
		def := c.lx.headings[headingKey(h)]
		return headingInfo{phases: c.phaseMask(def.Phases), weight: sectionWeights[def.Weight]}
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range maxHeadings/2 + 10 {
				g := "Otsikko " + strconv.Itoa(w) + "-" + strconv.Itoa(i)
				if got, want := c.heading(g), uncached(g); got != want {
					t.Errorf("heading(%q) = %+v, want %+v", g, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	n := 0
	c.headings.Range(func(_, _ any) bool { n++; return true })
	if n > maxHeadings || n < maxHeadings-4 || int(c.nHeading.Load()) != n {
		t.Errorf("%d headings cached (counted %d), want the cap %d", n, c.nHeading.Load(), maxHeadings)
	}
	c = New(Default())
	if got, want := c.heading(h), uncached(h); got != want || c.heading(h) != want {
		t.Errorf("heading(%q) = %+v, want %+v", h, got, want)
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(record)))
	c.headings.Range(func(k, _ any) bool {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(k.(string)))); base <= p && p < base+uintptr(len(record)) {
			t.Errorf("the cached heading %q keeps the record it came from alive", k)
		}
		return true
	})
}
