package zhdict

import (
	"sync"

	"zhpolicy/dict"
)

var builtin = sync.OnceValues(openBuiltin)

func openBuiltin() (*Dict, error) { return Open(dict.Compiled) }

// Builtin is the dictionary embedded in the binary (dict.Compiled), opened
// once per process.
func Builtin() (*Dict, error) { return builtin() }
