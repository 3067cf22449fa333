//go:build !voikko

package classify

// Morphology names the morphology the classifier was built with.
const Morphology = "suffixes"

func newMorphology() morphology { return suffixMorphology{} }
