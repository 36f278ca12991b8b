// Package spill holds a sequence of records that is written once and read
// back once, in order: in memory up to a limit, and past it in a temporary
// file (unlinked at once, so that nothing is left behind if the process
// dies). A command that must see a whole corpus before it can finish each
// document (keywords --corpus ranks each against the rest) keeps what it
// needs of each document in a Store, so that its memory does not grow
// with the corpus.
package spill

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
)

// DefaultLimit is the number of bytes kept in memory before a Store goes
// to disk.
const DefaultLimit = 64 << 20

// Store is a sequence of records. Add appends; All reads them back. A
// Store is not safe for concurrent use.
type Store struct {
	dir   string
	limit int
	mem   []byte
	f     *os.File
	w     *bufio.Writer
	n     int
	read  bool
}

// New returns an empty store that keeps up to limit bytes in memory
// (DefaultLimit when limit is 0) and then writes to a temporary file in
// dir (the system's temporary directory when dir is "").
func New(dir string, limit int) *Store {
	if limit <= 0 {
		limit = DefaultLimit
	}
	return &Store{dir: dir, limit: limit}
}

// Len is the number of records added.
func (s *Store) Len() int { return s.n }

// OnDisk says whether the store went to a temporary file.
func (s *Store) OnDisk() bool { return s.f != nil }

// Add appends a record (a copy of rec).
func (s *Store) Add(rec []byte) error {
	if s.read {
		return errors.New("spill: record added after reading")
	}
	var hdr [binary.MaxVarintLen64]byte
	h := binary.PutUvarint(hdr[:], uint64(len(rec)))
	if s.f == nil && len(s.mem)+h+len(rec) > s.limit {
		if err := s.toDisk(); err != nil {
			return err
		}
	}
	if s.f == nil {
		s.mem = append(s.mem, hdr[:h]...)
		s.mem = append(s.mem, rec...)
	} else {
		if _, err := s.w.Write(hdr[:h]); err != nil {
			return s.diskErr(err)
		}
		if _, err := s.w.Write(rec); err != nil {
			return s.diskErr(err)
		}
	}
	s.n++
	return nil
}

func (s *Store) toDisk() error {
	f, err := os.CreateTemp(s.dir, "zhpolicy-spill-*")
	if err != nil {
		return fmt.Errorf("cannot keep the documents' data on disk (set TMPDIR to a writable directory with space): %w", err)
	}
	os.Remove(f.Name())
	s.f = f
	s.w = bufio.NewWriterSize(f, 1<<20)
	if _, err := s.w.Write(s.mem); err != nil {
		return s.diskErr(err)
	}
	s.mem = nil
	return nil
}

func (s *Store) diskErr(err error) error {
	return fmt.Errorf("cannot keep the documents' data on disk in %s (set TMPDIR to a writable directory with space): %w", s.f.Name(), err)
}

// All returns the records in the order they were added. A record's bytes
// are valid until the next one is read. All may be called once; no
// record can be added after it.
func (s *Store) All() iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		if s.read {
			yield(nil, errors.New("spill: records read twice"))
			return
		}
		s.read = true
		var r *bufio.Reader
		if s.f != nil {
			if err := s.w.Flush(); err != nil {
				yield(nil, s.diskErr(err))
				return
			}
			if _, err := s.f.Seek(0, io.SeekStart); err != nil {
				yield(nil, s.diskErr(err))
				return
			}
			r = bufio.NewReaderSize(s.f, 1<<20)
		}
		var buf []byte
		mem := s.mem
		for range s.n {
			if r == nil {
				n, h := binary.Uvarint(mem)
				if h <= 0 || uint64(len(mem)-h) < n {
					yield(nil, errors.New("spill: corrupt record in memory"))
					return
				}
				rec := mem[h : h+int(n)]
				mem = mem[h+int(n):]
				if !yield(rec, nil) {
					return
				}
				continue
			}
			n, err := binary.ReadUvarint(r)
			if err == nil && n > 1<<31 {
				err = fmt.Errorf("record of %d bytes", n)
			}
			if err == nil {
				if uint64(cap(buf)) < n {
					buf = make([]byte, n)
				}
				buf = buf[:n]
				_, err = io.ReadFull(r, buf)
			}
			if err != nil {
				yield(nil, fmt.Errorf("cannot read back the documents' data from %s: %w", s.f.Name(), err))
				return
			}
			if !yield(buf, nil) {
				return
			}
		}
	}
}

// Close releases the store's memory and file.
func (s *Store) Close() error {
	s.mem = nil
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}
