package dictindex

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseWordLine reads one line of a gse word list the way gse's
// LoadDictStr does with a default Segmenter (separator " ", minimum
// frequency 2, lines without a frequency skipped): the fields are what
// lies between single spaces, each trimmed; a line whose frequency is
// missing, not a number or below 2 is skipped (ok false); a word of one
// character gets frequency 2 whatever the line says.
func ParseWordLine(line string) (word string, freq float64, pos string, ok bool) {
	f0, rest, two := strings.Cut(line, " ")
	if !two {
		return "", 0, "", false
	}
	f1, rest, three := strings.Cut(rest, " ")
	word = strings.TrimSpace(f0)
	freq, err := strconv.ParseFloat(strings.TrimSpace(f1), 64)
	if err != nil || freq < 2 {
		return "", 0, "", false
	}
	if utf8.RuneCountInString(word) < 2 {
		freq = 2
	}
	if three {
		f2, _, _ := strings.Cut(rest, " ")
		pos = strings.TrimSpace(f2)
	}
	return word, freq, pos, true
}

// ParseIDFLine reads one line of an IDF table, `word idf`, fields between
// single spaces, each trimmed. The value is kept as written (gse's own
// loader would drop values below 2 and set single characters to 2; an IDF
// table is a table of numbers, not a word list).
func ParseIDFLine(line string) (word string, idf float64, ok bool) {
	f0, rest, two := strings.Cut(line, " ")
	if !two {
		return "", 0, false
	}
	f1, _, _ := strings.Cut(rest, " ")
	word = strings.TrimSpace(f0)
	v, err := strconv.ParseFloat(strings.TrimSpace(f1), 64)
	if err != nil || word == "" {
		return "", 0, false
	}
	return word, v, true
}

// Build makes the index of a dictionary text. Entries are the lines that
// parse (ParseWordLine or ParseIDFLine); of lines with the same key the
// first wins, as in gse's AddToken.
func Build(kind Kind, src string) ([]byte, error) {
	if len(src) > MaxSource {
		return nil, fmt.Errorf("dictionary text of %d bytes is too large for the index format (max %d)", len(src), MaxSource)
	}
	type entry struct {
		key  string
		off  int
		wlen int
		flag bool
		freq uint32
	}
	var (
		entries []entry
		seen    = make(map[string]bool)
		sum     float64
		values  []float64
	)
	lineNo := 0
	for off := 0; off <= len(src); lineNo++ {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		var (
			word string
			val  float64
			ok   bool
		)
		switch kind {
		case Words:
			word, val, _, ok = ParseWordLine(line)
		case IDF:
			word, val, ok = ParseIDFLine(line)
		default:
			return nil, fmt.Errorf("unknown index kind %v", kind)
		}
		if ok {
			key := KeyOf(word)
			if !seen[key] {
				seen[key] = true
				switch {
				case key == "":
					return nil, fmt.Errorf("line %d: empty word", lineNo+1)
				case !strings.HasPrefix(line, word):
					return nil, fmt.Errorf("line %d: the word does not start the line; the index format cannot point at it", lineNo+1)
				case !utf8.ValidString(key):
					return nil, fmt.Errorf("line %d: word is not valid UTF-8", lineNo+1)
				case len(word) > MaxWord:
					return nil, fmt.Errorf("line %d: word of %d bytes is longer than the index format allows (%d)", lineNo+1, len(word), MaxWord)
				}
				e := entry{key: key, off: off, wlen: len(word), flag: key != word}
				switch kind {
				case Words:
					// the sum must not depend on the order of addition: whole
					// numbers below 2^53 add exactly in any order.
					if val != math.Trunc(val) || val > math.MaxUint32 || sum+val > 1<<53 {
						return nil, fmt.Errorf("line %d: frequency %v is not a whole number below 2^32: the index cannot hold it", lineNo+1, val)
					}
					sum += val
					e.freq = uint32(val)
				case IDF:
					values = append(values, val)
				}
				entries = append(entries, e)
			}
		}
		off = end + 1
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })

	extra := sum
	if kind == IDF {
		extra = Median(values)
	}
	var flagged []uint32
	out := make([]byte, headerLen, headerLen+4*len(entries))
	copy(out, magic)
	binary.LittleEndian.PutUint32(out[8:], uint32(kind))
	binary.LittleEndian.PutUint32(out[12:], uint32(len(src)))
	binary.LittleEndian.PutUint32(out[16:], Checksum(src))
	binary.LittleEndian.PutUint32(out[20:], uint32(len(entries)))
	binary.LittleEndian.PutUint64(out[40:], math.Float64bits(extra))
	for i, e := range entries {
		v := uint32(e.off) | uint32(e.wlen)<<offBits
		if e.flag {
			v |= flagBit
			flagged = append(flagged, uint32(i))
		}
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	binary.LittleEndian.PutUint32(out[24:], uint32(len(flagged)))
	for _, i := range flagged {
		out = binary.LittleEndian.AppendUint32(out, i)
	}
	// keys sorted by bytes are sorted by first rune (UTF-8 keeps code
	// point order), so each first rune's keys are one range
	nf := 0
	last := rune(-1)
	for i, e := range entries {
		r, _ := utf8.DecodeRuneInString(e.key)
		if r != last {
			last = r
			nf++
			out = binary.LittleEndian.AppendUint32(out, uint32(r))
			out = binary.LittleEndian.AppendUint32(out, uint32(i))
		}
	}
	binary.LittleEndian.PutUint32(out[28:], uint32(nf))
	if kind == Words {
		binary.LittleEndian.PutUint32(out[32:], uint32(len(entries)))
		for _, e := range entries {
			out = binary.LittleEndian.AppendUint32(out, e.freq)
		}
	}
	return out, nil
}

// Median is the default IDF of a table as jieba and gse's Idf.AddToken
// define it: the values sorted ascending, the one at index len/2.
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	return v[len(v)/2]
}
