package agreement

// CohenKappa is Cohen's kappa of two coders' yes/no values on the same
// units. ok is false when it is undefined: no units, or both coders gave
// one value throughout (chance agreement is 1).
func CohenKappa(a, b []bool) (kappa float64, ok bool) {
	n := float64(len(a))
	if n == 0 || len(a) != len(b) {
		return 0, false
	}
	var yy, ya, yb float64
	for i := range a {
		if a[i] && b[i] {
			yy++
		}
		if a[i] {
			ya++
		}
		if b[i] {
			yb++
		}
	}
	nn := n - ya - yb + yy // both no
	po := (yy + nn) / n
	pe := ya/n*yb/n + (n-ya)/n*(n-yb)/n
	if pe >= 1 {
		return 0, false
	}
	return (po - pe) / (1 - pe), true
}

// KrippendorffAlpha is Krippendorff's alpha for nominal yes/no values:
// units[i] holds the values the coders who coded unit i gave it. Units
// with fewer than two values do not count. ok is false when it is
// undefined: fewer than two pairable values, or one value throughout.
func KrippendorffAlpha(units [][]bool) (alpha float64, ok bool) {
	// Coincidences: o[c][k] sums, over units, the ordered pairs of values
	// (c, k) from different coders, each unit weighted 1/(m-1).
	var o [2][2]float64
	for _, u := range units {
		m := float64(len(u))
		if m < 2 {
			continue
		}
		var cnt [2]float64
		for _, v := range u {
			cnt[b2i(v)]++
		}
		for c := 0; c < 2; c++ {
			for k := 0; k < 2; k++ {
				pairs := cnt[c] * cnt[k]
				if c == k {
					pairs = cnt[c] * (cnt[c] - 1)
				}
				o[c][k] += pairs / (m - 1)
			}
		}
	}
	n0, n1 := o[0][0]+o[0][1], o[1][0]+o[1][1]
	n := n0 + n1
	if n < 2 || n0 == 0 || n1 == 0 {
		return 0, false
	}
	// alpha = 1 - Do/De with Do = o01+o10 over n, De = 2 n0 n1 over n(n-1).
	return 1 - (n-1)*(o[0][1]+o[1][0])/(2*n0*n1), true
}

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}
