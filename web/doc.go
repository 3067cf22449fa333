// Package web serves the search of an index over HTTP: a JSON API and an
// embedded Finnish page that needs nothing from outside the binary.
//
// It reads query parameters (with the same parsers the command line uses:
// region.Parse, model.ParseMethod, model.ParsePhase), asks the index
// engine, and gives facets and codes their Finnish names. The index
// package knows nothing of HTTP or of these labels.
package web
