// Package index keeps the practice models in a bleve (scorch) index on disk
// for Finnish full-text search with facets, and serves that search over HTTP
// with an embedded web page.
//
// Text (title, summary, every section) is analysed twice. The main fields use
// bleve's Finnish analyzer ("fi": lowercase, Finnish stop words, Snowball
// stemmer), so inflected forms meet: "työpaja" finds "työpajoissa". A
// compound-aware subfield (title_c, summary_c, sections_c) folds each stem a
// little further (trailing vowels dropped, weak consonant grade made strong:
// "raadi" and "raati" both become "raas") and then indexes every suffix of at
// least four letters of words of seven letters or more, so a word finds the
// compounds that end in it: "kysely" finds "asiakaskyselyn", "raati" finds
// "asiakasraadin". The query side of that subfield folds but does not expand,
// and it is boosted low, so exact words rank before compound matches.
//
// The index package does not know the store: the caller streams models into
// Sync, which adds, replaces and removes documents by (id, version, content
// hash, coding hash) kept inside the index as internal keys. A writer holds
// the index exclusively; readers (search, serve) share it. Another process
// gets ErrLocked within a second instead of waiting forever.
package index
