// Package hanzi embeds character lists that zhpolicy checks text against:
// the 通用规范汉字表 (Table of General Standard Chinese Characters, 2013) and
// the one-character words of gse's Simplified dictionary. Both are derived
// by ./gen from public data (Unihan's kTGHZ2013 field; gse's word list);
// provenance in dict/SOURCES.md, section "Character lists".
//
// The lists are packed bitsets in constant strings: nothing is decoded or
// allocated at start-up.
package hanzi

//go:generate go run ./gen -o tables.go

import "sort"

// Tongyong reports whether r is one of the 8,105 characters of the
// 通用规范汉字表 (2013), the standard of Simplified Chinese characters in
// general use.
func Tongyong(r rune) bool { return in(tongyongBits, tongyongOther[:], r) }

// GseWord reports whether r is a one-character word of gse's Simplified
// dictionary (the dictionary zhpolicy segments with).
func GseWord(r rune) bool { return in(gseBits, gseOther[:], r) }

// Known reports whether the Simplified tools zhpolicy relies on know r: it
// is in the 通用规范汉字表 or a word of gse's dictionary.
func Known(r rune) bool { return Tongyong(r) || GseWord(r) }

func in(bits string, other []rune, r rune) bool {
	if r >= 0x3400 && r < 0xA000 {
		i := int(r - 0x3400)
		return bits[i/8]&(1<<(i%8)) != 0
	}
	if r < 0x3400 {
		return false
	}
	j := sort.Search(len(other), func(k int) bool { return other[k] >= r })
	return j < len(other) && other[j] == r
}
