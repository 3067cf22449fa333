package model

import (
	"fmt"
	"strings"
)

// ParseMethod reads a method filter as the command line, the API and the
// page give it: an ID or its Finnish or English name, any case
// ("workshop", "Työpaja", "työpaja"). The error lists the IDs; callers
// put the flag or parameter and the value in front of it.
func ParseMethod(s string) (string, error) {
	return parseCode(s, MethodIDs, MethodLabels)
}

// ParsePhase reads a phase filter like ParseMethod reads a method.
func ParsePhase(s string) (string, error) {
	return parseCode(s, PhaseIDs, PhaseLabels)
}

func parseCode(s string, ids []string, labels map[string]Label) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, id := range ids {
		l := labels[id]
		if k == id || k == strings.ToLower(l.FI) || k == strings.ToLower(l.EN) {
			return id, nil
		}
	}
	return "", fmt.Errorf("want one of %s", strings.Join(ids, ", "))
}
