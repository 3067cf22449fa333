package safe

import (
	"encoding/csv"
	"io"
)

// CSVCell neutralises a cell that a spreadsheet would read as a formula:
// one beginning with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, as OWASP recommends against CSV injection.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// CSVWriter is a csv.Writer whose every cell goes through CSVCell.
type CSVWriter struct {
	*csv.Writer
	excel bool
	buf   []string
}

// NewCSVWriter returns a CSVWriter writing to w: RFC 4180, or for Finnish
// Excel when w is an ExcelWriter (';' between cells, decimal commas).
func NewCSVWriter(w io.Writer) *CSVWriter {
	cw := &CSVWriter{Writer: csv.NewWriter(w)}
	if _, ok := w.(*ExcelWriter); ok {
		cw.excel = true
		cw.Comma = ';'
		cw.UseCRLF = true
	}
	return cw
}

// Write writes one record with its cells neutralised.
func (w *CSVWriter) Write(record []string) error {
	w.buf = w.buf[:0]
	for _, c := range record {
		if w.excel {
			c = excelCell(c)
		}
		w.buf = append(w.buf, CSVCell(c))
	}
	return w.Writer.Write(w.buf)
}
