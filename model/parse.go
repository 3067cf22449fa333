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

// Stages are the development stages (kehitysvaihe) Innokylä gives a
// model, as published.
var Stages = []string{"Kehitteillä", "Valmis", "Arvioitu"}

// ParseStage reads a stage filter: one of Stages in any case, or its
// English name (in development, ready, evaluated).
func ParseStage(s string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	en := map[string]string{"in development": "Kehitteillä", "ready": "Valmis", "evaluated": "Arvioitu"}
	if v, ok := en[k]; ok {
		return v, nil
	}
	for _, st := range Stages {
		if k == strings.ToLower(st) {
			return st, nil
		}
	}
	return "", fmt.Errorf("want one of %s", strings.Join(Stages, ", "))
}

// ParseYear reads a year filter: four digits from 1990 to 2099.
func ParseYear(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) == 4 && s >= "1990" && s <= "2099" && strings.Trim(s, "0123456789") == "" {
		return s, nil
	}
	return "", fmt.Errorf("want a year such as 2023 (1990 to 2099)")
}

// ParseEach reads every value of one filter with parse, in order. Its
// error puts the flag or parameter name and the value in front of parse's
// ("--method \"dance\": want one of ...").
func ParseEach(name string, values []string, parse func(string) (string, error)) ([]string, error) {
	var out []string
	for _, v := range values {
		id, err := parse(v)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", name, v, err)
		}
		out = append(out, id)
	}
	return out, nil
}
