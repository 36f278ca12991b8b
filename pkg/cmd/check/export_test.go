package check

import "zhpolicy/pkg/input"

// SetStreamSizes lowers the size over which a file is checked in parts,
// and the part size, until the returned function restores them.
func SetStreamSizes(stream, part int) (restore func()) {
	s, p := streamBytes, partBytes
	streamBytes, partBytes = stream, part
	return func() { streamBytes, partBytes = s, p }
}

// Streamable reports whether path is checked in parts.
func Streamable(path string, fix bool) bool {
	return streamable(input.Source{Path: path}, fix)
}

// CountSpools counts the copies of standard input to a temporary file
// until the returned function restores the hook.
func CountSpools(n *int) (restore func()) {
	onSpool = func() { *n++ }
	return func() { onSpool = nil }
}
