// Package safe writes untrusted text so that it cannot hurt the person who
// opens the output: CSV cells that a spreadsheet would run as a formula are
// neutralised, control characters are kept from terminals, and output
// files are replaced whole, with the mode a user expects.
package safe
