// Package keywords embeds the word lists of `zhpolicy keywords`. Where each
// list comes from is written in dict/SOURCES.md, section Keywords.
package keywords

import _ "embed"

// Stopwords is the built-in stopword list for policy text, one word a line;
// lines starting with # are comments.
//
//go:embed stopwords.txt
var Stopwords string

// Background is the built-in policy background of `zhpolicy keywords`:
// document frequencies over the reference policy documents of the shared
// corpus, written by `go generate ./dict/keywords` (gen/main.go) as text
// (background.tsv, to read and diff) and as a table read in place at
// start-up (background.bin, made from the text; keywords.Background.WriteTable).
//
//go:generate go run ./gen -o background.tsv
//go:embed background.bin
var Background string

// Procedure is the vocabulary of procedure of policy notices: terms with
// the share of their occurrences inside the procedural parts of the
// background's documents, written by `go run ./dict/keywords/genproc`.
//
//go:embed procedure.tsv
var Procedure string

// Genre is the vocabulary of the calls of policy notices (documents with a
// procedural part): terms with their document frequencies among the
// background's calls and among all its documents, written by
// `go run ./dict/keywords/genproc` beside procedure.tsv.
//
//go:embed genre.tsv
var Genre string
