package dict

import _ "embed"

//go:generate go run ./gen

// GseWordsIndex indexes gse's embedded Simplified word list (written by
// dict/gen; opened by internal/dictindex). Numbers only: offsets into gse's
// own text.
//
//go:embed gse_zh_s.idx
var GseWordsIndex string

// GseIDFIndex indexes gse's embedded IDF table, the same way.
//
//go:embed gse_idf.idx
var GseIDFIndex string
