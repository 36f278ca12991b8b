// Package script detects and converts the script of Chinese text:
// Simplified, Traditional (OpenCC standard) and its Taiwan and Hong Kong
// variants, the way OpenCC 1.1.6 does.
//
// The conversion tables are OpenCC's dictionaries as shipped in gocc
// (github.com/liuzl/gocc), corrected to OpenCC 1.1.6 by the overlay in
// dict/opencc and compiled to rune tries at build time (go generate
// ./dict/opencc). Each is decoded on first use; nothing happens at start-up.
// The package keeps no mutable state besides those lazily built, read-only
// tables and converters, and everything it returns is safe for concurrent use.
package script

import (
	"sort"
	"unicode/utf8"
	"unsafe"
)

// Kind is the script of a text.
type Kind int

// The kinds of script.
const (
	Unknown Kind = iota
	Simplified
	Traditional
	Mixed
)

func (k Kind) String() string {
	switch k {
	case Simplified:
		return "simplified"
	case Traditional:
		return "traditional"
	case Mixed:
		return "mixed"
	}
	return "unknown"
}

// Detection is the result of Detect.
type Detection struct {
	Kind Kind
	// Han is the number of Han characters; SimpOnly and TradOnly count those
	// that only Simplified or only Traditional text uses (发, 后 is neither;
	// 發, 後 are Traditional-only).
	Han, SimpOnly, TradOnly int
	// SimpShare and TradShare are SimpOnly and TradOnly over Han.
	SimpShare, TradShare float64
}

// MixedMinority is the share of the script-specific characters that the
// minority script must reach for a text to count as Mixed.
const MixedMinority = 0.1

// Detect counts the Han characters of text that are specific to Simplified or
// to Traditional script and classifies the text: Unknown when it has no
// script-specific character, Mixed when the minority script has at least
// MixedMinority of them, otherwise the majority script.
func Detect(text string) Detection {
	var d Detection
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			// a three-byte sequence with no overlong or surrogate form
			// (lead bytes E0 and ED have those): what DecodeRuneInString
			// returns, without its call (most of a Chinese text)
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			i += 3
			if r >= 0x4E00 && r <= 0x9FFF {
				// the unified ideographs: Han, classed by the table
				d.Han++
				k := int(r - 0x3400)
				switch (classPacked[k/4] >> (2 * (k % 4))) & 3 {
				case 1:
					d.SimpOnly++
				case 2:
					d.TradOnly++
				}
				continue
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
		}
		if !isHan(r) {
			continue
		}
		d.Han++
		switch classOf(r) {
		case 1:
			d.SimpOnly++
		case 2:
			d.TradOnly++
		}
	}
	d.classify()
	return d
}

// DetectBytes is Detect of text held in bytes, without copying them into a
// string.
func DetectBytes(text []byte) Detection {
	return Detect(unsafe.String(unsafe.SliceData(text), len(text)))
}

// Add is the detection of two texts taken together (the parts of one
// document): the counts add up and the text is classified again.
func (d Detection) Add(o Detection) Detection {
	d.Han += o.Han
	d.SimpOnly += o.SimpOnly
	d.TradOnly += o.TradOnly
	d.classify()
	return d
}

func (d *Detection) classify() {
	d.SimpShare, d.TradShare = 0, 0
	if d.Han > 0 {
		d.SimpShare = float64(d.SimpOnly) / float64(d.Han)
		d.TradShare = float64(d.TradOnly) / float64(d.Han)
	}
	s, t := d.SimpOnly, d.TradOnly
	switch {
	case s+t == 0:
		d.Kind = Unknown
	case float64(min(s, t)) >= MixedMinority*float64(s+t):
		d.Kind = Mixed
	case s > t:
		d.Kind = Simplified
	default:
		d.Kind = Traditional
	}
}

func isHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF,
		r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x323AF,
		r == 0x3007, r >= 0x2E80 && r <= 0x2FDF:
		return true
	}
	return false
}

// Of returns the script a single character is specific to: Simplified for
// a Simplified-only character (发), Traditional for a Traditional-only one
// (發), Unknown for every other (a character written the same in both
// scripts, a standard character of either, or no Han character at all).
// Characters of the 通用规范汉字表 (2013) are never Traditional-only: 吒, 昇
// and 陞 are standard Simplified for names.
func Of(r rune) Kind {
	switch classOf(r) {
	case 1:
		return Simplified
	case 2:
		return Traditional
	}
	return Unknown
}

// classOf returns 1 for a Simplified-only character, 2 for a
// Traditional-only one, 0 otherwise (tables in detect_table.go).
func classOf(r rune) byte {
	var i int
	switch {
	case r >= 0x3400 && r < 0xA000:
		i = int(r - 0x3400)
	case r >= 0xF900 && r < 0xFB00:
		i = int(r-0xF900) + (0xA000 - 0x3400)
	default:
		if in(otherSimpOnly[:], r) {
			return 1
		}
		if in(otherTradOnly[:], r) {
			return 2
		}
		return 0
	}
	return (classPacked[i/4] >> (2 * (i % 4))) & 3
}

func in(rs []rune, r rune) bool {
	j := sort.Search(len(rs), func(k int) bool { return rs[k] >= r })
	return j < len(rs) && rs[j] == r
}
