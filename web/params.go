package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// parseSearch reads and bounds the query parameters of /api/search.
func parseSearch(v url.Values) (index.Request, int, int, error) {
	req := index.Request{Query: strings.TrimSpace(v.Get("q"))}
	if n := utf8.RuneCountInString(req.Query); n > index.MaxQueryLen {
		return req, 0, 0, fmt.Errorf("q is %d characters; at most %d are allowed", n, index.MaxQueryLen)
	}
	page, err := intParam(v.Get("page"), 1, 1, index.MaxOffset/DefaultPageSize)
	if err != nil {
		return req, 0, 0, fmt.Errorf("page: %w", err)
	}
	size, err := intParam(v.Get("size"), DefaultPageSize, 1, MaxPageSize)
	if err != nil {
		return req, 0, 0, fmt.Errorf("size: %w", err)
	}
	req.Limit, req.Offset = size, (page-1)*size
	if req.Offset > index.MaxOffset {
		return req, 0, 0, fmt.Errorf("page %d is past the last page that can be shown", page)
	}
	if req.Regions, err = region.Parse(v["region"]...); err != nil {
		return req, 0, 0, fmt.Errorf("region: %w", err)
	}
	for _, raw := range v["method"] {
		id, err := model.ParseMethod(raw)
		if err != nil {
			return req, 0, 0, fmt.Errorf("method %q: %w", raw, err)
		}
		req.Methods = append(req.Methods, id)
	}
	for _, raw := range v["phase"] {
		id, err := model.ParsePhase(raw)
		if err != nil {
			return req, 0, 0, fmt.Errorf("phase %q: %w", raw, err)
		}
		req.Phases = append(req.Phases, id)
	}
	for _, raw := range v["stage"] {
		st, err := model.ParseStage(raw)
		if err != nil {
			return req, 0, 0, fmt.Errorf("stage %q: %w", raw, err)
		}
		req.Stages = append(req.Stages, st)
	}
	for _, raw := range v["year"] {
		y, err := model.ParseYear(raw)
		if err != nil {
			return req, 0, 0, fmt.Errorf("year %q: %w", raw, err)
		}
		req.Years = append(req.Years, y)
	}
	if d := v.Get("described"); d != "" {
		b, err := strconv.ParseBool(d)
		if err != nil {
			return req, 0, 0, fmt.Errorf("described %q: want true or false", d)
		}
		req.Described = &b
	}
	return req, page, size, nil
}

func intParam(s string, def, min, max int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, fmt.Errorf("%q: want a whole number from %d to %d", s, min, max)
	}
	return n, nil
}
