// Package model holds the practice-model record (toimintamalli) and its
// client-participation coding. It is the one package that crawler, classify,
// index, reports and store share; it imports none of them.
//
// The JSON field names of Model are the export and import contract. Method
// and phase IDs are those of the project codebook (CODEBOOK.md).
package model
