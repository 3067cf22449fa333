package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// LineError names the file and line of a bad input record.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadRecords decodes every non-blank line of r with DecodeRecord and
// calls fn with it. A bad line stops the reading with a *LineError naming
// file and the line; so does an error from fn, unwrapped.
func ReadRecords(r io.Reader, file string, fn func(line int, m *Model) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return &LineError{file, line, err}
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			m, perr := DecodeRecord(t)
			if perr != nil {
				return &LineError{file, line, perr}
			}
			if ferr := fn(line, m); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

var (
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	idRe    = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._-]*$`)
)

// DecodeRecord reads one record of the JSON contract (the fields of
// Model) and checks what the rest of innokyla relies on: an id (else one
// from the url), ISO dates, known section pages and phase IDs. Region is
// left as given; the caller normalises it.
func DecodeRecord(b []byte) (*Model, error) {
	m := new(Model)
	if err := json.Unmarshal(b, m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, err)
		}
		return nil, fmt.Errorf("not a model record: %v", err)
	}
	if m.ID == "" && m.URL != "" {
		m.ID = IDFromURL(m.URL)
	}
	switch {
	case m.ID == "":
		return nil, errors.New(`record has neither "id" nor "url"`)
	case !idRe.MatchString(m.ID):
		return nil, fmt.Errorf("id %q: want letters, digits, '.', '_' or '-'", m.ID)
	case m.Created != "" && !isoDate.MatchString(m.Created):
		return nil, fmt.Errorf("created %q: want an ISO date YYYY-MM-DD", m.Created)
	case m.Modified != "" && !isoDate.MatchString(m.Modified):
		return nil, fmt.Errorf("modified %q: want an ISO date YYYY-MM-DD", m.Modified)
	}
	for i, s := range m.Sections {
		if s.Page != PageMain && s.Page != PagePath {
			return nil, fmt.Errorf("sections[%d].page %q: want %q or %q", i, s.Page, PageMain, PagePath)
		}
	}
	if p := m.Participation; p != nil {
		for _, ph := range p.Phases {
			if !IsPhase(ph) {
				return nil, fmt.Errorf("participation.phases: unknown phase %q", ph)
			}
		}
		for _, me := range p.Methods {
			for _, ph := range me.Phases {
				if !IsPhase(ph) {
					return nil, fmt.Errorf("participation.methods[%s].phases: unknown phase %q", me.ID, ph)
				}
			}
		}
	}
	return m, nil
}

// IDFromURL is the id a model's URL gives it: the last path segment,
// without a query, a fragment, a trailing slash, index.html or the
// kehittämisen polku page ("…/toimintamalli/perhekeskus/kehittamisen-polku"
// gives "perhekeskus").
func IDFromURL(u string) string {
	u = strings.SplitN(strings.SplitN(u, "#", 2)[0], "?", 2)[0]
	u = strings.TrimRight(u, "/")
	u = strings.TrimSuffix(u, "/index.html")
	u = strings.TrimSuffix(u, "/kehittamisen-polku")
	if i := strings.LastIndexByte(u, '/'); i >= 0 {
		return u[i+1:]
	}
	return u
}
