package report

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendJSON appends v as encoding/json (HTML escaping off, indented as
// marshal indents: lines after the first start with prefix, two spaces a
// level) would write it, for the values rows are made of: strings,
// integers, booleans, finite floats, string lists and Objects of these.
// ok is false, and dst unchanged, for anything else: marshal then falls
// back to encoding/json. It writes the same bytes (TestAppendJSONAsEncodingJSON)
// without reflection, a bytes.Buffer per value and a second indenting
// pass: JSON rows of a big document (segment's tokens) cost a tenth.
func appendJSON(dst []byte, v any, prefix string, indent bool) ([]byte, bool) {
	n := len(dst)
	switch x := v.(type) {
	case string:
		return appendJSONString(dst, x), true
	case int64:
		return strconv.AppendInt(dst, x, 10), true
	case int:
		return strconv.AppendInt(dst, int64(x), 10), true
	case bool:
		return strconv.AppendBool(dst, x), true
	case float64:
		return appendJSONFloat(dst, x)
	case []string:
		if x == nil {
			return append(dst, "null"...), true
		}
		if len(x) == 0 {
			return append(dst, "[]"...), true
		}
		dst = append(dst, '[')
		for i, s := range x {
			if i > 0 {
				dst = append(dst, ',')
			}
			if indent {
				dst = append(dst, '\n')
				dst = append(dst, prefix...)
				dst = append(dst, "  "...)
			}
			dst = appendJSONString(dst, s)
		}
		if indent {
			dst = append(dst, '\n')
			dst = append(dst, prefix...)
		}
		return append(dst, ']'), true
	case Object:
		if x == nil {
			return append(dst, "null"...), true
		}
		if len(x) == 0 {
			return append(dst, "{}"...), true
		}
		dst = append(dst, '{')
		inner := prefix
		if indent {
			inner = prefix + "  "
		}
		for i, kv := range x {
			if i > 0 {
				dst = append(dst, ',')
			}
			if indent {
				dst = append(dst, '\n')
				dst = append(dst, inner...)
			}
			dst = appendJSONString(dst, kv.Key)
			dst = append(dst, ':')
			if indent {
				dst = append(dst, ' ')
			}
			var ok bool
			if dst, ok = appendJSON(dst, kv.Value, inner, indent); !ok {
				return dst[:n], false
			}
		}
		if indent {
			dst = append(dst, '\n')
			dst = append(dst, prefix...)
		}
		return append(dst, '}'), true
	}
	return dst, false
}

// appendJSONFloat writes f as encoding/json does (ES6 number to string);
// not ok for NaN and infinities, which encoding/json refuses.
func appendJSONFloat(dst []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return dst, false
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst, true
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping:
// quote, backslash and control characters escaped, invalid UTF-8 as
// \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendRowJSON appends row r as the JSON object rowObject makes of it,
// marshalled as marshal(rowObject(…), prefix) would write it, without
// building the object: plain cells (strings, integers, booleans) are
// written as they are. ok is false, and dst unchanged, where appendJSON
// would not write a value: the caller falls back to marshal.
func appendRowJSON(dst []byte, group []KV, cols []Column, idx []int, r []any, prefix string) ([]byte, bool) {
	n := len(dst)
	indent := prefix != ""
	inner := prefix + "  "
	first := true
	field := func(key string, v any) bool {
		if first {
			dst = append(dst, '{')
			first = false
		} else {
			dst = append(dst, ',')
		}
		if indent {
			dst = append(dst, '\n')
			dst = append(dst, inner...)
		}
		dst = appendJSONString(dst, key)
		dst = append(dst, ':')
		if indent {
			dst = append(dst, ' ')
		}
		var ok bool
		dst, ok = appendJSON(dst, v, inner, indent)
		return ok
	}
	for _, g := range group {
		if !field(g.Key, plainJSON(g.Value)) {
			return dst[:n], false
		}
	}
	for j, i := range idx {
		var v any = ""
		if i < len(r) {
			v = plainJSON(r[i])
		}
		if cols[j].OmitEmpty && isEmpty(v) {
			continue
		}
		if !field(cols[j].key(), v) {
			return dst[:n], false
		}
	}
	if first {
		return append(dst, "{}"...), true
	}
	if indent {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
	}
	return append(dst, '}'), true
}

// plainJSON is cellOf(v).JSON() without boxing the plain values again.
func plainJSON(v any) any {
	switch v.(type) {
	case string, int, int64, bool, float64:
		return v
	}
	return cellOf(v).JSON()
}
