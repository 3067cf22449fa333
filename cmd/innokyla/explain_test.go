package main

import (
	"context"
	"strings"
	"testing"
)

func TestExplainFlags(t *testing.T) {
	var got *ExplainOptions
	cmd := NewCmdExplain(&Factory{}, func(_ context.Context, o *ExplainOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--fresh", "some-id"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Ref != "some-id" || !got.Fresh {
		t.Errorf("%+v", got)
	}
}

func TestExplainShowsEvidence(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	if code, _, stderr := c.run("classify"); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := c.run("explain", "https://innokyla.example/fi/toimintamalli/kotihoidon-iltakaynnit")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Kotihoidon iltakäynnit", "stored coding",
		"Asiakkaiden osallistuminen kuvattu (involvement described): kyllä (yes)",
		"Kysely (Survey) [survey]", "Asiakaspalaute (Client feedback) [feedback]",
		`"Kotihoidon asiakkaille tehtiin kysely iltakäyntien tarpeesta."`,
		"osio (section): Oivalla ja ymmärrä; sivu (page): kehittämisen polku (development path); tavut (bytes) 0-",
		"vaiheet (phases): Kokeilu ja arviointi (Piloting and evaluation)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
}

func TestExplainUncodedAndMissing(t *testing.T) {
	c := newCLI(t)
	seedStore(t, c.data, testModels())
	code, out, _ := c.run("explain", "kirjaamisen-malli")
	if code != 0 || !strings.Contains(out, "coded now, not stored") || !strings.Contains(out, "kuvattu (involvement described): ei (no)") ||
		!strings.Contains(out, "No sentence in the model states") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, _, stderr := c.run("explain", "ei-tallennettu")
	if code != exitError || !strings.Contains(stderr, "model not found") {
		t.Errorf("missing model: exit %d, %s", code, stderr)
	}
	if code, _, _ := c.run("explain"); code != exitUsage {
		t.Errorf("no argument: exit %d", code)
	}
}
