package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

const rootLong = `innokyla crawls Innokylä-style practice-model repositories, codes how
clients were involved in developing each practice model (toimintamalli), indexes
the models for Finnish full-text search, and writes coverage and audit reports
per welfare region.

Data flows one way: crawl or import -> store -> classify -> index / report.
Everything lives in the data directory (--data, $INNOKYLA_DATA, default
./innokyla-data): corpus.db (SQLite) and index/ (bleve). One command at a
time writes it (crawl, import, classify, index, run); another that would
write exits 1 at once, naming the one running. The others only read, and
work on a read-only copy. Only crawl, import and run create the directory.

Start with the bundled offline snapshot, then see what it holds:
  innokyla run --site testdata/site --out out
  innokyla status

The codebook (what each method and phase ID means, with examples and the
rules the classifier follows) is docs/CODEBOOK.md in the project; the
embedded YAML it describes is classify/codebook.yaml.

Long commands show progress on stderr (a bar on a terminal, a line every
10 s elsewhere; --quiet: none). Commands that print a summary take --json
for one JSON object on stdout. Shell completion, flag values and model ids
included: innokyla completion bash|zsh|fish --help.

Exit codes:
  0    success (also: a search or report that matched nothing)
  1    the work failed: bad input file or line, unreachable site, broken data,
       no corpus at --data, or another innokyla writing the same --data
  2    usage: unknown command or flag, bad flag value, missing argument
  130  interrupted (Ctrl-C); what was stored before it is kept`

// Main runs the CLI with args and returns the process exit code.
func Main(ctx context.Context, args []string, in io.Reader, out, errw io.Writer) int {
	// Crawled text reaches the terminal in many messages: no control
	// character it holds gets there.
	out, errw = terminalSafe(out), terminalSafe(errw)
	f := &Factory{In: in, Out: out, Err: errw, Now: time.Now, Version: version,
		Args: append([]string{"innokyla"}, args...)}
	defer f.Close()
	root := NewCmdRoot(f)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.ExecuteContext(ctx)
	if err != nil && isCobraUsage(err) {
		err = usageError(err)
	}
	return printError(errw, err)
}

// NewCmdRoot builds the command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:                        "innokyla",
		Short:                      "Crawl, code, search and report on Innokylä practice models",
		Long:                       rootLong,
		Version:                    f.Version,
		SilenceErrors:              true,
		SilenceUsage:               true,
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				msg := fmt.Sprintf("unknown command %q", args[0])
				if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
					msg += fmt.Sprintf("; did you mean %q?", s[0])
				}
				return usageError(fmt.Errorf("%s", msg))
			}
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if f.DataDir == "" {
				return usageError(fmt.Errorf("--data is empty"))
			}
			f.untune = tuneMemory(cmd.Name(), os.Getenv)
			if f.CPUProfile != "" && f.stopProfile == nil {
				stop, err := startCPUProfile(f.CPUProfile)
				if err != nil {
					return err
				}
				f.stopProfile = stop
			}
			return nil
		},
	}
	defaultData := os.Getenv("INNOKYLA_DATA")
	if defaultData == "" {
		defaultData = "innokyla-data"
	}
	root.PersistentFlags().StringVar(&f.DataDir, "data", defaultData, "data directory holding corpus.db and index/ (env INNOKYLA_DATA)")
	root.PersistentFlags().BoolVarP(&f.Quiet, "quiet", "q", false, "no progress on stderr (long commands show a bar on a terminal, a line every 10 s elsewhere)")
	root.PersistentFlags().StringVar(&f.CPUProfile, "cpu-profile", "", "write a CPU profile of the command to `FILE` (go tool pprof)")
	_ = root.PersistentFlags().MarkHidden("cpu-profile")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return withHint(usageError(err), fmt.Sprintf("Try: %s --help", cmd.CommandPath()))
	})
	root.AddCommand(
		NewCmdCrawl(f, nil),
		NewCmdCrawls(f, nil),
		NewCmdChanges(f, nil),
		NewCmdImport(f, nil),
		NewCmdClassify(f, nil),
		NewCmdExplain(f, nil),
		NewCmdReview(f, nil),
		NewCmdEvaluate(f, nil),
		NewCmdAgree(f, nil),
		NewCmdIndex(f, nil),
		NewCmdSearch(f, nil),
		NewCmdServe(f, nil),
		NewCmdReport(f, nil),
		NewCmdExport(f, nil),
		NewCmdRun(f, nil),
		NewCmdStatus(f, nil),
	)
	addCompletions(root, f)
	return root
}

// isCobraUsage recognises the argument errors cobra itself returns.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "requires at most", "required flag", "invalid argument", "flag needs an argument"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// usageArgs wraps a cobra positional-argument check so its error is a
// usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return withHint(usageError(err), fmt.Sprintf("Try: %s --help", cmd.CommandPath()))
		}
		return nil
	}
}
