//go:build amd64 || arm64 || 386 || ppc64le || wasm

package zhdict

// inPlace: the machine is little-endian and reads unaligned words, so the
// sections are used where they are embedded.
const inPlace = true
