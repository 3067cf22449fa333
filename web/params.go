package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/innokyla/innokyla/index"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/region"
)

// parseSearch reads and bounds the query parameters of /api/search. Each
// filter is read by the parser the command line uses; a value it cannot
// have is a 400 naming the allowed values.
func parseSearch(v url.Values) (index.Request, int, int, *apiError) {
	req := index.Request{Query: strings.TrimSpace(v.Get("q"))}
	if n := utf8.RuneCountInString(req.Query); n > index.MaxQueryLen {
		return req, 0, 0, &apiError{http.StatusBadRequest,
			fmt.Sprintf("q is %d characters; at most %d are allowed", n, index.MaxQueryLen),
			fmt.Sprintf("Haku on %d merkkiä pitkä; enintään %d merkkiä käy.", n, index.MaxQueryLen)}
	}
	page, err := intParam(v.Get("page"), 1, 1, index.MaxOffset/DefaultPageSize)
	if err != nil {
		return req, 0, 0, badParam("page", v.Get("page"), err)
	}
	size, err := intParam(v.Get("size"), DefaultPageSize, 1, MaxPageSize)
	if err != nil {
		return req, 0, 0, badParam("size", v.Get("size"), err)
	}
	req.Limit, req.Offset = size, (page-1)*size
	if req.Offset > index.MaxOffset {
		return req, 0, 0, &apiError{http.StatusBadRequest,
			fmt.Sprintf("page %d is past the last page that can be shown", page),
			fmt.Sprintf("Sivu %d on viimeisen näytettävän sivun jälkeen.", page)}
	}
	for _, raw := range v["region"] {
		names, err := region.Parse(raw)
		if err != nil {
			return req, 0, 0, badParam("region", raw, err)
		}
		req.Regions = appendNew(req.Regions, names...)
	}
	for _, f := range []struct {
		name  string
		parse func(string) (string, error)
		dst   *[]string
	}{
		{"method", model.ParseMethod, &req.Methods},
		{"phase", model.ParsePhase, &req.Phases},
		{"stage", model.ParseStage, &req.Stages},
		{"year", model.ParseYear, &req.Years},
	} {
		for _, raw := range v[f.name] {
			val, err := f.parse(raw)
			if err != nil {
				return req, 0, 0, badParam(f.name, raw, err)
			}
			*f.dst = append(*f.dst, val)
		}
	}
	if d := v.Get("described"); d != "" {
		b, err := strconv.ParseBool(d)
		if err != nil {
			return req, 0, 0, badParam("described", d, fmt.Errorf("want true or false"))
		}
		req.Described = &b
	}
	return req, page, size, nil
}

// appendNew appends the values of vs not in list yet.
func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

func intParam(s string, def, min, max int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, fmt.Errorf("want a whole number from %d to %d", min, max)
	}
	return n, nil
}
