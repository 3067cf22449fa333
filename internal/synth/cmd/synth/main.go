// Command synth writes a synthetic corpus (hidden developer tool):
//
//	go run ./internal/synth/cmd/synth -n 10000 -seed 1 -format jsonl|site|truth -out PATH
//
// jsonl writes model records (export schema) to PATH ("-" for stdout),
// truth the gold CSV of the same models, site a static mirror directory.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/innokyla/innokyla/internal/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of models")
	seed := fs.Int64("seed", 1, "random seed")
	format := fs.String("format", "jsonl", "jsonl, truth or site")
	out := fs.String("out", "-", "output file (jsonl, truth; - for stdout) or directory (site)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 0 {
		return fmt.Errorf("-n must not be negative")
	}
	if *format == "site" {
		if *out == "-" {
			return fmt.Errorf("-format site needs -out DIR")
		}
		return synth.WriteSite(*out, *n, *seed)
	}
	write := synth.WriteJSONL
	switch *format {
	case "jsonl":
	case "truth":
		write = synth.WriteTruthCSV
	default:
		return fmt.Errorf("unknown -format %q (want jsonl, truth or site)", *format)
	}
	if *out == "-" {
		return write(stdout, *n, *seed)
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := write(f, *n, *seed); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
