package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/innokyla/innokyla/internal/synth"
)

const seed = 20231130

// largeModels is the size --large adds. A corpus this large is imported
// unless --crawl-large, and run (which would crawl it again) is skipped.
const largeModels = 1_000_000

type row struct {
	models     int
	stage      string
	throughput string
	seconds    float64
	peakMB     float64 // peak resident set, mapped index files included
	anonMB     float64 // peak anonymous memory (heap and stacks)
	cpu        float64 // CPU seconds, user and system, of the process
	diskMB     float64 // what the stage left on disk, where that is its output
	p50, p95   float64 // search latency, ms
	hits       float64 // search: models found per query
	notes      string
}

type bench struct {
	bin   string
	dir   string
	log   io.Writer
	peers bool // also SQLite FTS5 on the same records (peer.go)
}

// corpus measures every stage on n synthetic models. With jsonlOnly the
// corpus is imported instead of crawled, and crawl and run are not measured;
// run, which crawls again, is measured below 1,000,000 models only.
func (b *bench) corpus(ctx context.Context, n int, jsonlOnly bool) ([]row, error) {
	base := filepath.Join(b.dir, fmt.Sprint(n))
	data := filepath.Join(base, "data")
	var rows []row
	runSite := ""
	textBytes, err := synthTextBytes(n)
	if err != nil {
		return nil, err
	}
	if jsonlOnly {
		file := filepath.Join(base, "models.jsonl")
		if err := b.jsonl(file, n); err != nil {
			return nil, err
		}
		r, err := b.stage(ctx, n, "import", data, "import", file)
		if err != nil {
			return rows, err
		}
		r.throughput = rate(n, r.seconds, "models/s")
		rows = append(rows, r)
	} else {
		site := filepath.Join(base, "site")
		b.logf("generating a site of %d models", n)
		if err := synth.WriteSite(site, n, seed); err != nil {
			return nil, err
		}
		srv, siteURL, err := serveDir(site)
		if err != nil {
			return nil, err
		}
		defer srv.Close()
		r, err := b.stage(ctx, n, "crawl", data, "crawl", "--site", siteURL, "--delay", "0", "--parallel", "8")
		if err != nil {
			return rows, err
		}
		r.throughput = rate(2*n, r.seconds, "pages/s")
		r.notes = "loopback, --delay 0 --parallel 8, main + kehittämisen polku pages"
		rows = append(rows, r)
		runSite = siteURL
	}
	r, err := b.stage(ctx, n, "classify", data, "classify")
	if err != nil {
		return rows, err
	}
	r.throughput = rate(n, r.seconds, "models/s")
	r.notes = fmt.Sprintf("%.1f MB/s of text (%.0f MB)", float64(textBytes)/1e6/r.seconds, float64(textBytes)/1e6)
	rows = append(rows, r)

	r, err = b.stage(ctx, n, "index", data, "index", "--rebuild")
	if err != nil {
		return rows, err
	}
	r.throughput = rate(n, r.seconds, "models/s")
	r.diskMB = float64(dirSize(filepath.Join(data, "index"))) / 1e6
	r.notes = fmt.Sprintf("%.0f MB on disk", r.diskMB)
	rows = append(rows, r)

	if r, err = b.search(ctx, n, data); err != nil {
		return rows, err
	}
	rows = append(rows, r)

	if b.peers {
		prs, err := b.peerRows(ctx, n, base)
		rows = append(rows, prs...)
		if err != nil {
			return rows, err
		}
	}

	r, err = b.stage(ctx, n, "report", data, "report", "--format", "md", "--out", filepath.Join(base, "report.md"))
	if err != nil {
		return rows, err
	}
	r.throughput = rate(n, r.seconds, "models/s")
	rows = append(rows, r)

	if runSite != "" && n < largeModels {
		// The whole pipeline in one command, on a fresh data directory.
		r, err := b.stage(ctx, n, "run", filepath.Join(base, "run-data"), "run", "--site", runSite,
			"--out", filepath.Join(base, "out"), "--delay", "0", "--parallel", "8")
		if err != nil {
			return rows, err
		}
		r.throughput = rate(n, r.seconds, "models/s")
		r.notes = "crawl + classify + index + report (4 formats)"
		rows = append(rows, r)
	}
	return rows, nil
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.log, "bench: "+format+"\n", args...)
}

// stage runs one innokyla command and measures its time and peak RSS.
func (b *bench) stage(ctx context.Context, n int, name, data string, args ...string) (row, error) {
	b.logf("%d models: %s", n, name)
	cmd := exec.CommandContext(ctx, b.bin, append([]string{"--data", data}, args...)...)
	cmd.Stdout = io.Discard
	return measure(cmd, n, name)
}

// measure runs cmd to its end and measures its time, CPU time and peak
// memory.
func measure(cmd *exec.Cmd, n int, name string) (row, error) {
	errBuf := &tail{}
	cmd.Stderr = errBuf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return row{}, err
	}
	mem := watchMem(cmd.Process.Pid)
	err := cmd.Wait()
	secs := time.Since(start).Seconds()
	if err != nil {
		return row{}, fmt.Errorf("%s on %d models: %v\n%s", name, n, err, errBuf.String())
	}
	peak, anon := mem()
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	return row{models: n, stage: name, seconds: secs, peakMB: peak, anonMB: anon, cpu: cpu}, nil
}

// search starts serve and times the bench queries (queries.go) with
// facets, 10 rounds after one that warms caches. n 0 is read from serve. A query that finds no
// model is an error: it would time nothing.
func (b *bench) search(ctx context.Context, n int, data string) (row, error) {
	b.logf("%d models: search", n)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return row{}, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.CommandContext(ctx, b.bin, "--data", data, "serve", "--addr", addr)
	errBuf := &tail{}
	cmd.Stderr = errBuf
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		return row{}, err
	}
	mem := watchMem(cmd.Process.Pid)
	stop := func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }
	client := &http.Client{Timeout: 10 * time.Second}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := client.Get("http://" + addr + "/api/facets")
		if err == nil {
			var facets struct{ Total uint64 }
			if n == 0 && json.NewDecoder(resp.Body).Decode(&facets) == nil { // --search-data
				n = int(facets.Total)
			}
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			return row{}, fmt.Errorf("serve did not start: %v\n%s", err, errBuf.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	var lat []float64
	var hits uint64
	for round := 0; round < 11; round++ {
		for _, bq := range benchQueries {
			q := bq.params
			start := time.Now()
			resp, err := client.Get("http://" + addr + "/api/search?" + q)
			if err != nil {
				stop()
				return row{}, err
			}
			var body struct{ Total uint64 }
			err = json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 {
				stop()
				return row{}, fmt.Errorf("search %s: status %d, %v", q, resp.StatusCode, err)
			}
			if round == 0 { // the first round warms caches
				if body.Total == 0 {
					stop()
					return row{}, fmt.Errorf("search %s found no model of %d", q, n)
				}
				hits += body.Total
				continue
			}
			lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		}
	}
	stop()
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	sort.Float64s(lat)
	p50, p95 := lat[len(lat)/2], lat[len(lat)*95/100]
	peak, anon := mem()
	return row{models: n, stage: "search", seconds: sum(lat) / 1000, peakMB: peak, anonMB: anon,
		cpu: cpu, p50: p50, p95: p95, hits: float64(hits) / float64(len(benchQueries)),
		throughput: fmt.Sprintf("p50 %.1f ms, p95 %.1f ms", p50, p95),
		notes: fmt.Sprintf("%d queries with facets over HTTP (serve), %.0f hits/query",
			len(lat), float64(hits)/float64(len(benchQueries)))}, nil
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func rate(n int, secs float64, unit string) string {
	return fmt.Sprintf("%.0f %s", float64(n)/secs, unit)
}

// watchMem polls a running process's peak resident set (VmHWM) and its
// largest anonymous memory (RssAnon) and returns a function giving both, in
// MB, once the process has exited. VmHWM counts the index segments that
// bleve maps into memory; RssAnon is what the process itself allocated.
// The rusage of a child is no use here: Linux carries the parent's peak
// into a child started with vfork, so every stage would show the bench's
// own size.
func watchMem(pid int) func() (peak, anon float64) {
	var mu sync.Mutex
	var hwm, rssAnon float64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
			if err != nil {
				return // exited
			}
			for _, line := range strings.Split(string(b), "\n") {
				f := strings.Fields(line)
				if len(f) < 2 || (f[0] != "VmHWM:" && f[0] != "RssAnon:") {
					continue
				}
				kb, _ := strconv.Atoi(f[1])
				mu.Lock()
				if f[0] == "VmHWM:" {
					hwm = max(hwm, float64(kb)/1024)
				} else {
					rssAnon = max(rssAnon, float64(kb)/1024)
				}
				mu.Unlock()
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	return func() (float64, float64) {
		<-done
		mu.Lock()
		defer mu.Unlock()
		return hwm, rssAnon
	}
}

func dirSize(dir string) int64 {
	var total int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			total += info.Size()
		}
		return nil
	})
	return total
}

func serveDir(dir string) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: staticSite{dir: dir}}
	go srv.Serve(ln)
	u := url.URL{Scheme: "http", Host: ln.Addr().String(), Path: "/"}
	return srv, u.String(), nil
}

// jsonl writes the n models as JSON lines to file unless it is there.
func (b *bench) jsonl(file string, n int) error {
	if _, err := os.Stat(file); err == nil {
		return nil
	}
	b.logf("generating %d models as JSONL", n)
	return writeJSONL(file, n)
}

func writeJSONL(path string, n int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := synth.WriteJSONL(w, n, seed); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// synthTextBytes is the size of the text the classifier reads.
func synthTextBytes(n int) (int64, error) {
	g := synth.New(seed)
	var total int64
	for i := 0; i < n; i++ {
		m, _ := g.Next()
		for _, s := range m.Sections {
			total += int64(len(s.Text))
		}
	}
	return total, nil
}

// tail keeps the last 4 KB written to it, for error messages.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 4096 {
		t.b = t.b[len(t.b)-4096:]
	}
	return len(p), nil
}

func (t *tail) String() string { return string(t.b) }
