package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/innokyla/innokyla/model"
)

// auditOf audits region vk over the given models plus a national
// background of ms' copies in Pirkanmaa.
func auditOf(t *testing.T, ms []*model.Model) *AuditResult {
	t.Helper()
	a, err := NewAudit([]string{vk}, GroupByProject)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		a.Add(m)
	}
	return a.Result()
}

func TestRecommendations(t *testing.T) {
	all := func(id string) model.Method {
		return meth(id, ev("Arviointi", "x", model.PhaseIDs...))
	}
	cases := []struct {
		name      string
		models    []*model.Model
		want, not []string
	}{
		{
			name: "surveys and feedback only, two phases",
			models: []*model.Model{
				codedModel("a", "A", vk, "P", "2022-01-01", true, meth("survey", ev("Oivalla", "x", model.Ideation))),
				codedModel("b", "B", vk, "P", "2022-01-01", true, meth("feedback", ev("Arviointi", "x", model.PilotingEvaluation))),
				codedModel("c", "C", vk, "P", "2022-01-01", true, meth("survey", ev("Oivalla", "x", model.Ideation))),
			},
			want: []string{"do clients take part in Planning, Development.", "Surveys and client feedback make up 100.0 %",
				"No model of the region mentions experts by experience"},
			not: []string{"do not describe client participation", "state no phase"},
		},
		{
			name: "one missing phase, phases unstated",
			models: []*model.Model{
				codedModel("a", "A", vk, "P", "2022-01-01", true, meth("workshop", ev("Kuvittele", "x", model.Ideation, model.Planning, model.Development))),
				codedModel("b", "B", vk, "P", "2022-01-01", true, meth("experts_by_experience", ev("x", "x"))),
				codedModel("c", "C", vk, "P", "2022-01-01", false),
			},
			want: []string{"1 of 3 models (33.3 %) do not describe", "do clients take part in Piloting and evaluation. Plan how to involve clients in this phase too.",
				"1 of 2 method uses state no phase"},
			not: []string{"Surveys and client feedback", "No model of the region mentions experts"},
		},
		{
			name: "varied and complete",
			models: []*model.Model{
				codedModel("a", "A", vk, "P", "2022-01-01", true, all("workshop"), all("experts_by_experience")),
				codedModel("b", "B", vk, "P", "2022-01-01", true, all("client_council"), all("survey")),
			},
			want: []string{"The numbers call for no particular action"},
		},
		{
			name: "weak phase against the corpus",
			models: append([]*model.Model{
				codedModel("a", "A", vk, "P", "2022-01-01", true, all("workshop"), all("experts_by_experience")),
				codedModel("b", "B", vk, "P", "2022-01-01", true, meth("client_council", ev("x", "x", model.Ideation, model.Planning, model.Development))),
				codedModel("c", "C", vk, "P", "2022-01-01", true, meth("client_council", ev("x", "x", model.Ideation, model.Planning, model.Development))),
				codedModel("d", "D", vk, "P", "2022-01-01", true, meth("client_council", ev("x", "x", model.Ideation, model.Planning, model.Development))),
			}, nationalPiloting(20)...),
			want: []string{"Clients seldom take part in Piloting and evaluation (25.0 % of described models, 87.5 % in the whole corpus)"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs := strings.Join(Recommendations(auditOf(t, c.models), LangEN), "\n")
			for _, w := range c.want {
				if !strings.Contains(recs, w) {
					t.Errorf("lacks %q:\n%s", w, recs)
				}
			}
			for _, n := range c.not {
				if strings.Contains(recs, n) {
					t.Errorf("has %q:\n%s", n, recs)
				}
			}
		})
	}
}

// nationalPiloting is n models elsewhere, all with clients in piloting.
func nationalPiloting(n int) []*model.Model {
	var ms []*model.Model
	for i := 0; i < n; i++ {
		ms = append(ms, codedModel(fmt.Sprintf("n%d", i), "N", pir, "Q", "2022-01-01", true,
			meth("feedback", ev("Arviointi", "x", model.PilotingEvaluation))))
	}
	return ms
}

func TestEscapes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"rivi\nrivi\r\nrivi", "rivi<br>rivi<br>rivi"},
		{"<script>alert('x')</script>", "&lt;script&gt;alert('x')&lt;/script&gt;"},
		{"**lihava** _kursiivi_ [linkki](x) `koodi` # otsikko", `\*\*lihava\*\* \_kursiivi\_ \[linkki\](x) \` + "`koodi\\`" + ` \# otsikko`},
		{`C:\polku & muu`, `C:\\polku &amp; muu`},
	}
	for _, c := range cases {
		if got := md(c.in); got != c.want {
			t.Errorf("md(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	links := []struct{ text, url, want string }{
		{"Malli", "https://innokyla.example/fi/toimintamalli/a", "[Malli](https://innokyla.example/fi/toimintamalli/a)"},
		{"Sulut", "https://x.example/a_(b) c", "[Sulut](https://x.example/a_%28b%29%20c)"},
		{"Paha", "javascript:alert(1)", "Paha (javascript:alert(1))"},
		{"Ei osoitetta", "", "Ei osoitetta"},
	}
	for _, c := range links {
		if got := mdLink(c.text, c.url); got != c.want {
			t.Errorf("mdLink(%q, %q) = %q, want %q", c.text, c.url, got, c.want)
		}
	}
}
