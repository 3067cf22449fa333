// Package shape lays the codings out as the tables statistics tools
// start from: Codes is long (one row per code and passage, for R's
// tidyverse and pivot tables), Matrix is wide (one row per model, a 0/1
// column per method, phase and method×phase, for Stata and regression).
// Values are typed (string, int), so CSV and JSON Lines writers share them.
package shape
