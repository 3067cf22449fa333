// Package crawler fetches practice models from an Innokylä-style site and
// reads them into model.Model records.
//
// Extract reads a model's main page and its kehittämisen polku page by
// label and heading text, not by CSS classes, so other markup of the same
// content gives the same record. Crawler discovers models from sitemaps
// (with lastmod), listing pages with their pagination and project pages,
// and fetches them politely: robots.txt obeyed (also its Crawl-delay), an
// honest User-Agent, a per-host delay, Retry-After and bounded retries
// with backoff and jitter, a request timeout and a body-size limit
// reported as an error. A saved mirror directory is crawled through the
// same code by a RoundTripper serving it under file:/// URLs.
//
// # What colly does here
//
// colly is only the fetch loop: fetch hands it one request at a time and
// it applies the per-host delay and parallelism (LimitRule), keeps
// requests on the site's host, decompresses .xml.gz sitemaps and decodes
// a charset the Content-Type declares. The rest of what colly offers is
// switched off on purpose, because the crawl must be exact where colly is
// approximate:
//   - robots.txt: colly fetches it itself, outside the delay and the retry
//     policy, ignores Crawl-delay and Sitemap lines, and asks again at the
//     next request when it could not be read; readRobots reads it once per
//     run with the same politeness as every page and fails the crawl's
//     requests when it cannot.
//   - revisits and its queue: the frontier decides what is fetched, so a
//     killed crawl resumes and an unchanged model is not fetched at all.
//   - charset guessing: a BOM or <meta> decides, not a detector.
//   - body limit: colly truncates silently; the polite transport fails the
//     page instead of storing half of it.
//   - the HTTP client: the polite transport retries, honours Retry-After
//     and times out each attempt; redirects stay on the site.
//
// colly hands a response back only through callbacks, so fetch takes it
// from the request's colly context under the keys "response" and "error".
// Replacing colly would mean writing the delay, gzip and charset handling
// above again; it stays while that is all it is asked to do.
//
// # Frontier
//
// The crawler keeps its frontier and page validators in a model.Frontier
// and writes models only through it, so it needs no store: the caller (the
// CLI) passes the corpus store, which implements it with model's types.
// Discovery hands the pages it finds to the frontier in batches and the
// workers read the targets back page by page, so a crawl's memory does not
// grow with the site. The
// workers' commits are written by one goroutine, those that arrive
// together in one transaction (group commit); a commit returns once it is
// written. A crawl that is cancelled or killed resumes where it stopped
// (a cancelled one keeps the main pages whose kehittämisen polku page was
// pending; a killed one fetches the pages in flight again); a later crawl
// sends conditional requests and skips models whose sitemap lastmod did
// not change. robots.txt is read once per run; discovery pages (robots.txt,
// sitemaps, listings, project pages) are read again on every new run.
package crawler
