package qda

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/innokyla/innokyla/internal/qdatest"
	"github.com/innokyla/innokyla/model"
)

// models are two model versions whose text before the evidence holds
// letters of two bytes (ä, ö), so byte and character offsets differ.
func models() []*model.Model {
	a := &model.Model{ID: "äitiysneuvola", Version: 2, URL: "https://innokyla.example/fi/toimintamalli/aitiysneuvola",
		Title: "Äitiysneuvolan ryhmät", Region: "Pirkanmaan hyvinvointialue", Project: "Tulevaisuuden sote-keskus",
		Funder: "STM\nEU", Created: "2022-05-01",
		Sections: []model.Section{
			{Page: model.PageMain, Heading: "Ratkaisun perusidea", Text: "Ryhmät äideille."},
			{Page: model.PagePath, Heading: "Kehittämistyön vaiheet", Text: "Äidit kertoivat kyselyssä toiveensa. Työpajassa perheet suunnittelivat ryhmän."},
		}}
	sec := a.Sections[1].Text
	i := strings.Index(sec, "Äidit kertoivat")
	j := strings.Index(sec, "Työpajassa")
	a.Participation = &model.Participation{Codebook: "innokyla-codebook-2.0 (embedded, 6123d853)", Described: true,
		Phases: []string{model.Ideation},
		Methods: []model.Method{{ID: "survey", Phases: []string{model.Ideation}, Confidence: "high",
			Evidence: []model.Evidence{{Page: model.PagePath, Section: "Kehittämistyön vaiheet", Text: sec[i : j-1], Start: i, End: j - 1, Phases: []string{model.Ideation}}}}}}
	b := &model.Model{ID: "kotihoito", Version: 1, URL: "https://innokyla.example/fi/toimintamalli/kotihoito", Title: "Kotihoito",
		Sections: []model.Section{{Page: model.PageMain, Heading: "Kuvaus", Text: "Ei asiakkaita."}}}
	b.Participation = &model.Participation{Coder: "Ella", Methods: []model.Method{}, Phases: []string{}}
	return []*model.Model{a, b}
}

func export(t *testing.T, ms []*model.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, "testi", time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC))
	for _, m := range ms {
		if err := w.Add(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Skipped != 0 {
		t.Fatalf("%d passages skipped", w.Skipped)
	}
	return buf.Bytes()
}

func lookupOf(ms []*model.Model) Lookup {
	return func(g string) (*model.Model, error) {
		for _, m := range ms {
			if SourceGUID(m.ID, m.Version) == g {
				return m, nil
			}
		}
		return nil, nil
	}
}

func TestExportValidatesAndCountsCharacters(t *testing.T) {
	ms := models()
	qdpx := export(t, ms)
	qdatest.ValidateQDPX(t, qdpx)
	qde := string(qdatest.File(t, qdpx, "project.qde"))
	for _, want := range []string{`xmlns="urn:QDA-XML:project:1.0"`, `<User guid="`, `name="Ella"`, `name="innokyla innokyla-codebook-2.0 (embedded, 6123d853)"`,
		`name="Kysely (Survey)"`, `name="Ideointi (Ideation)"`, `<Set guid="`, `name="Pirkanmaan hyvinvointialue"`, `<IntegerValue>2022</IntegerValue>`,
		`plainTextPath="internal://` + SourceGUID("äitiysneuvola", 2) + `.txt"`} {
		if !strings.Contains(qde, want) {
			t.Errorf("project.qde lacks %s", want)
		}
	}
	text := []rune(string(qdatest.File(t, qdpx, "sources/"+SourceGUID("äitiysneuvola", 2)+".txt")))
	var start, end int
	if _, err := fmt.Sscanf(qde[strings.Index(qde, "startPosition="):], `startPosition="%d" endPosition="%d"`, &start, &end); err != nil {
		t.Fatal(err)
	}
	if got := string(text[start:end]); got != ms[0].Participation.Methods[0].Evidence[0].Text {
		t.Fatalf("characters %d-%d are %q", start, end, got)
	}
}

func TestRoundTrip(t *testing.T) {
	ms := models()
	qdpx := export(t, ms)
	got, warn, err := Read(bytes.NewReader(qdpx), int64(len(qdpx)), "p.qdpx", lookupOf(ms))
	if err != nil || len(warn) != 0 || len(got) != 2 {
		t.Fatalf("%v %v %d", err, warn, len(got))
	}
	e := got[0].P.Methods[0].Evidence[0]
	if want := ms[0].Participation.Methods[0].Evidence[0]; got[0].ID != "äitiysneuvola" || e.Start != want.Start || e.End != want.End || e.Section != want.Section || e.Text != want.Text {
		t.Fatalf("read back %+v", got[0].P.Methods)
	}
	if got[1].P.Described || len(got[1].P.Methods) != 0 {
		t.Fatalf("an uncoded source read as %+v", got[1].P)
	}
	// A person in a QDA tool codes "Työpajassa ... ryhmän." in the second
	// model's source... of the first model, with the tool's own code named
	// "Työpaja" and planning, and removes the survey coding.
	qde := string(qdatest.File(t, qdpx, "project.qde"))
	text := []rune(Text(ms[0]).Text)
	from := strings.Index(string(text), "Työpajassa")
	start := len([]rune(string(text)[:from]))
	end := start + len([]rune("Työpajassa perheet suunnittelivat ryhmän."))
	sel := fmt.Sprintf(`<PlainTextSelection guid="11111111-2222-3333-4444-555555555555" startPosition="%d" endPosition="%d">`+
		`<Coding guid="11111111-2222-3333-4444-666666666666"><CodeRef targetGUID="aaaaaaaa-2222-3333-4444-555555555555"/></Coding>`+
		`<Coding guid="11111111-2222-3333-4444-777777777777"><CodeRef targetGUID="%s"/></Coding></PlainTextSelection>`, start, end, codeGUID("phase", model.Planning))
	i := strings.Index(qde, "<PlainTextSelection")
	j := strings.Index(qde, "</PlainTextSelection>") + len("</PlainTextSelection>")
	qde = qde[:i] + sel + qde[j:]
	qde = strings.Replace(qde, "</CodeBook>", "</CodeBook>", 1)
	qde = strings.Replace(qde, "<Codes>", `<Codes><Code guid="aaaaaaaa-2222-3333-4444-555555555555" name="Työpaja" isCodable="true"/>`, 1)
	edited := qdatest.Rezip(t, qdpx, qde)
	qdatest.ValidateQDPX(t, edited)
	got, warn, err = Read(bytes.NewReader(edited), int64(len(edited)), "p.qdpx", lookupOf(ms))
	if err != nil || len(warn) != 0 {
		t.Fatal(err, warn)
	}
	p := got[0].P
	if len(p.Methods) != 1 || p.Methods[0].ID != "workshop" || strings.Join(p.Phases, ",") != "planning" ||
		p.Methods[0].Evidence[0].Text != "Työpajassa perheet suunnittelivat ryhmän." || p.Methods[0].Evidence[0].Section != "Kehittämistyön vaiheet" {
		t.Fatalf("the change is not there: %+v", p)
	}
}

func TestReadRefusesBadProjects(t *testing.T) {
	ms := models()
	qdpx := export(t, ms)
	qde := string(qdatest.File(t, qdpx, "project.qde"))
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("hello"), "not a .qdpx (zip) file"},
		{"wrong namespace", qdatest.Rezip(t, qdpx, strings.Replace(qde, Namespace, "urn:other", 1)), "not a REFI-QDA project"},
		{"position out of range", qdatest.Rezip(t, qdpx, strings.Replace(qde, `endPosition="`, `endPosition="9`, 1)), "outside its"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Read(bytes.NewReader(tc.data), int64(len(tc.data)), "p.qdpx", lookupOf(ms))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
	// A source whose model has changed since the export is skipped and named.
	changed := models()
	changed[1].Version = 2
	_, warn, err := Read(bytes.NewReader(qdpx), int64(len(qdpx)), "p.qdpx", lookupOf(changed))
	if err != nil || len(warn) != 1 || !strings.Contains(warn[0], "no current model version") {
		t.Fatalf("%v %v", err, warn)
	}
}
