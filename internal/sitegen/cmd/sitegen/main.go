// Command sitegen renders testdata/site from testdata/sitesrc:
//
//	go run ./internal/sitegen/cmd/sitegen -src testdata/sitesrc -out testdata/site [-variant a|b|c] [-gold testdata/snapshot-gold.csv]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/innokyla/innokyla/internal/sitegen"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "sitegen:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", "testdata/sitesrc", "source directory (projects/, models/)")
	out := fs.String("out", "testdata/site", "output directory")
	variant := fs.String("variant", "a", "markup variant: a (Innokylä-like), b (other markup, same content) or c (Drupal fields)")
	gold := fs.String("gold", "", "also write the gold coding CSV to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := sitegen.Load(*src)
	if err != nil {
		return err
	}
	if err := sitegen.Write(c, *out, *variant); err != nil {
		return err
	}
	if *gold != "" {
		var b bytes.Buffer
		if err := sitegen.WriteGold(&b, c); err != nil {
			return err
		}
		if err := os.WriteFile(*gold, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	regions := map[string]bool{}
	for _, s := range c.Sources {
		regions[s.Record().RegionRaw] = true
	}
	fmt.Fprintf(stderr, "sitegen: %d models, %d projects, %d distinct region_raw values -> %s (variant %s)\n",
		len(c.Sources), len(c.Projects), len(regions), *out, *variant)
	return nil
}
