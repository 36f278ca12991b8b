package reuse

import (
	"encoding/binary"
	"fmt"
	"os"
)

// store is an append-only byte store: in memory, or, once it holds more
// than limit bytes and a directory is given, in a temporary file there
// (unlinked at once, so that nothing is left behind if the process dies).
// The index keeps what it needs to compare documents (their reduced texts
// and signatures) in stores, so that a corpus of any size takes bounded
// memory: only the documents of the pair being aligned are read back.
type store struct {
	dir   string
	limit int64
	mem   [][]byte // in memory: blocks of storeBlock bytes (the last one filling)
	f     *os.File
	n     int64
}

// storeBlock is the size of a store's blocks in memory: appending never
// copies what the store already holds (one growing slice copied it over
// and over, in the ordered emit of a -j run).
const storeBlock = 1 << 20

// write appends b and returns where it starts.
func (s *store) write(b []byte) (int64, error) {
	at := s.n
	if s.f == nil && s.dir != "" && s.n+int64(len(b)) > s.limit {
		f, err := os.CreateTemp(s.dir, "zhpolicy-reuse-*")
		if err != nil {
			return 0, fmt.Errorf("reuse: cannot spill to disk: %w", err)
		}
		os.Remove(f.Name())
		for _, m := range s.mem {
			if _, err := f.Write(m); err != nil {
				f.Close()
				return 0, fmt.Errorf("reuse: cannot spill to disk: %w", err)
			}
		}
		s.f, s.mem = f, nil
	}
	if s.f != nil {
		if _, err := s.f.Write(b); err != nil {
			return 0, fmt.Errorf("reuse: cannot spill to disk: %w", err)
		}
	} else {
		for b := b; len(b) > 0; {
			if len(s.mem) == 0 || len(s.mem[len(s.mem)-1]) == storeBlock {
				s.mem = append(s.mem, make([]byte, 0, min(storeBlock, max(len(b), 4096)*(len(s.mem)+1))))
			}
			last := &s.mem[len(s.mem)-1]
			k := min(len(b), storeBlock-len(*last))
			*last = append(*last, b[:k]...)
			b = b[k:]
		}
	}
	s.n += int64(len(b))
	return at, nil
}

// readAt fills b from offset at.
func (s *store) readAt(b []byte, at int64) error {
	if s.f == nil {
		for len(b) > 0 {
			m := s.mem[at/storeBlock][at%storeBlock:]
			k := copy(b, m)
			b, at = b[k:], at+int64(k)
		}
		return nil
	}
	if _, err := s.f.ReadAt(b, at); err != nil {
		return fmt.Errorf("reuse: cannot read back the spilled data: %w", err)
	}
	return nil
}

func (s *store) close() error {
	s.mem = nil
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

// little-endian encodings of the stored arrays

func putU32s[T ~int32 | ~uint32](b []byte, v []T) []byte {
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, uint32(x))
	}
	return b
}

func getU32s[T ~int32 | ~uint32](b []byte, n int) ([]T, []byte) {
	v := make([]T, n)
	for i := range v {
		v[i] = T(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v, b[4*n:]
}
