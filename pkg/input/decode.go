package input

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Canonical encoding names, as reported in Document.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
	EncBig5    = "big5"
)

// kind is an encoding family the decoder knows.
type kind uint8

const (
	kAuto kind = iota
	kUTF8
	kUTF16LE
	kUTF16BE
	kUTF16 // UTF-16 of unknown byte order (from a user's "utf-16"): BOM, or detected
	kGB18030
	kBig5
)

// Byte-order marks.
const (
	bomUTF8    = "\xEF\xBB\xBF"
	bomUTF16LE = "\xFF\xFE"
	bomUTF16BE = "\xFE\xFF"
)

// hasPrefix is bytes.HasPrefix for a string prefix, without allocating.
func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

// parseKind maps a user-given or HTML-declared encoding label to a kind.
func parseKind(name string) (kind, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.ReplaceAll(n, "_", "-")
	switch n {
	case "", "auto":
		return kAuto, true
	case "utf-8", "utf8", "utf-8-bom", "utf8-bom", "utf-8-sig", "unicode-1-1-utf-8":
		return kUTF8, true
	case "utf-16le", "utf16le", "utf-16-le":
		return kUTF16LE, true
	case "utf-16be", "utf16be", "utf-16-be":
		return kUTF16BE, true
	case "utf-16", "utf16", "ucs-2", "unicode":
		return kUTF16, true
	case "gb18030", "gbk", "gb2312", "gb-2312", "gb-2312-80", "cp936", "ms936", "windows-936",
		"euc-cn", "x-gbk", "x-euc-cn", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280":
		return kGB18030, true
	case "big5", "big-5", "cp950", "ms950", "windows-950", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
		return kBig5, true
	}
	return kAuto, false
}

// ParseEncoding checks an encoding name as Options.Encoding accepts it and
// returns its canonical form: "auto" for "" and "auto", else one of
// "utf-8", "utf-16le", "utf-16be", "utf-16" (byte order from the BOM),
// "gb18030" (also for gbk and gb2312, which it extends) or "big5".
// Names are case-insensitive. An unknown name gives an error wrapping
// ErrEncoding that lists the accepted names; use it to check a flag early.
func ParseEncoding(name string) (string, error) {
	k, ok := parseKind(name)
	if !ok {
		return "", fmt.Errorf("%w %q; use auto, utf-8, utf-16le, utf-16be, gb18030, gbk, gb2312 or big5", ErrEncoding, name)
	}
	switch k {
	case kUTF8:
		return EncUTF8, nil
	case kUTF16LE:
		return EncUTF16LE, nil
	case kUTF16BE:
		return EncUTF16BE, nil
	case kUTF16:
		return "utf-16", nil
	case kGB18030:
		return EncGB18030, nil
	case kBig5:
		return EncBig5, nil
	}
	return "auto", nil
}

// kindOfName maps a canonical detected name (see DetectEncoding) to its kind.
func kindOfName(enc string) kind {
	switch enc {
	case EncUTF16LE:
		return kUTF16LE
	case EncUTF16BE:
		return kUTF16BE
	case EncGB18030:
		return kGB18030
	case EncBig5:
		return kBig5
	}
	return kUTF8
}

// resolve decides how to decode raw given the requested encoding: the kind,
// the length of a byte-order mark to skip and the name to report.
// truncated says raw is only the start of the input.
func resolve(raw []byte, requested string, truncated bool) (k kind, bom int, name string, err error) {
	k, bom, name, _, err = resolveChecked(raw, requested, truncated)
	return k, bom, name, err
}

// resolveChecked is resolve, and how much of raw detection found valid
// UTF-8 (raw[:checked]; 0 when it did not look or did not detect).
func resolveChecked(raw []byte, requested string, truncated bool) (k kind, bom int, name string, checked int, err error) {
	k, ok := parseKind(requested)
	if !ok {
		_, err = ParseEncoding(requested)
		return 0, 0, "", 0, err
	}
	switch k {
	case kAuto:
		name, checked = detectChecked(raw, truncated)
		k = kindOfName(name)
	case kUTF8:
		name = EncUTF8
	case kUTF16LE:
		name = EncUTF16LE
	case kUTF16BE:
		name = EncUTF16BE
	case kUTF16:
		switch {
		case hasPrefix(raw, bomUTF16BE):
			k, name = kUTF16BE, EncUTF16BE
		case hasPrefix(raw, bomUTF16LE):
			k, name = kUTF16LE, EncUTF16LE
		default:
			if enc, ok := detectUTF16(raw, truncated); ok && enc == EncUTF16BE {
				k, name = kUTF16BE, EncUTF16BE
			} else {
				k, name = kUTF16LE, EncUTF16LE
			}
		}
	case kGB18030:
		name = EncGB18030
	case kBig5:
		name = EncBig5
	}
	switch {
	case k == kUTF8 && hasPrefix(raw, bomUTF8):
		bom, name = len(bomUTF8), EncUTF8BOM
	case k == kUTF16LE && hasPrefix(raw, bomUTF16LE):
		bom = 2
	case k == kUTF16BE && hasPrefix(raw, bomUTF16BE):
		bom = 2
	}
	return k, bom, name, checked, nil
}

// Decode decodes raw to UTF-8. encoding is "" or "auto" to detect it (see
// DetectEncoding), or a name ParseEncoding accepts. It returns the text
// (always valid UTF-8, byte-order mark removed), the canonical name of the
// encoding used ("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030",
// "big5"), and warnings: invalid byte sequences are replaced by U+FFFD and
// a warning gives the raw offset of the first and their count.
// NUL characters are kept, with a warning of their count. The only error
// is an unknown encoding name (ErrEncoding).
func Decode(raw []byte, encoding string) (text string, enc string, warns []Warning, err error) {
	k, bom, enc, err := resolve(raw, encoding, false)
	if err != nil {
		return "", "", nil, err
	}
	text, warns = decodeBody(raw, k, bom)
	return text, enc, warns, nil
}

// decodeBody decodes raw[bom:] as k; warning offsets count from raw[0].
func decodeBody(raw []byte, k kind, bom int) (string, []Warning) {
	text, warns, _ := decodeBodyContext(context.Background(), raw, k, bom)
	return text, warns
}

// decodeBodyContext is decodeBody checking ctx between blocks.
func decodeBodyContext(ctx context.Context, raw []byte, k kind, bom int) (string, []Warning, error) {
	return decodeOwned(ctx, raw, k, bom, 0, false)
}

// decodeOwned is decodeBodyContext knowing that raw[:checked] is valid
// UTF-8 (checked at a rune boundary), and when owned, that raw is the
// caller's to give away: nothing else holds or changes it. Valid UTF-8
// without NULs is then the text without a copy, when raw's array is not
// much bigger than the text (the text keeps it alive).
func decodeOwned(ctx context.Context, raw []byte, k kind, bom, checked int, owned bool) (string, []Warning, error) {
	body := raw[bom:]
	if k == kUTF8 && utf8.Valid(raw[max(bom, min(checked, len(raw))):]) && bytes.IndexByte(body, 0) < 0 {
		if owned && len(body) > 0 && cap(raw)-len(raw) <= len(raw)/16+64 {
			return unsafe.String(&body[0], len(body)), nil, nil
		}
		return string(body), nil, nil
	}
	d := newDecoder(k, int64(bom))
	out := make([]byte, 0, len(body)+len(body)/2+16)
	for len(body) > 0 {
		if err := ctx.Err(); err != nil {
			return "", nil, err
		}
		n := min(len(body), 4*checkEvery)
		chunk := body[:n]
		atEOF := n == len(body)
		for {
			nDst, nSrc, err := d.Transform(out[len(out):cap(out)], chunk, atEOF)
			out = out[:len(out)+nDst]
			chunk = chunk[nSrc:]
			body = body[nSrc:]
			if err == transform.ErrShortDst {
				out = append(out, make([]byte, len(chunk)*2+16)...)[:len(out)]
				continue
			}
			break // nil, or ErrShortSrc: a sequence cut at the chunk's end goes with the next chunk
		}
		if !atEOF && len(chunk) == n {
			// No progress on a full chunk cannot happen (sequences are at most 4 bytes).
			return "", nil, fmt.Errorf("decoder made no progress")
		}
	}
	return string(out), d.warnings(), nil
}

// decoder is a transform.Transformer decoding one encoding to UTF-8. It
// replaces invalid or unmappable sequences with U+FFFD and counts them,
// keeping the raw offset of the first. GB18030 and Big5 are mapped by
// golang.org/x/text (runs of well-formed sequences at once), with sequence
// boundaries decided here as x/text decides them, so the text is byte for
// byte what x/text's decoder produces, with one exception: x/text takes a
// lead byte followed by 0x3A..0x3F as a four-byte GB18030 sequence, which
// the standard (second byte 0x30..0x39) and this decoder do not.
type decoder struct {
	k     kind
	inner transform.Transformer // x/text decoder for gb18030 and big5
	pos   int64                 // raw offset of the next source byte
	bad   int64                 // invalid sequences replaced so far
	first int64                 // raw offset of the first, -1 if none
	start int64                 // pos at creation (for Reset)
	nul   int64                 // NUL characters seen (kept in the text)
	nul0  int64                 // raw offset of the first, -1 if none
}

func newDecoder(k kind, offset int64) *decoder {
	d := &decoder{k: k, pos: offset, first: -1, start: offset, nul0: -1}
	switch k {
	case kGB18030:
		d.inner = simplifiedchinese.GB18030.NewDecoder()
	case kBig5:
		d.inner = traditionalchinese.Big5.NewDecoder()
	}
	return d
}

// Reset implements transform.Transformer.
func (d *decoder) Reset() {
	d.pos, d.bad, d.first, d.nul, d.nul0 = d.start, 0, -1, 0, -1
	if d.inner != nil {
		d.inner.Reset()
	}
}

func (d *decoder) markBad(at int) {
	if d.bad == 0 {
		d.first = d.pos + int64(at)
	}
	d.bad++
}

func (d *decoder) warnings() []Warning {
	var w []Warning
	if d.bad > 0 {
		what := "sequence"
		if d.bad > 1 {
			what = "sequences"
		}
		w = append(w, Warning{
			Offset: d.first,
			Message: fmt.Sprintf("%d invalid %s byte %s replaced with U+FFFD (first at byte %d)",
				d.bad, d.name(), what, d.first),
		})
	}
	if d.nul > 0 {
		what := "character"
		if d.nul > 1 {
			what = "characters"
		}
		w = append(w, Warning{
			Offset:  d.nul0,
			Message: fmt.Sprintf("%d NUL %s kept in the text (first at byte %d)", d.nul, what, d.nul0),
		})
	}
	return w
}

// markNUL counts a NUL character at src offset at.
func (d *decoder) markNUL(at int) {
	if d.nul == 0 {
		d.nul0 = d.pos + int64(at)
	}
	d.nul++
}

// countNULs counts the NUL bytes of src, which the 8-bit decoders
// consumed whole (a NUL is never part of a multi-byte sequence in UTF-8,
// GB18030 or Big5).
func (d *decoder) countNULs(src []byte) {
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], 0)
		if j < 0 {
			return
		}
		d.markNUL(i + j)
		i += j + 1
	}
}

func (d *decoder) name() string {
	switch d.k {
	case kUTF16LE:
		return EncUTF16LE
	case kUTF16BE:
		return EncUTF16BE
	case kGB18030:
		return EncGB18030
	case kBig5:
		return EncBig5
	}
	return EncUTF8
}

// decodeAll decodes all of src, appending to dst.
func (d *decoder) decodeAll(src, dst []byte) []byte {
	if dst == nil {
		dst = make([]byte, 0, len(src)+len(src)/2+16)
	}
	for {
		nDst, nSrc, err := d.Transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+nDst]
		src = src[nSrc:]
		if err != transform.ErrShortDst || len(src) == 0 {
			return dst
		}
		dst = append(dst, make([]byte, len(src)+16)...)[:len(dst)]
	}
}

const replacement = "\uFFFD"

// Transform implements transform.Transformer.
func (d *decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	switch d.k {
	case kUTF16LE, kUTF16BE, kUTF16:
		nDst, nSrc, err = d.utf16(dst, src, atEOF)
	case kGB18030, kBig5:
		nDst, nSrc, err = d.multiByte(dst, src, atEOF)
		d.countNULs(src[:nSrc])
	default:
		nDst, nSrc, err = d.utf8(dst, src, atEOF)
		d.countNULs(src[:nSrc])
	}
	d.pos += int64(nSrc)
	return nDst, nSrc, err
}

func (d *decoder) utf8(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		// Copy the longest run of valid UTF-8 that fits in dst at once:
		// all of it up to a rune cut at the limit, when it is valid (one
		// utf8.Valid, the common case), else rune by rune.
		end, limit := nSrc, min(len(src), nSrc+len(dst)-nDst)
		if whole := completeRunes(src, nSrc, limit); whole > nSrc && utf8.Valid(src[nSrc:whole]) {
			end = whole
		}
		for end < limit {
			c := src[end]
			if c < utf8.RuneSelf {
				end++
				continue
			}
			r, size := utf8.DecodeRune(src[end:limit])
			if r == utf8.RuneError && size == 1 {
				break
			}
			end += size
		}
		if end > nSrc {
			nDst += copy(dst[nDst:], src[nSrc:end])
			nSrc = end
			continue
		}
		// src[nSrc] is an invalid or incomplete sequence, or a rune that
		// does not fit in dst.
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if nDst+len(replacement) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], replacement)
			d.markBad(nSrc)
			nSrc++
			continue
		}
		if nDst+size > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
		nSrc += size
	}
	return nDst, nSrc, nil
}

// completeRunes is limit, or where a rune that limit cuts starts: the
// end of the whole runes of src[from:limit] if it is valid UTF-8.
func completeRunes(src []byte, from, limit int) int {
	for k := limit - 1; k >= from && k >= limit-utf8.UTFMax+1; k-- {
		if src[k]&0xC0 != 0x80 { // a rune starts at k
			if !utf8.FullRune(src[k:limit]) {
				return k
			}
			break
		}
	}
	return limit
}

func (d *decoder) utf16(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	unit := func(b []byte) rune {
		if d.k == kUTF16BE {
			return rune(b[0])<<8 | rune(b[1])
		}
		return rune(b[1])<<8 | rune(b[0])
	}
	for nSrc < len(src) {
		if len(src)-nSrc < 2 {
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			// A trailing odd byte.
			if nDst+len(replacement) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], replacement)
			d.markBad(nSrc)
			nSrc++
			continue
		}
		r, size := unit(src[nSrc:]), 2
		switch {
		case r >= 0xD800 && r < 0xDC00: // high surrogate: needs a low one
			if len(src)-nSrc < 4 {
				if !atEOF {
					return nDst, nSrc, transform.ErrShortSrc
				}
				r = -1
				break
			}
			if r2 := unit(src[nSrc+2:]); r2 >= 0xDC00 && r2 < 0xE000 {
				r, size = 0x10000+(r-0xD800)<<10+(r2-0xDC00), 4
			} else {
				r = -1
			}
		case r >= 0xDC00 && r < 0xE000: // lone low surrogate
			r = -1
		}
		if r == 0 {
			d.markNUL(nSrc)
		}
		if r < 0 {
			if nDst+len(replacement) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], replacement)
			d.markBad(nSrc)
			nSrc += size
			continue
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// gbSeq returns the length of the GB18030 sequence at the start of s (s[0]
// >= 0x80) exactly as x/text's decoder consumes it, and whether it is well
// formed. size 0 means more input is needed to decide.
func gbSeq(s []byte, atEOF bool) (size int, ok bool) {
	c0 := s[0]
	switch {
	case c0 == 0x80: // the euro sign in CP936
		return 1, true
	case c0 == 0xFF:
		return 1, false
	}
	if len(s) < 2 {
		if !atEOF {
			return 0, false
		}
		return 1, false
	}
	switch c1 := s[1]; {
	case 0x40 <= c1 && c1 <= 0x7E, 0x80 <= c1 && c1 <= 0xFE:
		return 2, true
	case 0x30 <= c1 && c1 <= 0x39:
		if len(s) < 4 {
			if !atEOF {
				return 0, false
			}
			return 1, false
		}
		c2, c3 := s[2], s[3]
		if c2 < 0x81 || c2 == 0xFF || c3 < 0x30 || c3 > 0x39 {
			return 1, false
		}
		r := ((int(c0-0x81)*10+int(c1-0x30))*126+int(c2-0x81))*10 + int(c3-0x30)
		if r < 39420 || (r >= 189000 && r < 189000+0x100000) {
			return 4, true
		}
		return 1, false
	}
	return 1, false
}

// big5Seq is gbSeq for Big5.
func big5Seq(s []byte, atEOF bool) (size int, ok bool) {
	c0 := s[0]
	if c0 == 0x80 || c0 == 0xFF {
		return 1, false
	}
	if len(s) < 2 {
		if !atEOF {
			return 0, false
		}
		return 1, false
	}
	switch c1 := s[1]; {
	case 0x40 <= c1 && c1 <= 0x7E, 0xA1 <= c1 && c1 <= 0xFE:
		return 2, true
	case c1 < 0x40:
		return 1, false
	}
	return 2, false
}

// gbFFFD is U+FFFD properly encoded in GB18030: not an error.
const gbFFFD = "\x84\x31\xA4\x37"

// bulkMin is the shortest run of well-formed sequences worth handing to
// x/text in one call.
const bulkMin = 16

func (d *decoder) multiByte(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	seq := gbSeq
	if d.k == kBig5 {
		seq = big5Seq
	}
	for nSrc < len(src) {
		// Fast path: a run of well-formed sequences, small enough that its
		// output surely fits, decoded by x/text in one call. If it produced
		// U+FFFD (an unmapped code), redo the run one sequence at a time.
		end := wellFormedRun(src, nSrc, nSrc+(len(dst)-nDst)/2, atEOF, seq)
		if end-nSrc >= bulkMin {
			nd, ns, _ := d.inner.Transform(dst[nDst:], src[nSrc:end], true)
			if ns == end-nSrc && !hasReplacement(dst[nDst:nDst+nd]) {
				nDst += nd
				nSrc = end
				continue
			}
		}
		if end == nSrc {
			end = nSrc + 1 // at least one sequence below
		}
		for nSrc < end {
			c := src[nSrc]
			if c < utf8.RuneSelf {
				if nDst >= len(dst) {
					return nDst, nSrc, transform.ErrShortDst
				}
				dst[nDst] = c
				nDst++
				nSrc++
				continue
			}
			size, ok := seq(src[nSrc:], atEOF)
			if size == 0 {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if !ok {
				if nDst+len(replacement) > len(dst) {
					return nDst, nSrc, transform.ErrShortDst
				}
				nDst += copy(dst[nDst:], replacement)
				d.markBad(nSrc)
				nSrc += size
				continue
			}
			s := src[nSrc : nSrc+size]
			nd, ns, e := d.inner.Transform(dst[nDst:], s, true)
			if e == transform.ErrShortDst && ns == 0 {
				return nDst, nSrc, e
			}
			if ns != size || e != nil {
				// Cannot happen with x/text's current tables; stay safe anyway.
				if nDst+len(replacement) > len(dst) {
					return nDst, nSrc, transform.ErrShortDst
				}
				nd = copy(dst[nDst:], replacement)
			}
			if nd == len(replacement) && string(dst[nDst:nDst+nd]) == replacement && string(s) != gbFFFD {
				d.markBad(nSrc) // well formed but unmapped
			}
			nDst += nd
			nSrc += size
		}
	}
	return nDst, nSrc, nil
}

// wellFormedRun returns the end of the run of ASCII bytes and well-formed
// multi-byte sequences starting at src[i], not going past limit.
func wellFormedRun(src []byte, i, limit int, atEOF bool, seq func([]byte, bool) (int, bool)) int {
	limit = min(limit, len(src))
	for i < limit {
		c := src[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		size, ok := seq(src[i:], atEOF)
		if size == 0 || !ok || i+size > limit {
			break
		}
		i += size
	}
	return i
}

// hasReplacement reports whether UTF-8 text b contains U+FFFD.
func hasReplacement(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xEF)
		if i < 0 || i+2 >= len(b) {
			return false
		}
		if b[i+1] == 0xBF && b[i+2] == 0xBD {
			return true
		}
		b = b[i+1:]
	}
}
