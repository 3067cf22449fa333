package main

import (
	"encoding/json"
	"io"
)

// writeJSON writes v as the one indented JSON object a command's --json
// prints on stdout.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
