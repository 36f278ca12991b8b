package analysis

import "strings"

// CloneStrings returns copies of ss (nil for nil), for results that
// outlive their document: its strings are substrings of the document's
// text, which would otherwise stay in memory with them.
func CloneStrings(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}
