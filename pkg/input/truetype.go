package input

import "encoding/binary"

// trueTypeUnicode inverts the Unicode cmap of an embedded TrueType font
// program: glyph index → character. A composite font with Identity-H
// codes and no ToUnicode map still says, through its own cmap, which
// character each glyph draws. Only the lowest character of a glyph is
// kept. nil when the font has no usable cmap.
func trueTypeUnicode(font []byte) map[uint16]rune {
	be := binary.BigEndian
	if len(font) < 12 {
		return nil
	}
	if string(font[:4]) == "ttcf" { // a collection: its first font
		if len(font) < 16 {
			return nil
		}
		off := int(be.Uint32(font[12:]))
		if off <= 0 || off+12 > len(font) {
			return nil
		}
		font = font[off:]
	}
	n := int(be.Uint16(font[4:]))
	var cmap []byte
	for i := 0; i < n && 12+16*i+16 <= len(font); i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) != "cmap" {
			continue
		}
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || length < 4 || off > len(font) || length > len(font)-off {
			return nil
		}
		cmap = font[off : off+length]
	}
	if len(cmap) < 4 {
		return nil
	}
	// Pick a Unicode subtable: Windows full repertoire, Windows BMP, Unicode.
	best, bestRank := -1, 0
	for i := 0; i < int(be.Uint16(cmap[2:])) && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		pid, eid, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		rank := 0
		switch {
		case pid == 3 && eid == 10:
			rank = 3
		case pid == 3 && eid == 1:
			rank = 2
		case pid == 0:
			rank = 1
		}
		if rank > bestRank && off >= 0 && off+4 <= len(cmap) {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil
	}
	sub := cmap[best:]
	out := map[uint16]rune{}
	add := func(c rune, gid uint32) {
		if gid == 0 || gid > 0xFFFF || c < 0x20 || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000) {
			return
		}
		if old, ok := out[uint16(gid)]; !ok || c < old {
			out[uint16(gid)] = c
		}
	}
	switch be.Uint16(sub) {
	case 4:
		if len(sub) < 14 {
			return nil
		}
		length := min(int(be.Uint16(sub[2:])), len(sub))
		segs := int(be.Uint16(sub[6:])) / 2
		ends, starts := 14, 14+2*segs+2
		deltas, ranges := starts+2*segs, starts+4*segs
		if ranges+2*segs > length {
			return nil
		}
		for s := 0; s < segs; s++ {
			end, start := rune(be.Uint16(sub[ends+2*s:])), rune(be.Uint16(sub[starts+2*s:]))
			delta, ro := be.Uint16(sub[deltas+2*s:]), int(be.Uint16(sub[ranges+2*s:]))
			if start > end || end == 0xFFFF && start == 0xFFFF {
				continue
			}
			for c := start; c <= end && len(out) < 1<<16; c++ {
				if ro == 0 {
					add(c, uint32(uint16(c)+delta))
					continue
				}
				at := ranges + 2*s + ro + 2*int(c-start)
				if at+2 > length {
					break
				}
				if g := be.Uint16(sub[at:]); g != 0 {
					add(c, uint32(g+delta))
				}
			}
		}
	case 12:
		if len(sub) < 16 {
			return nil
		}
		groups := int(be.Uint32(sub[12:]))
		for g := 0; g < groups && 16+12*g+12 <= len(sub) && len(out) < 1<<16; g++ {
			rec := sub[16+12*g:]
			start, end, gid := be.Uint32(rec), be.Uint32(rec[4:]), be.Uint32(rec[8:])
			if end < start || end-start > 1<<16 {
				continue
			}
			for c := start; c <= end; c++ {
				add(rune(c), gid+(c-start))
			}
		}
	default:
		return nil
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
