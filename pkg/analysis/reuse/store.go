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
	mem   []byte
	f     *os.File
	n     int64
}

// write appends b and returns where it starts.
func (s *store) write(b []byte) (int64, error) {
	at := s.n
	if s.f == nil && s.dir != "" && int64(len(s.mem)+len(b)) > s.limit {
		f, err := os.CreateTemp(s.dir, "zhpolicy-reuse-*")
		if err != nil {
			return 0, fmt.Errorf("reuse: cannot spill to disk: %w", err)
		}
		os.Remove(f.Name())
		if _, err := f.Write(s.mem); err != nil {
			f.Close()
			return 0, fmt.Errorf("reuse: cannot spill to disk: %w", err)
		}
		s.f, s.mem = f, nil
	}
	if s.f != nil {
		if _, err := s.f.Write(b); err != nil {
			return 0, fmt.Errorf("reuse: cannot spill to disk: %w", err)
		}
	} else {
		s.mem = append(s.mem, b...)
	}
	s.n += int64(len(b))
	return at, nil
}

// readAt fills b from offset at.
func (s *store) readAt(b []byte, at int64) error {
	if s.f == nil {
		copy(b, s.mem[at:at+int64(len(b))])
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
