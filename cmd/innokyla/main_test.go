package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command line in-process with a fresh data directory unless
// args set --data themselves.
type cli struct {
	t    *testing.T
	data string
}

func newCLI(t *testing.T) *cli {
	return &cli{t: t, data: filepath.Join(t.TempDir(), "data")}
}

func (c *cli) run(args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errw bytes.Buffer
	full := append([]string{"--data", c.data}, args...)
	code = Main(context.Background(), full, strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUsageErrors(t *testing.T) {
	c := newCLI(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"exprt"}, `did you mean "export"`},
		{[]string{"export", "--nope"}, "unknown flag: --nope"},
		{[]string{"export", "--format", "xml"}, `--format "xml"`},
		{[]string{"import"}, "requires at least 1 arg"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, stderr := c.run(tc.args...)
			if code != exitUsage {
				t.Errorf("%v: exit %d, want %d", tc.args, code, exitUsage)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("%v: stderr %q lacks %q", tc.args, stderr, tc.want)
			}
			if n := strings.Count(stderr, "innokyla: "); n != 1 {
				t.Errorf("%v: error printed %d times: %q", tc.args, n, stderr)
			}
		})
	}
	if _, err := os.Stat(c.data); !os.IsNotExist(err) {
		t.Errorf("usage errors must not touch the data directory: %v", err)
	}
}

func TestDataDirErrors(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, filepath.Join(dir, "plain-file"), "x")
	c := &cli{t: t, data: file}
	code, _, stderr := c.run("export")
	if code != exitError || !strings.Contains(stderr, "plain-file is not a directory") || !strings.Contains(stderr, "Try: --data") {
		t.Errorf("data dir is a file: exit %d, stderr %q", code, stderr)
	}
	if os.Getuid() != 0 { // root can write anywhere
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		c = &cli{t: t, data: ro}
		code, _, stderr = c.run("import", writeFile(t, filepath.Join(dir, "m.jsonl"), `{"id":"a"}`+"\n"))
		if code != exitError || !strings.Contains(stderr, "Try: --data DIR with a directory you can write") {
			t.Errorf("read-only data dir: exit %d, stderr %q", code, stderr)
		}
	}
}
