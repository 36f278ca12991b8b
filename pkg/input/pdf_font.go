package input

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// pdfFont is what the text reader needs of a font: how to cut a string
// into character codes, each code's Unicode text and advance width.
type pdfFont struct {
	name      string
	subtype   string
	composite bool
	spaces    []codespace // codespace ranges of a composite font's CMap
	predef    string      // "identity", "gbk", "gb18030", "big5", "ucs2", "utf8": a predefined CMap
	cidOf     *cmapTable  // codes → CIDs of an embedded encoding CMap
	toUni     *cmapTable  // the ToUnicode CMap
	simple    [256]string // a simple font's codes → text from its Encoding
	widths    []float64   // simple: by code - firstChar, glyph space /1000
	first     int
	missingW  float64
	cidW      []cidWidth // composite: W array
	dw        float64
	vertical  bool
	matrix    float64         // Type3: FontMatrix's horizontal scale ×1000; 1 otherwise
	estimated bool            // widths are not known (standard 14 fonts without /Widths)
	noUnicode bool            // composite Identity font without ToUnicode: no way to text
	gidUni    map[uint16]rune // an embedded TrueType program's cmap, inverted
	cidToGID  []byte          // CIDToGIDMap stream (2 bytes a CID); nil for Identity
}

type codespace struct {
	n      int
	lo, hi [4]byte
}

type cidWidth struct {
	lo, hi uint32
	w      float64
}

// cmapTable maps codes to values: single entries and ranges.
type cmapTable struct {
	single  map[uint32]string
	ranges  []cmapRange
	cids    map[uint32]uint32
	cidRng  []cmapRange
	spaces  []codespace
	usecmap string
}

type cmapRange struct {
	lo, hi uint32
	base   []rune   // bfrange with a string: base + (code - lo) on the last character
	arr    []string // bfrange with an array
	cid    uint32
}

func (t *cmapTable) lookup(code uint32) (string, bool) {
	if t == nil {
		return "", false
	}
	if s, ok := t.single[code]; ok {
		return s, true
	}
	i := sort.Search(len(t.ranges), func(i int) bool { return t.ranges[i].hi >= code })
	for ; i < len(t.ranges) && t.ranges[i].lo <= code; i++ {
		r := t.ranges[i]
		if code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		if len(r.base) == 0 {
			return "", false
		}
		rs := append([]rune(nil), r.base...)
		rs[len(rs)-1] += rune(off)
		return string(rs), true
	}
	return "", false
}

func (t *cmapTable) cid(code uint32) (uint32, bool) {
	if t == nil {
		return 0, false
	}
	if c, ok := t.cids[code]; ok {
		return c, true
	}
	for _, r := range t.cidRng {
		if code >= r.lo && code <= r.hi {
			return r.cid + (code - r.lo), true
		}
	}
	return 0, false
}

// parseCMap reads a CMap program: codespace ranges, bfchar/bfrange
// (ToUnicode) and cidchar/cidrange (encodings), usecmap.
func parseCMap(data []byte) *cmapTable {
	t := &cmapTable{single: map[uint32]string{}, cids: map[uint32]uint32{}}
	l := &pdfLexer{b: data}
	var prev any
	for n := 0; n < 1<<22; n++ {
		tok := l.token()
		if tok == nil {
			break
		}
		k, ok := tok.(pdfKeyword)
		if !ok {
			prev = tok
			continue
		}
		switch k {
		case "usecmap":
			if nm, ok := prev.(pdfName); ok {
				t.usecmap = string(nm)
			}
		case "begincodespacerange":
			for {
				lo, ok1 := l.token().(pdfString)
				hi, ok2 := l.token().(pdfString)
				if !ok1 || !ok2 {
					break
				}
				if len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					cs := codespace{n: len(lo)}
					copy(cs.lo[:], lo)
					copy(cs.hi[:], hi)
					t.spaces = append(t.spaces, cs)
				}
			}
		case "beginbfchar":
			for {
				src, ok := l.token().(pdfString)
				if !ok {
					break
				}
				dst := l.object(0)
				if s, ok := cmapDest(dst); ok && len(src) <= 4 {
					t.single[codeOf(src)] = s
				}
			}
		case "beginbfrange":
			for {
				lo, ok1 := l.token().(pdfString)
				if !ok1 {
					break
				}
				hi, ok2 := l.token().(pdfString)
				dst := l.object(0)
				if !ok2 || len(lo) > 4 || len(hi) > 4 {
					continue
				}
				r := cmapRange{lo: codeOf(lo), hi: codeOf(hi)}
				if r.hi < r.lo {
					continue
				}
				switch d := dst.(type) {
				case pdfString:
					s, _ := cmapDest(d)
					r.base = []rune(s)
				case pdfArray:
					for _, x := range d {
						if int64(len(r.arr)) > int64(r.hi-r.lo) {
							break
						}
						s, _ := cmapDest(x)
						r.arr = append(r.arr, s)
					}
				default:
					continue
				}
				t.ranges = append(t.ranges, r)
			}
		case "begincidchar":
			for {
				src, ok := l.token().(pdfString)
				if !ok {
					break
				}
				if c, ok := l.token().(int64); ok && len(src) <= 4 && c >= 0 {
					t.cids[codeOf(src)] = uint32(c)
				}
			}
		case "begincidrange":
			for {
				lo, ok1 := l.token().(pdfString)
				if !ok1 {
					break
				}
				hi, ok2 := l.token().(pdfString)
				c, ok3 := l.token().(int64)
				if ok2 && ok3 && len(lo) <= 4 && len(hi) <= 4 && c >= 0 {
					t.cidRng = append(t.cidRng, cmapRange{lo: codeOf(lo), hi: codeOf(hi), cid: uint32(c)})
				}
			}
		}
		prev = tok
	}
	sort.SliceStable(t.ranges, func(i, j int) bool { return t.ranges[i].hi < t.ranges[j].hi })
	return t
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

// cmapDest decodes a ToUnicode destination: UTF-16BE bytes, or a glyph name.
func cmapDest(o any) (string, bool) {
	switch d := o.(type) {
	case pdfString:
		if len(d) == 1 {
			return string(rune(d[0])), true
		}
		u := make([]uint16, 0, len(d)/2)
		for i := 0; i+1 < len(d); i += 2 {
			u = append(u, uint16(d[i])<<8|uint16(d[i+1]))
		}
		return string(utf16.Decode(u)), true
	case pdfName:
		if s, ok := glyphText(string(d)); ok {
			return s, true
		}
	}
	return "", false
}

// loadFont reads a font dictionary.
func (f *pdfFile) loadFont(d pdfDict) *pdfFont {
	ft := &pdfFont{name: string(f.name(d["BaseFont"])), subtype: string(f.name(d["Subtype"])), matrix: 1, dw: 1}
	if data, err := f.streamData(d["ToUnicode"]); err == nil && data != nil {
		ft.toUni = parseCMap(data)
	}
	if ft.subtype == "Type0" {
		ft.composite = true
		f.loadComposite(ft, d)
		return ft
	}
	f.loadSimple(ft, d)
	return ft
}

func (f *pdfFile) loadComposite(ft *pdfFont, d pdfDict) {
	var desc pdfDict
	if kids := f.array(d["DescendantFonts"]); len(kids) > 0 {
		desc = f.dict(kids[0])
	}
	switch enc := f.resolve(d["Encoding"]).(type) {
	case pdfName:
		ft.predef, ft.vertical = predefinedCMap(string(enc))
	case *pdfStream:
		data, _ := f.decodeStream(enc, true)
		ft.cidOf = parseCMap(data)
		ft.spaces = ft.cidOf.spaces
		if ft.cidOf.usecmap != "" {
			ft.predef, _ = predefinedCMap(ft.cidOf.usecmap)
		}
		if n, ok := enc.dict["UseCMap"].(pdfName); ok && ft.predef == "" {
			ft.predef, _ = predefinedCMap(string(n))
		}
		if wm, ok := f.int(enc.dict["WMode"]); ok && wm == 1 {
			ft.vertical = true
		}
		if ft.predef == "" && len(ft.spaces) == 0 {
			ft.predef = "identity"
		}
	default:
		ft.predef = "identity"
	}
	if ft.predef == "" && ft.cidOf == nil {
		ft.predef = "identity" // an unknown predefined CMap: read two-byte codes
	}
	ft.dw = 1
	if desc != nil {
		if dw, ok := f.num(desc["DW"]); ok {
			ft.dw = dw / 1000
		}
		w := f.array(desc["W"])
		for i := 0; i+1 < len(w) && len(ft.cidW) < 1<<16; {
			c0, ok := f.int(w[i])
			if !ok {
				break
			}
			if arr, ok := f.resolve(w[i+1]).(pdfArray); ok {
				for k, x := range arr {
					if v, ok := f.num(x); ok {
						ft.cidW = append(ft.cidW, cidWidth{uint32(c0) + uint32(k), uint32(c0) + uint32(k), v / 1000})
					}
				}
				i += 2
				continue
			}
			if i+2 >= len(w) {
				break
			}
			c1, ok1 := f.int(w[i+1])
			v, ok2 := f.num(w[i+2])
			if ok1 && ok2 && c1 >= c0 {
				ft.cidW = append(ft.cidW, cidWidth{uint32(c0), uint32(c1), v / 1000})
			}
			i += 3
		}
		sort.Slice(ft.cidW, func(i, j int) bool { return ft.cidW[i].lo < ft.cidW[j].lo })
	}
	if ft.predef == "identity" && ft.toUni == nil {
		// The font program's own cmap may still say which character each
		// glyph draws.
		if fd := f.dict(desc["FontDescriptor"]); fd != nil {
			if prog, err := f.streamData(fd["FontFile2"]); err == nil && prog != nil {
				ft.gidUni = trueTypeUnicode(prog)
			}
		}
		if m, err := f.streamData(desc["CIDToGIDMap"]); err == nil && m != nil {
			ft.cidToGID = m
		}
		ft.noUnicode = ft.gidUni == nil
	}
}

// predefinedCMap maps the name of a predefined CMap to the way its codes
// are decoded, and whether it writes vertically.
func predefinedCMap(name string) (string, bool) {
	vertical := strings.HasSuffix(name, "-V")
	switch {
	case strings.HasPrefix(name, "Identity"):
		return "identity", vertical
	case strings.HasPrefix(name, "GBK2K"):
		return "gb18030", vertical
	case strings.HasPrefix(name, "GB"): // GB-EUC, GBpc-EUC, GBK-EUC, GBKp-EUC, GBT-EUC
		return "gbk", vertical
	case strings.HasPrefix(name, "UniGB-UTF8"), strings.HasPrefix(name, "UniCNS-UTF8"), strings.HasPrefix(name, "UniJIS-UTF8"), strings.HasPrefix(name, "UniKS-UTF8"):
		return "utf8", vertical
	case strings.HasPrefix(name, "Uni") && (strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16")):
		return "ucs2", vertical
	case strings.HasPrefix(name, "B5"), strings.HasPrefix(name, "ETen"), strings.HasPrefix(name, "HKscs"), strings.HasPrefix(name, "ETHK"), strings.HasPrefix(name, "HKdla"), strings.HasPrefix(name, "HKgccs"), strings.HasPrefix(name, "HKm"):
		return "big5", vertical
	}
	return "", vertical
}

func (f *pdfFile) loadSimple(ft *pdfFont, d pdfDict) {
	fd := f.dict(d["FontDescriptor"])
	flags, _ := f.int(fd["Flags"])
	symbolic := flags&4 != 0
	// The base encoding, then /Differences.
	base := "standard"
	if ft.subtype == "TrueType" || symbolic {
		base = "winansi"
	}
	var diffs pdfArray
	switch e := f.resolve(d["Encoding"]).(type) {
	case pdfName:
		base = baseEncodingName(string(e), base)
	case pdfDict:
		if n, ok := f.resolve(e["BaseEncoding"]).(pdfName); ok {
			base = baseEncodingName(string(n), base)
		}
		diffs = f.array(e["Differences"])
	}
	for c := 0; c < 256; c++ {
		ft.simple[c] = baseEncoding(base, byte(c))
	}
	code := 0
	for _, x := range diffs {
		switch v := f.resolve(x).(type) {
		case int64:
			code = int(v)
		case pdfName:
			if code >= 0 && code < 256 {
				if s, ok := glyphText(string(v)); ok {
					ft.simple[code] = s
				} else {
					ft.simple[code] = "" // a glyph name without a known character
				}
			}
			code++
		}
	}
	// Widths.
	fc, _ := f.int(d["FirstChar"])
	ft.first = int(fc)
	for _, x := range f.array(d["Widths"]) {
		v, _ := f.num(x)
		ft.widths = append(ft.widths, v/1000)
	}
	if mw, ok := f.num(fd["MissingWidth"]); ok {
		ft.missingW = mw / 1000
	}
	if ft.subtype == "Type3" {
		if m := f.array(d["FontMatrix"]); len(m) >= 1 {
			if v, ok := f.num(m[0]); ok {
				ft.matrix = v * 1000
			}
		}
	}
	if len(ft.widths) == 0 {
		ft.estimated = true
		ft.missingW = 0.6
	}
}

func baseEncodingName(n, dflt string) string {
	switch n {
	case "WinAnsiEncoding":
		return "winansi"
	case "MacRomanEncoding", "MacExpertEncoding":
		return "macroman"
	case "StandardEncoding":
		return "standard"
	}
	return dflt
}

func baseEncoding(base string, c byte) string {
	if c < 0x20 {
		return ""
	}
	switch base {
	case "winansi":
		if c < 0x80 {
			return string(rune(c))
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			return ""
		}
		return string(r)
	case "macroman":
		if c < 0x80 {
			return string(rune(c))
		}
		return string(charmap.Macintosh.DecodeByte(c))
	}
	switch c { // StandardEncoding's departures from ASCII
	case 0x27:
		return "’"
	case 0x60:
		return "‘"
	}
	if c < 0x7F {
		return string(rune(c))
	}
	return ""
}

// nextCode cuts the first character code from s: its value and length.
func (ft *pdfFont) nextCode(s []byte) (uint32, int) {
	if !ft.composite {
		return uint32(s[0]), 1
	}
	if len(ft.spaces) > 0 {
		for n := 1; n <= 4 && n <= len(s); n++ {
			for _, cs := range ft.spaces {
				if cs.n != n {
					continue
				}
				ok := true
				for i := 0; i < n; i++ {
					if s[i] < cs.lo[i] || s[i] > cs.hi[i] {
						ok = false
						break
					}
				}
				if ok {
					return codeOf(s[:n]), n
				}
			}
		}
	}
	n := 2
	switch ft.predef {
	case "gbk", "big5":
		if s[0] <= 0x80 {
			n = 1
		}
	case "gb18030":
		switch {
		case s[0] <= 0x80:
			n = 1
		case len(s) >= 4 && s[1] >= 0x30 && s[1] <= 0x39:
			n = 4
		}
	case "utf8":
		_, n = utf8.DecodeRune(s)
	case "ucs2":
		if len(s) >= 4 && s[0] >= 0xD8 && s[0] <= 0xDB {
			n = 4
		}
	}
	n = min(n, len(s))
	return codeOf(s[:n]), n
}

// text returns the Unicode text of a code, and false when the font has no
// way to know it.
func (ft *pdfFont) text(code uint32, n int) (string, bool) {
	if s, ok := ft.toUni.lookup(code); ok {
		return s, true
	}
	if !ft.composite {
		if code < 256 && ft.simple[code] != "" {
			return ft.simple[code], true
		}
		return "", false
	}
	var b [4]byte
	for i := 0; i < n; i++ {
		b[i] = byte(code >> (8 * (n - 1 - i)))
	}
	raw := b[:n]
	switch ft.predef {
	case "gbk", "gb18030":
		if n == 1 && raw[0] < 0x80 {
			return string(rune(raw[0])), true
		}
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err == nil && utf8.Valid(s) && string(s) != "\uFFFD" {
			return string(s), true
		}
	case "big5":
		if n == 1 && raw[0] < 0x80 {
			return string(rune(raw[0])), true
		}
		s, err := traditionalchinese.Big5.NewDecoder().Bytes(raw)
		if err == nil && utf8.Valid(s) && string(s) != "\uFFFD" {
			return string(s), true
		}
	case "ucs2":
		if n == 4 {
			r := utf16.DecodeRune(rune(code>>16), rune(code&0xFFFF))
			return string(r), r != utf8.RuneError
		}
		if r := rune(code); !utf16.IsSurrogate(r) {
			return string(r), true
		}
	case "utf8":
		if utf8.Valid(raw) {
			return string(raw), true
		}
	case "identity":
		if ft.gidUni != nil {
			gid := code
			if ft.cidToGID != nil {
				if int(code)*2+1 >= len(ft.cidToGID) {
					return "", false
				}
				gid = uint32(ft.cidToGID[2*code])<<8 | uint32(ft.cidToGID[2*code+1])
			}
			if r, ok := ft.gidUni[uint16(gid)]; ok && gid <= 0xFFFF {
				return string(r), true
			}
		}
	}
	return "", false
}

// width returns the advance of a code in text space units per unit of
// font size (glyph space / 1000).
func (ft *pdfFont) width(code uint32, n int) float64 {
	if !ft.composite {
		i := int(code) - ft.first
		if i >= 0 && i < len(ft.widths) && ft.widths[i] > 0 {
			return ft.widths[i] * ft.matrix
		}
		return ft.missingW * ft.matrix
	}
	cid, ok := ft.cidOf.cid(code)
	if !ok {
		switch ft.predef {
		case "identity":
			cid, ok = code, true
		case "gbk", "gb18030", "big5", "ucs2", "utf8":
			// Adobe-GB1 and Adobe-CNS1 give CIDs 1-95 to ASCII 0x20-0x7E.
			if code >= 0x20 && code <= 0x7E {
				cid, ok = code-31, true
			}
		}
	}
	if ok && len(ft.cidW) > 0 {
		i := sort.Search(len(ft.cidW), func(i int) bool { return ft.cidW[i].hi >= cid })
		for ; i < len(ft.cidW) && ft.cidW[i].lo <= cid; i++ {
			if cid <= ft.cidW[i].hi {
				return ft.cidW[i].w
			}
		}
	}
	if !ok && code >= 0x20 && code <= 0x7E && n == 1 {
		return 0.5
	}
	return ft.dw
}

// glyphText maps a glyph name to its text: uniXXXX, uXXXX[XX], and the
// names of ASCII, Latin-1 punctuation and common typographic characters.
func glyphText(name string) (string, bool) {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // "a.sc", "one.oldstyle"
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var rs []rune
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return "", false
			}
			rs = append(rs, rune(v))
		}
		return string(utf16.Decode(runesToUnits(rs))), true
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10FFFF {
			return string(rune(v)), true
		}
	}
	if len(name) == 1 && (name[0] >= 'A' && name[0] <= 'Z' || name[0] >= 'a' && name[0] <= 'z') {
		return name, true
	}
	if r, ok := glyphNames[name]; ok {
		return string(r), true
	}
	return "", false
}

func runesToUnits(rs []rune) []uint16 {
	u := make([]uint16, len(rs))
	for i, r := range rs {
		u[i] = uint16(r)
	}
	return u
}

// glyphNames: the Adobe glyph names of ASCII and common punctuation.
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "parenleft": '(', "parenright": ')', "asterisk": '*',
	"plus": '+', "comma": ',', "hyphen": '-', "period": '.', "slash": '/', "zero": '0', "one": '1',
	"two": '2', "three": '3', "four": '4', "five": '5', "six": '6', "seven": '7', "eight": '8',
	"nine": '9', "colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
	"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\', "bracketright": ']',
	"asciicircum": '^', "underscore": '_', "grave": '`', "braceleft": '{', "bar": '|',
	"braceright": '}', "asciitilde": '~', "quoteleft": '‘', "quoteright": '’', "quotedblleft": '“',
	"quotedblright": '”', "quotesinglbase": '‚', "quotedblbase": '„', "endash": '–', "emdash": '—',
	"bullet": '•', "ellipsis": '…', "periodcentered": '·', "middot": '·', "degree": '°',
	"copyright": '©', "registered": '®', "trademark": '™', "section": '§', "paragraph": '¶',
	"dagger": '†', "daggerdbl": '‡', "perthousand": '‰', "guillemotleft": '«', "guillemotright": '»',
	"nbspace": ' ', "minus": '−', "multiply": '×', "divide": '÷', "plusminus": '±', "yen": '¥',
	"sterling": '£', "cent": '¢', "Euro": '€', "fi": 'ﬁ', "fl": 'ﬂ', "exclamdown": '¡',
	"questiondown": '¿', "onehalf": '½', "onequarter": '¼', "threequarters": '¾',
	"eacute": 'é', "egrave": 'è', "aacute": 'á', "agrave": 'à', "udieresis": 'ü', "odieresis": 'ö',
	"adieresis": 'ä', "ccedilla": 'ç', "ntilde": 'ñ', "germandbls": 'ß', "oacute": 'ó', "uacute": 'ú',
	"iacute": 'í', "ecircumflex": 'ê', "acircumflex": 'â', "ocircumflex": 'ô',
}
