package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/shlex"
	"github.com/spf13/cobra"
)

// TestHelpExamplesRun runs every example of every command's --help, in
// order per command, on a data directory made from the bundled snapshot
// (innokyla run --site testdata/site), in a directory where testdata/ and
// classify/ are the project's. An example that cannot run there is a
// defect: someone copies it first.
func TestHelpExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every help example on the snapshot")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	for _, d := range []string{"testdata", "classify"} {
		if err := os.Symlink(filepath.Join(root, d), filepath.Join(work, d)); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(work)
	base := filepath.Join(t.TempDir(), "base")
	if code, _, e := runMain(context.Background(), "--data", base, "--quiet", "run", "--site", "testdata/site", "--out", filepath.Join(t.TempDir(), "out")); code != 0 {
		t.Fatalf("run on the snapshot: exit %d\n%s", code, e)
	}
	cmds := []*cobra.Command{NewCmdRoot(&Factory{})}
	for i := 0; i < len(cmds); i++ {
		cmds = append(cmds, cmds[i].Commands()...)
	}
	// What a command's examples need first, as a user would have done it.
	setup := map[string][][]string{
		"agree": {
			{"review", "lastensuojelun-perhetyon-tiimimalli", "--accept", "none", "--coder", "Ella"},
			{"review", "lastensuojelun-perhetyon-tiimimalli", "--accept", "none", "--coder", "Aino"},
		},
		"import": {{"export", "--format", "qdpx", "--out", "project.qdpx"}},
	}
	n := 0
	for _, cmd := range cmds {
		lines := exampleLines(cmd.Example)
		if len(lines) == 0 {
			continue
		}
		t.Run(cmd.CommandPath(), func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			if err := os.CopyFS(data, os.DirFS(base)); err != nil {
				t.Fatal(err)
			}
			for _, args := range setup[cmd.Name()] {
				if code, _, e := runMain(context.Background(), append([]string{"--data", data, "--quiet"}, args...)...); code != 0 {
					t.Fatalf("set-up %v: exit %d\n%s", args, code, e)
				}
			}
			for _, line := range lines {
				n++
				args, err := shlex.Split(line)
				if err != nil || len(args) < 2 || args[0] != "innokyla" {
					t.Errorf("example %q: not one innokyla command line (%v)", line, err)
					continue
				}
				args = append([]string{"--data", data, "--quiet"}, args[1:]...)
				var code int
				var errOut string
				if cmd.Name() == "serve" {
					code, errOut = runUntilServing(t, args)
				} else {
					code, _, errOut = runMain(context.Background(), args...)
				}
				if code != 0 {
					t.Errorf("example %q: exit %d\n%s", line, code, errOut)
				}
			}
		})
	}
	if n < 20 {
		t.Errorf("ran %d examples; the commands have more", n)
	}
}

// exampleLines are the command lines of a cobra Example, without comments.
func exampleLines(ex string) []string {
	var out []string
	for _, l := range strings.Split(ex, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "innokyla ") {
			out = append(out, l)
		}
	}
	return out
}

func runMain(ctx context.Context, args ...string) (int, string, string) {
	var out, errw bytes.Buffer
	code := Main(ctx, args, strings.NewReader(""), &out, &errw)
	return code, out.String(), errw.String()
}

// lockedBuffer is a bytes.Buffer for one writer and one reader goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// runUntilServing runs a serve example until it says it is serving, then
// stops it as Ctrl-C does.
func runUntilServing(t *testing.T, args []string) (int, string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errw lockedBuffer
	done := make(chan int, 1)
	go func() { done <- Main(ctx, args, strings.NewReader(""), &bytes.Buffer{}, &errw) }()
	deadline := time.After(30 * time.Second)
	for !strings.Contains(errw.String(), "Serving ") {
		select {
		case code := <-done:
			return code, errw.String()
		case <-deadline:
			cancel()
			<-done
			return -1, "not serving after 30 s: " + errw.String()
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	if code := <-done; code != 0 && code != exitCanceled {
		return code, errw.String()
	}
	return 0, errw.String()
}

// TestHelpNamesTheCodebook: --help points at the codebook document, and the
// document is where it says.
func TestHelpNamesTheCodebook(t *testing.T) {
	code, out, _ := runMain(context.Background(), "--help")
	if code != 0 || !strings.Contains(out, "docs/CODEBOOK.md") || !strings.Contains(out, "innokyla completion bash|zsh|fish") {
		t.Fatalf("innokyla --help (exit %d) names neither the codebook document nor completion:\n%s", code, out)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "CODEBOOK.md"))
	if err != nil || !strings.Contains(string(b), "experts_by_experience") {
		t.Errorf("docs/CODEBOOK.md: %v (or it does not name the method IDs)", err)
	}
}
