// Package qdatest helps tests of REFI-QDA projects: it validates
// project.qde with the real xmllint (Debian libxml2-utils), as the browser
// tests use real Chromium, and reads or replaces it in a .qdpx as a QDA
// tool saving the project would.
package qdatest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Schema is the REFI-QDA Project schema copied into the repository.
func Schema() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "refi-qda", "Project-mrt2019.xsd")
}

// Validate checks doc against the schema at xsd and fails t with
// xmllint's words when it does not validate. Without xmllint the test
// fails saying how to install it; INNOKYLA_SKIP_XMLLINT=1 skips on purpose.
func Validate(t testing.TB, xsd string, doc []byte) {
	t.Helper()
	if os.Getenv("INNOKYLA_SKIP_XMLLINT") == "1" {
		t.Skip("INNOKYLA_SKIP_XMLLINT=1: the XML is not validated against its schema")
	}
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("validating XML needs xmllint: sudo apt-get install -y libxml2-utils " +
			"(scripts/test installs it); to skip on purpose: INNOKYLA_SKIP_XMLLINT=1")
	}
	path := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--schema", xsd, path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "validates") {
		t.Fatalf("xmllint --schema %s: %v\n%s", filepath.Base(xsd), err, out)
	}
}

// ValidateQDPX checks project.qde of a .qdpx against the REFI-QDA schema.
func ValidateQDPX(t testing.TB, qdpx []byte) {
	t.Helper()
	Validate(t, Schema(), File(t, qdpx, "project.qde"))
}

// File is the named file of a zip.
func File(t testing.TB, qdpx []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatalf("no %s in the project", name)
	return nil
}

// Rezip is qdpx with project.qde replaced by qde.
func Rezip(t testing.TB, qdpx []byte, qde string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		b := []byte(qde)
		if f.Name != "project.qde" {
			b = File(t, qdpx, f.Name)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
