// Package qda writes and reads REFI-QDA projects (.qdpx): the exchange
// format of NVivo, ATLAS.ti, MAXQDA and QualCoder. Each model version is a
// TextSource whose plain text is laid out by Text; the codebook's methods
// and phases are the code tree; each evidence passage is a
// PlainTextSelection coded by its coder, its positions counted in
// characters (Unicode code points) of that text, not bytes. Read takes a
// project back as one person's coding.
//
// GUIDs are derived from what they name (a model version, a code, a
// coder), so the same corpus exports the same GUIDs and a project coded
// elsewhere maps back to the models by them.
package qda
