// Package agreement measures how far coders agree on the codes of the
// same models: per code the share of agreeing pairs, Cohen's kappa for two
// coders and Krippendorff's alpha (nominal) for two or more, each code
// read as present or absent in a model. It knows codings, not where they
// are stored.
package agreement
