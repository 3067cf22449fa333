// Package classify codes a practice model (toimintamalli) for client
// involvement in its development: whether it is described, by which methods
// and in which phases, with the sentence behind every code.
//
// The coding scheme is a Codebook, loaded from YAML (Load) or the embedded
// default (Default). Its cue patterns are stems matched inside Finnish words
// after normalisation, so inflected forms, consonant gradation variants and
// compounds match; long cues also match with one misspelt letter. A
// Classifier then judges each sentence: a method counts only when clients
// (not staff) take part, when the clause is not negated and does not merely
// describe the service. Phases come from the clause, then the sentence, then
// the section heading.
//
// Evaluate compares codings with a human gold standard (ReadGold) and
// reports precision, recall, F1, accuracy and Cohen's kappa, beside a naive
// substring Baseline on the same gold.
package classify
