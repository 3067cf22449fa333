package main

import (
	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/internal/safe"
	"github.com/innokyla/innokyla/model"
	"github.com/innokyla/innokyla/store"
)

// writeDecisions prints what people decided on the machine's code.
func writeDecisions(ew *lineWriter, rs []model.Review, code string) {
	for _, r := range rs {
		if r.Code != code || r.Decision == model.Add {
			continue
		}
		word := "hyväksytty (accepted)"
		if r.Decision == model.Reject {
			word = "hylätty (rejected)"
		}
		writeDecision(ew, word, r)
	}
}

func writeDecision(ew *lineWriter, word string, r model.Review) {
	ew.printf("  tarkistus (review): %s, %s, %s\n", word, safe.Line(r.Coder), r.At.UTC().Format("2006-01-02 15:04 UTC"))
	if r.Memo != "" {
		ew.printf("    muistio (memo): %s\n", safe.Line(r.Memo))
	}
}

// writeReviewState prints the codes people added, whose review is
// complete, and what changed since an earlier version was reviewed.
func writeReviewState(ew *lineWriter, cb *classify.Codebook, st *store.ReviewState) {
	var added []model.Review
	for _, r := range st.Reviews {
		if r.Decision == model.Add && r.Method != nil {
			added = append(added, r)
		}
	}
	if len(added) > 0 {
		ew.printf("\nHenkilön lisäämät koodit (codes a person added)\n")
		for _, r := range added {
			l := cb.MethodLabel(r.Method.ID)
			ew.printf("\n%s (%s) [%s]\n  vaiheet (phases): %s\n", l.FI, l.EN, r.Method.ID, phaseList(cb, r.Method.Phases))
			for _, e := range r.Method.Evidence {
				writeEvidence(ew, cb, e)
			}
			writeDecision(ew, "lisätty (added)", r)
		}
	}
	for _, r := range st.Reviews {
		if r.Code == model.NoCodes {
			writeDecision(ew, "ei koodeja hyväksytty (no codes, accepted)", r)
		}
	}
	ew.printf("\n")
	done := false
	for _, hc := range st.Codings {
		if hc.Complete {
			done = true
			ew.printf("Tarkistettu koodaus (reviewed coding): %s (%s)\n", safe.Line(hc.Coder), hc.Source)
		}
	}
	if !done {
		ew.printf("Tarkistettu koodaus (reviewed coding): ei vielä (not yet)\n")
	}
	if c := st.Changed; c != nil {
		ew.printf("Muuttunut tarkistuksen jälkeen (changed since review): version %d was reviewed\n", c.ReviewedVersion)
		for _, sc := range c.Sections {
			ew.printf("  - %s / %s: %s\n", sc.Page, safe.Line(sc.Heading), sc.Change)
		}
	}
}
