// Package index keeps the practice models in a bleve (scorch) index on disk
// for Finnish full-text search with facets: Open, Sync and Search over
// plain Request and Result structs. It knows nothing of HTTP or of the
// Finnish labels of the page; package web serves the search.
//
// # Finnish text
//
// Title, summary and every section are analysed as bleve's Finnish
// analyzer ("fi": Unicode words, lowercase, Finnish stop words, Snowball
// stemmer) does, with the outcome of each distinct word cached
// (innokyla_fi, stems.go) and the words of common Finnish text found
// without bleve's general word segmenter, to the same tokens
// (tokenizer.go), so inflected forms meet: "työpaja" and
// "työpajoissa" both stem to "työpaj", "kokemusasiantuntijoiden" to
// "kokemusasiantuntij".
//
// A word should also find the compounds that end in it: "kysely" should
// find "asiakaskyselyn", "raati" should find "asiakasraadin". The index
// keeps a vocabulary of the terms of its text fields (vocab.go), each
// under its stem folded and reversed. Folding evens out what the stemmer
// leaves: trailing vowels go and the weak consonant grade becomes the
// strong one, so "raati", "raadit" and "asiakasraadin" end the same way
// ("raas"). Reversed, the tail of a compound is a prefix: "kysely" folds
// to "kysel", reversed "lesyk", a prefix of "lesyksakaisa"
// (asiakaskyselyn). A query word therefore becomes match queries on its
// text fields and, boosted low so exact words rank first, term queries
// for the compounds the vocabulary lists under its reversed folded stem,
// in the same fields. Only words that fold to four or more letters are
// looked up. The vocabulary is written from the segments' term
// dictionaries at the end of a Sync; until version 16 the index held a
// field with every word of every model reversed instead, about 78 terms a
// model, which cost a quarter of a build's CPU time. Snippets mark the
// matched words by analysing the stored text of the shown hits again, so
// compound matches are marked too.
//
// # Searching a million models
//
// serve loads every model's facet values once (LoadFacets). A search then
// reads what it finds from the postings lists as bitmaps, without scoring
// (hitSet), and counts the hits and their facets exactly from those. It
// scores every hit only when there are no more than the rank bound
// (DefaultRankBound, 10,000); a query that finds more ranks a sample of
// that many spread over the index (the first hits of every segment, in
// proportion to its hits), each with the score a full ranking gives it
// (Result.Ranked says how many). Phrases of several words, fuzzy, wildcard
// and regexp terms cannot be read as bitmaps: those searches score and
// count every hit, as 'innokyla search' always does.
//
// # Building
//
// Sync adds changes through scorch's batches. An empty index (new, or
// rebuilt) is built apart (build.go): one worker per core analyses a batch
// of 250 models and writes it as a segment, a merger merges the segments
// in tiers as they come (40 into 10,000 models, then tens), and scorch is
// handed the finished segments under a root.bolt written in its own
// format (root.go), with the signatures stored once they are in place.
// Through scorch, a batch's segment is built on one goroutine after its
// analysis, and a build left a third of two cores idle.
//
// # State and locking
//
// The index package does not know the store: the caller streams models into
// Sync, which adds, replaces and removes documents by (id, version, content
// hash, coding hash), kept in a bbolt file in the index directory
// (sigs.go). A writer holds the index exclusively; readers (search,
// serve) share it. Another process gets ErrLocked within the lock timeout
// instead of waiting forever.
package index
