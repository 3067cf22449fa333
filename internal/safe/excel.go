package safe

import (
	"io"
	"regexp"
	"strings"
)

// bom is the UTF-8 byte-order mark: Excel reads a CSV file that starts
// with it as UTF-8 (ä and ö intact) instead of the system code page.
const bom = "\ufeff"

// ExcelWriter marks output meant for Finnish Excel. It writes a UTF-8
// byte-order mark before the first byte; a CSVWriter made over it (see
// NewCSVWriter) separates cells with ';' and writes decimal numbers with a
// comma, as Excel in a Finnish locale opens a file with columns split and
// numbers read as numbers.
type ExcelWriter struct {
	W       io.Writer
	started bool
}

// Excel returns an ExcelWriter writing to w.
func Excel(w io.Writer) *ExcelWriter { return &ExcelWriter{W: w} }

func (e *ExcelWriter) Write(p []byte) (int, error) {
	if !e.started {
		e.started = true
		if _, err := io.WriteString(e.W, bom); err != nil {
			return 0, err
		}
	}
	return e.W.Write(p)
}

// decimal is a plain decimal number with a point: 12.5, -0.25.
var decimal = regexp.MustCompile(`^-?[0-9]+\.[0-9]+$`)

// excelCell writes a decimal number with a comma.
func excelCell(s string) string {
	if decimal.MatchString(s) {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}
