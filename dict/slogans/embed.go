// Package slogansdict embeds the lexicon of known political formulations
// (提法) used by `zhpolicy slogans`. Where it comes from is written in
// dict/SOURCES.md, section "Slogans lexicon".
package slogansdict

import _ "embed"

// Lexicon is lexicon.yaml: a list of {text, kind, aliases, gloss}.
//
//go:embed lexicon.yaml
var Lexicon string
