package shape

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"

	"github.com/innokyla/innokyla/internal/safe"
)

// Writer writes rows under a header as CSV (a header line, cells a
// spreadsheet would run neutralised) or as JSON Lines (one object a row,
// keys in header order, numbers as numbers).
type Writer struct {
	header []string
	csv    *safe.CSVWriter
	jw     *bufio.Writer
	buf    []string
}

// NewCSV starts a CSV table on w; its header is written at once.
func NewCSV(w io.Writer, header []string) (*Writer, error) {
	cw := safe.NewCSVWriter(w)
	return &Writer{header: header, csv: cw}, cw.Write(header)
}

// NewJSONL starts a JSON Lines table on w.
func NewJSONL(w io.Writer, header []string) *Writer {
	return &Writer{header: header, jw: bufio.NewWriter(w)}
}

// Write writes one row; its values are strings or ints.
func (w *Writer) Write(row []any) error {
	if w.csv != nil {
		w.buf = w.buf[:0]
		for _, v := range row {
			switch v := v.(type) {
			case int:
				w.buf = append(w.buf, strconv.Itoa(v))
			case string:
				w.buf = append(w.buf, v)
			}
		}
		return w.csv.Write(w.buf)
	}
	w.jw.WriteByte('{')
	for i, k := range w.header {
		if i > 0 {
			w.jw.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(row[i])
		if err != nil {
			return err
		}
		w.jw.Write(kb)
		w.jw.WriteByte(':')
		w.jw.Write(vb)
	}
	_, err := w.jw.WriteString("}\n")
	return err
}

// Flush writes what is buffered and returns the first error.
func (w *Writer) Flush() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return w.jw.Flush()
}
