// Package dict embeds the dictionaries and word lists the project owns.
// Where each list comes from is written in SOURCES.md beside this file.
package dict

import _ "embed"

// Policy is the built-in policy dictionary: current policy terms and
// formulations that must never be split, one `word freq pos` a line.
//
//go:embed policy.txt
var Policy string
