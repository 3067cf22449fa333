package main

import (
	"fmt"
	"strings"
)

// count is n with the noun in the number it takes: "1 model", "2 models",
// "1 group", "0 files". A noun whose plural is not noun+"s" is given as
// "singular|plural" ("1 entry|entries").
func count[N ~int | ~int64 | ~uint64](n N, noun string) string {
	one, many, ok := strings.Cut(noun, "|")
	if !ok {
		many = one + "s"
	}
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
