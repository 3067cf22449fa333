package sitegen

import (
	"bytes"
	"testing"
)

func TestWriteGold(t *testing.T) {
	c := loadTestCorpus(t)
	c.Sources[0].Gold.Methods = []string{"event", "survey"} // codebook order is survey first
	c.Sources[0].Gold.Phases = []string{"planning", "ideation"}
	var b bytes.Buffer
	if err := WriteGold(&b, c); err != nil {
		t.Fatal(err)
	}
	want := `url,described,methods,phases
https://innokyla.example/fi/toimintamalli/asukasilta-tikkurila,true,survey;event,ideation;planning
https://innokyla.example/fi/toimintamalli/kotikaynnit-etana,true,survey,ideation
https://innokyla.example/fi/toimintamalli/ruokakassi,false,,
`
	if b.String() != want {
		t.Errorf("gold CSV:\n%s\nwant:\n%s", b.String(), want)
	}
}
