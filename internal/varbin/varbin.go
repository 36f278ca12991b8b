// Package varbin reads the compact binary forms the project writes with
// encoding/binary's Append functions (varints, little-endian floats): a
// reader whose first failure sticks, so that a decoder reads on and checks
// once at the end.
package varbin

import (
	"encoding/binary"
	"math"
)

// Reader reads from B; Failed is set, and B emptied, at the first read
// past the end or of a malformed varint.
type Reader struct {
	B      []byte
	Failed bool
}

// Fail marks the input as bad (for checks of the caller's own).
func (r *Reader) Fail() { r.Failed, r.B = true, nil }

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	v, n := binary.Uvarint(r.B)
	if n <= 0 {
		r.Fail()
		return 0
	}
	r.B = r.B[n:]
	return v
}

// Varint reads a signed varint.
func (r *Reader) Varint() int64 {
	v, n := binary.Varint(r.B)
	if n <= 0 {
		r.Fail()
		return 0
	}
	r.B = r.B[n:]
	return v
}

// Float64 reads a little-endian float64.
func (r *Reader) Float64() float64 {
	if len(r.B) < 8 {
		r.Fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.B))
	r.B = r.B[8:]
	return v
}
