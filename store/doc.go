// Package store keeps practice models, every version of them, and their
// codings in one SQLite file (modernc.org/sqlite, pure Go, WAL mode).
//
// Writes are transactions: a crash or Ctrl-C leaves the last committed state.
// Put never overwrites: a changed model gets a new version and the earlier
// one stays readable through Versions. Get and Each return the latest
// version of each model with the newest coding of that version. Store is
// also the crawler's frontier (model.Frontier): runs, targets, validators
// and pages kept between runs live in the same file as the models.
//
// People's work lives beside the machine's: SaveReview keeps a decision
// per code (accept, reject, add) and rebuilds that person's coding of the
// version; SaveHumanCodings keeps a coding read from a QDA tool. Classify
// writes only machine codings, so a person's coding is never replaced. A
// new version of a model starts unreviewed; ReviewState says what changed
// in the sections that held evidence since the reviewed one.
package store
