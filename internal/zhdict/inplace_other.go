//go:build !(amd64 || arm64 || 386 || ppc64le || wasm)

package zhdict

// inPlace is false: sections are used in place only when aligned on a
// little-endian machine, and decoded into copies otherwise.
const inPlace = false
