// Package reports turns coded practice models into Ojamo-style coverage
// tables and regional audit reports.
//
// An Aggregator counts models as they stream past (Add), keeping one small
// Group of counters per region or project, never the models themselves, so
// a report over a million models needs memory in proportion to the number of
// groups only. Result gives the groups in Finnish alphabetical order and a
// total for the whole selection.
//
// The four tables (Tables) are:
//
//  1. Coverage: models; client participation described (n, %); not described (n, %).
//  2. Phases: per group, models with clients involved in each of the four
//     phases, the number of phases covered, and a mark when all four are.
//  3. Methods by phase: for the selection, models using each method in each
//     phase and with no phase stated.
//  4. Methods by group: models using each method, per group.
//
// Renderers write a Report to an io.Writer: WriteMarkdown (tablewriter v1,
// cells escaped here), WriteJSON (IDs as keys), WriteCSV (one long table:
// table,row,column,value) or WriteCSVTable (one wide table, for one file per
// table), and WriteHTML (one self-contained page with inline SVG charts). An Audit collects one region's figures beside
// the national ones and WriteAudit renders it as a markdown document.
//
// Numbers: percentages have one decimal. Text meant for people (markdown,
// HTML) uses the decimal comma in Finnish ("71,4") and the point in English;
// machine formats (CSV, JSON) always use the point. A percentage of nothing
// (an empty selection) is never computed: such a report says that no models
// matched.
//
// Untrusted text (titles, region and project names, evidence sentences) is
// escaped for the target format: markdown cells get `|`, backslash and
// markup characters escaped, newlines turned into <br> and HTML special
// characters written as entities; HTML goes through html/template.
package reports
