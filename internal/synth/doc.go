// Package synth generates any number of realistic synthetic practice
// models, deterministically from a seed, with the true coding of each.
//
// Text is assembled from Finnish building blocks written for this project:
// topics with their titles and section sentences, client groups in the
// cases the sentences need, participation statements whose phase is named
// by an opener ("Alkuvaiheessa ...") and whose method by the clause, and
// traps that look like involvement but are not (staff only, negated, or a
// description of the service). Regions are published the many ways real
// pages do (municipality, province, welfare region, short name) with
// Uusimaa most frequent, as in the bundled snapshot.
//
// Gen.Next streams one model at a time, so a million models take constant
// memory. WriteJSONL writes the export schema, WriteTruthCSV the gold CSV
// of the same models, and WriteSite a static mirror through sitegen for
// crawl benchmarks. The same seed always gives the same bytes.
package synth
