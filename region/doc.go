// Package region maps what a practice-model page says about where it was
// developed (a municipality, a maakunta, a welfare region by its official,
// short or old name, several of them, or the whole country) to the canonical
// welfare-region names the rest of innokyla groups by.
//
// The table lives in regions.tsv, embedded in the binary. Normalize reads a
// page's region and place fields; Parse reads the region filters users give
// (crawl, report and search flags, the API and the page).
package region
