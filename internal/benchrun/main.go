// Command benchrun measures every stage of the innokyla pipeline on
// synthetic corpora and prints one markdown table. scripts/bench runs it.
//
// Each stage runs the real innokyla binary as a child process, so its peak
// memory is the child's maximum resident set size, and the crawl goes over
// real HTTP on loopback. With --peers it also builds and queries SQLite
// FTS5 on the same records (peer.go) and prints ratio columns.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) > 0 && args[0] == "peer" { // the bench runs itself as the peer
		return runPeer(ctx, args[1:], out)
	}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	models := fs.String("models", "", "comma-separated corpus sizes (default 10000,100000)")
	large := fs.Bool("large", false, "also 1,000,000 models (classify, index, report)")
	bin := fs.String("bin", "", "innokyla binary to measure")
	work := fs.String("work", "", "work directory (default a temporary one, removed after)")
	keep := fs.Bool("keep", false, "keep the work directory")
	crawlLarge := fs.Bool("crawl-large", false, "crawl 1,000,000 models too, from a static site of about 21 GB, instead of importing them")
	imp := fs.Bool("import", false, "import every corpus from JSONL instead of crawling it (no crawl or run stage)")
	peers := fs.Bool("peers", false, "also build and query SQLite FTS5 (unicode61, trigram) on the same records and print ratio columns")
	searchData := fs.String("search-data", "", "only time the bench queries through serve on this data directory (a kept WORK/N/data)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" {
		return fmt.Errorf("--bin is required (scripts/bench builds it)")
	}
	if *searchData != "" {
		b := &bench{bin: *bin, log: errw}
		r, err := b.search(ctx, 0, *searchData)
		if err != nil {
			return err
		}
		printTable(out, []row{r})
		return nil
	}
	sizes := []int{10_000, 100_000}
	if *models != "" {
		sizes = nil
		for _, s := range strings.Split(*models, ",") {
			n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(s), "_", ""))
			if err != nil || n <= 0 {
				return fmt.Errorf("--models %q: want positive integers", *models)
			}
			sizes = append(sizes, n)
		}
	}
	if *large {
		sizes = append(sizes, largeModels)
	}
	dir := *work
	if dir == "" {
		d, err := os.MkdirTemp("", "innokyla-bench-")
		if err != nil {
			return err
		}
		dir = d
		if !*keep {
			defer os.RemoveAll(d)
		}
	}
	b := &bench{bin: *bin, dir: dir, log: errw, peers: *peers}
	var rows []row
	for _, n := range sizes {
		r, err := b.corpus(ctx, n, *imp || n >= largeModels && !*crawlLarge)
		rows = append(rows, r...)
		if err != nil {
			printTable(out, rows)
			return err
		}
	}
	printTable(out, rows)
	return nil
}

func printTable(w io.Writer, rows []row) {
	host, _ := os.Hostname()
	fmt.Fprintf(w, "Machine: %s, %d cores, %s memory, %s %s/%s\n\n", host, runtime.NumCPU(), memTotal(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(w, "Load average at the end: %s (the machine is shared: compare CPU seconds and ratios, not wall time alone)\n\n", strings.Join(strings.Fields(string(l))[:3], " "))
	}
	fmt.Fprintln(w, "| models | stage | throughput | time | CPU | peak RSS | peak anon | notes |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %d | %s | %s | %.2f s | %.2f s | %.0f MB | %.0f MB | %s |\n", r.models, r.stage, r.throughput, r.seconds, r.cpu, r.peakMB, r.anonMB, r.notes)
	}
	fmt.Fprintln(w, "\nPeak RSS includes index files mapped into memory (the kernel can drop those); peak anon is the memory the process allocated itself. CPU is the process's user + system time (for search, serve's whole run).")
	printPeers(w, rows)
}

func memTotal() string {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.Atoi(f[1])
			return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	return "?"
}
