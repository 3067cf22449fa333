// Package sitegen turns the hand-written sources in testdata/sitesrc into the
// bundled offline Innokylä-like mirror in testdata/site, and knows the record
// the crawler must read back from every generated model page.
//
// Load reads and validates the YAML sources (strictly: an unknown field, a
// bad slug, date, page or codebook ID is an error naming file and line).
// Source.Record gives the expected crawl record. Write renders the static
// mirror in one of two markup variants with identical content: "a" mimics a
// real Innokylä page (labelled div fields, h2 section headings with a " **"
// marker, icon text from inline SVGs), "b" uses other tags, class names,
// label spellings and block order (dl/dt/dd, h3 headings, ol lists, div
// paragraphs), "c" a Drupal theme (field__label/field__item pairs, a
// <details> accordion, dates in <time>, "Tekijä", a site-name <h1> before
// the title, an attachments field). A crawler that extracts by label and
// heading text gives the same records from all three.
//
// Decisions a crawler relies on:
//   - The record's url is the canonical link
//     https://innokyla.example/fi/toimintamalli/<slug>, its id the slug.
//   - Project is the title of the linked project (kokonaisuus) page, as the
//     "Kokonaisuus" field shows it, not the project's slug.
//   - Sections come main page first, then the kehittämisen polku page, each
//     in source order.
//   - Links inside the mirror are root-relative and end in "/" (directory
//     index pages), so a plain http.FileServer serves them without
//     redirects. Sitemap <loc> values and the robots.txt Sitemap line are
//     root-relative too: resolve them against the URL they were read from.
//   - Text values "Täydentyy" (to be completed) are published as such and
//     read back as "". Empty fields are left off the page.
//
// Write is deterministic (same corpus and variant, same bytes) and records
// the files it wrote in a manifest (.sitegen-manifest) in the output
// directory; the next Write removes exactly those files first, and refuses
// to write into a non-empty directory without a manifest.
package sitegen
