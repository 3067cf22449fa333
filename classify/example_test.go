package classify_test

import (
	"fmt"

	"github.com/innokyla/innokyla/classify"
	"github.com/innokyla/innokyla/model"
)

func ExampleClassifier_Classify() {
	c := classify.New(classify.Default())
	m := &model.Model{Sections: []model.Section{{
		Page:    model.PagePath,
		Heading: "Oivalla ja ymmärrä",
		Text:    "Henkilöstökysely tehtiin ensin. Sen jälkeen asukkaille avattiin verkkokysely, ja kokemusasiantuntijat osallistuivat tulosten käsittelyyn.",
	}}}
	p := c.Classify(m)
	fmt.Println("described:", p.Described, "phases:", p.Phases)
	for _, mm := range p.Methods {
		e := mm.Evidence[0]
		fmt.Printf("%s %v %q [%d:%d]\n", mm.ID, mm.Phases, e.Text, e.Start, e.End)
	}
	// Output:
	// described: true phases: [ideation]
	// survey [ideation] "Sen jälkeen asukkaille avattiin verkkokysely, ja kokemusasiantuntijat osallistuivat tulosten käsittelyyn." [34:141]
	// experts_by_experience [ideation] "Sen jälkeen asukkaille avattiin verkkokysely, ja kokemusasiantuntijat osallistuivat tulosten käsittelyyn." [34:141]
}
