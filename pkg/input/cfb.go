package input

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// A reader of OLE compound files ([MS-CFB]), the container of Word 97-2003
// .doc, WPS .wps, .xls and password-protected Office Open XML files.
// Written here because the format is small and every sector number in it
// must be checked: a damaged or hostile file gives an error, never a
// panic, a loop or an allocation larger than the file.

const (
	cfbFree       = 0xFFFFFFFF
	cfbEndOfChain = 0xFFFFFFFE
	cfbNoStream   = 0xFFFFFFFF
	cfbMaxRegSect = 0xFFFFFFFA
)

var errCFB = errors.New("damaged compound file")

// cfbFile is a parsed compound file held in memory.
type cfbFile struct {
	raw        []byte
	sectorSize int
	fat        []uint32
	miniFAT    []uint32
	miniStream []byte
	entries    []cfbEntry
	cutoff     uint32
}

// cfbEntry is one directory entry.
type cfbEntry struct {
	name               string
	typ                byte // 1 storage, 2 stream, 5 root
	left, right, child uint32
	start              uint32
	size               uint64
}

func cfbError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errCFB}, args...)...)
}

// parseCFB reads the header, the allocation tables and the directory.
func parseCFB(raw []byte) (*cfbFile, error) {
	if len(raw) < 512 || !hasPrefix(raw, oleMagic) {
		return nil, cfbError("no compound-file header")
	}
	le := binary.LittleEndian
	shift := le.Uint16(raw[30:])
	if shift != 9 && shift != 12 {
		return nil, cfbError("sector size 2^%d", shift)
	}
	c := &cfbFile{raw: raw, sectorSize: 1 << shift, cutoff: le.Uint32(raw[56:])}
	nSectors := (len(raw) - 512 + c.sectorSize - 1) / c.sectorSize
	if c.sectorSize == 4096 {
		nSectors = (len(raw) - 4096 + c.sectorSize - 1) / c.sectorSize
	}
	if nSectors <= 0 {
		return nil, cfbError("no sectors")
	}
	// The DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
	numFAT := int(le.Uint32(raw[44:]))
	if numFAT > nSectors {
		return nil, cfbError("%d FAT sectors in a file of %d", numFAT, nSectors)
	}
	difat := make([]uint32, 0, numFAT)
	for i := 0; i < 109 && len(difat) < numFAT; i++ {
		difat = append(difat, le.Uint32(raw[76+4*i:]))
	}
	next := le.Uint32(raw[68:])
	per := c.sectorSize/4 - 1
	for steps := 0; len(difat) < numFAT && next <= cfbMaxRegSect; steps++ {
		if steps > nSectors {
			return nil, cfbError("DIFAT chain loops")
		}
		s, err := c.sector(next)
		if err != nil {
			return nil, err
		}
		for i := 0; i < per && len(difat) < numFAT; i++ {
			difat = append(difat, le.Uint32(s[4*i:]))
		}
		next = le.Uint32(s[4*per:])
	}
	if len(difat) < numFAT {
		return nil, cfbError("DIFAT lists %d of %d FAT sectors", len(difat), numFAT)
	}
	c.fat = make([]uint32, 0, numFAT*c.sectorSize/4)
	for _, sn := range difat {
		s, err := c.sector(sn)
		if err != nil {
			return nil, err
		}
		for i := 0; i < len(s); i += 4 {
			c.fat = append(c.fat, le.Uint32(s[i:]))
		}
	}
	// The directory.
	dir, err := c.chain(le.Uint32(raw[48:]), -1)
	if err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	for off := 0; off+128 <= len(dir); off += 128 {
		e := dir[off : off+128]
		n := int(le.Uint16(e[64:]))
		if n > 64 {
			n = 64
		}
		u := make([]uint16, 0, 32)
		for i := 0; i+1 < n; i += 2 {
			if v := le.Uint16(e[i:]); v != 0 {
				u = append(u, v)
			}
		}
		c.entries = append(c.entries, cfbEntry{
			name: string(utf16.Decode(u)), typ: e[66],
			left: le.Uint32(e[68:]), right: le.Uint32(e[72:]), child: le.Uint32(e[76:]),
			start: le.Uint32(e[116:]), size: le.Uint64(e[120:]),
		})
	}
	if len(c.entries) == 0 || c.entries[0].typ != 5 {
		return nil, cfbError("no root entry")
	}
	if le.Uint16(raw[26:]) == 3 {
		for i := range c.entries {
			c.entries[i].size &= 0xFFFFFFFF // version 3: the high half is undefined
		}
	}
	// The mini stream (in the root entry's chain) and its allocation table.
	root := c.entries[0]
	if root.size > 0 && root.start <= cfbMaxRegSect {
		if root.size > uint64(len(raw)) {
			return nil, cfbError("mini stream of %d bytes in a file of %d", root.size, len(raw))
		}
		if c.miniStream, err = c.chain(root.start, int64(root.size)); err != nil {
			return nil, fmt.Errorf("mini stream: %w", err)
		}
		mf, err := c.chain(le.Uint32(raw[60:]), -1)
		if err != nil {
			return nil, fmt.Errorf("mini FAT: %w", err)
		}
		for i := 0; i+4 <= len(mf); i += 4 {
			c.miniFAT = append(c.miniFAT, le.Uint32(mf[i:]))
		}
	}
	return c, nil
}

// sector returns sector n.
func (c *cfbFile) sector(n uint32) ([]byte, error) {
	if n > cfbMaxRegSect {
		return nil, cfbError("sector %#x", n)
	}
	off := (int64(n) + 1) * int64(c.sectorSize)
	if off+int64(c.sectorSize) > int64(len(c.raw)) {
		if off < int64(len(c.raw)) { // a short last sector: take what there is
			return c.raw[off:], nil
		}
		return nil, cfbError("sector %d past the end of the file (truncated?)", n)
	}
	return c.raw[off : off+int64(c.sectorSize)], nil
}

// chain concatenates the sectors of a FAT chain; size, if not negative,
// is the stream's length (the chain must cover it).
func (c *cfbFile) chain(start uint32, size int64) ([]byte, error) {
	if start == cfbEndOfChain || start == cfbFree {
		if size > 0 {
			return nil, cfbError("empty chain for %d bytes", size)
		}
		return nil, nil
	}
	capHint := int64(c.sectorSize)
	if size > 0 {
		capHint = size
	}
	out := make([]byte, 0, min(capHint, int64(len(c.raw))))
	seen := make(map[uint32]bool)
	for n := start; n != cfbEndOfChain; {
		if seen[n] || int(n) >= len(c.fat) {
			if seen[n] {
				return nil, cfbError("sector chain loops")
			}
			return nil, cfbError("sector %d outside the allocation table", n)
		}
		seen[n] = true
		s, err := c.sector(n)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
		if size >= 0 && int64(len(out)) >= size {
			return out[:size], nil
		}
		n = c.fat[n]
	}
	if size >= 0 && int64(len(out)) < size {
		return nil, cfbError("stream of %d bytes has only %d", size, len(out))
	}
	return out, nil
}

// miniChain is chain over the mini stream.
func (c *cfbFile) miniChain(start uint32, size int64) ([]byte, error) {
	out := make([]byte, 0, size)
	seen := make(map[uint32]bool)
	for n := start; int64(len(out)) < size; {
		if n == cfbEndOfChain || seen[n] || int(n) >= len(c.miniFAT) {
			return nil, cfbError("mini stream chain broken")
		}
		seen[n] = true
		off := int64(n) * 64
		if off+64 > int64(len(c.miniStream)) {
			return nil, cfbError("mini sector %d past the mini stream", n)
		}
		out = append(out, c.miniStream[off:off+64]...)
		n = c.miniFAT[n]
	}
	return out[:size], nil
}

// rootNames returns the entries directly under the root storage, by name.
func (c *cfbFile) rootNames() map[string]int {
	names := make(map[string]int)
	seen := make(map[uint32]bool)
	var walk func(i uint32, depth int)
	walk = func(i uint32, depth int) {
		if i == cfbNoStream || int(i) >= len(c.entries) || seen[i] || depth > 64 {
			return
		}
		seen[i] = true
		e := c.entries[i]
		names[e.name] = int(i)
		walk(e.left, depth+1)
		walk(e.right, depth+1)
	}
	walk(c.entries[0].child, 0)
	return names
}

// stream returns the content of a root-level stream, or ok false.
func (c *cfbFile) stream(name string, b *budget) (data []byte, ok bool, err error) {
	i, found := c.rootNames()[name]
	if !found || c.entries[i].typ != 2 {
		return nil, false, nil
	}
	e := c.entries[i]
	if e.size > uint64(len(c.raw)) {
		return nil, true, cfbError("stream %s of %d bytes in a file of %d", name, e.size, len(c.raw))
	}
	if err := b.take(int64(e.size), name); err != nil {
		return nil, true, err
	}
	if e.size < uint64(c.cutoff) {
		data, err = c.miniChain(e.start, int64(e.size))
	} else {
		data, err = c.chain(e.start, int64(e.size))
	}
	if err != nil {
		return nil, true, fmt.Errorf("stream %s: %w", name, err)
	}
	return data, true, nil
}
