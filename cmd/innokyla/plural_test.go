package main

import "testing"

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "model", "0 models"},
		{1, "model", "1 model"},
		{2, "file", "2 files"},
		{1, "entry|entries", "1 entry"},
		{3, "entry|entries", "3 entries"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if got := count(tc.n, tc.noun); got != tc.want {
				t.Errorf("count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
			}
		})
	}
}
