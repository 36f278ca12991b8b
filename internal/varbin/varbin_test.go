package varbin

import (
	"encoding/binary"
	"math"
	"testing"
)

func TestReader(t *testing.T) {
	b := binary.AppendUvarint(nil, 300)
	b = binary.AppendVarint(b, -7)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(2.5))
	r := Reader{B: b}
	if u, v, f := r.Uvarint(), r.Varint(), r.Float64(); u != 300 || v != -7 || f != 2.5 || r.Failed || len(r.B) != 0 {
		t.Fatalf("read %d %d %v, failed %v, %d left", u, v, f, r.Failed, len(r.B))
	}
	r = Reader{B: b[:len(b)-1]}
	r.Uvarint()
	r.Varint()
	if r.Float64() != 0 || !r.Failed || r.Uvarint() != 0 || !r.Failed {
		t.Fatal("a short input was read, or its failure did not stick")
	}
}
