package crawler

import (
	"testing"
)

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
		want Sniffed
	}{
		{"main page", `<html><head><link rel="canonical" href="https://innokyla.fi/fi/toimintamalli/perhekeskus"></head>
			<body><h1>Perhekeskus</h1><h2>Perustiedot</h2><dl><dt>Toteutuspaikka</dt><dd>Kuopio</dd></dl></body></html>`,
			Sniffed{Canonical: "https://innokyla.fi/fi/toimintamalli/perhekeskus", Model: true}},
		{"href before rel", `<link href="/fi/toimintamalli/x/kehittamisen-polku" rel="canonical"><h2>Ideointi</h2>`,
			Sniffed{Canonical: "/fi/toimintamalli/x/kehittamisen-polku", Path: true}},
		{"listing", `<h1>Toimintamallit</h1><ul><li><a href="/fi/toimintamalli/a">A</a></li></ul>`, Sniffed{}},
		{"no canonical", `<h1>Malli</h1><h2>Perustiedot</h2><p>Toteutuspaikka</p><p>Oulu</p>`, Sniffed{Model: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sniff([]byte(tc.body))
			if err != nil || got != tc.want {
				t.Errorf("Sniff = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}
