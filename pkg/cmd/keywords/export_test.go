package keywords

// SetSpillLimit sets the memory the kept documents may take before they go
// to disk (0: the default), for tests.
func SetSpillLimit(n int) { spillLimit = n }
