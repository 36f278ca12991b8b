package dict

import _ "embed"

//go:generate go run ./gen

// Compiled is the project's compiled Chinese dictionary (internal/zhdict):
// gse's Simplified word list under the policy words of policy.txt, gse's
// IDF table and gse's HMM model, written by dict/gen from gse's published
// data files. pkg/segment and pkg/idf read it in place.
//
//go:embed zhdict.bin
var Compiled string
