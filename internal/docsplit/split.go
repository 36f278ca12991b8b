// Package docsplit is the team's split of ../shared/corpus into a development
// side and a test side (SPLIT.md): a file is TEST when the first byte of the
// SHA-256 of its name is below 77, and 2026_海南省.txt is TEST too. The
// bench programs and generators that may look at DEV documents only ask it.
package docsplit

import (
	"crypto/sha256"
	"path/filepath"
)

// IsTest says whether the file at path (its base name decides) is on the
// TEST side.
func IsTest(path string) bool {
	name := filepath.Base(path)
	sum := sha256.Sum256([]byte(name))
	return sum[0] < 77 || name == "2026_海南省.txt"
}
