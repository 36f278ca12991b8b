package segment

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Entry is one dictionary word.
type Entry struct {
	Word string
	Freq float64
	POS  string
}

// DefaultUserFreq is the frequency given to a user word without one: high
// enough that the word is kept whole against most splits.
const DefaultUserFreq = 2000

// ParseDict reads a dictionary in the user format, one `word [freq] [pos]`
// a line; blank lines and lines starting with # are skipped. name is used
// in error messages, which name the line: "my.dict:3: frequency "x" is not
// a number".
func ParseDict(name string, r io.Reader) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, line)
		}
		f := strings.Fields(s)
		if len(f) > 3 {
			return nil, fmt.Errorf("%s:%d: too many fields (want: word [freq] [pos]): %q", name, line, s)
		}
		e := Entry{Word: f[0], Freq: DefaultUserFreq}
		if len(f) >= 2 {
			v, err := strconv.ParseFloat(f[1], 64)
			switch {
			case err != nil && len(f) == 2 && isPOSTag(f[1]):
				e.POS = f[1] // "word pos" is accepted as well
			case err != nil:
				return nil, fmt.Errorf("%s:%d: frequency %q is not a number", name, line, f[1])
			case v <= 0 || v != v || v > 1e12:
				return nil, fmt.Errorf("%s:%d: frequency %s out of range (want a positive number)", name, line, f[1])
			default:
				e.Freq = v
			}
		}
		if len(f) == 3 {
			if !isPOSTag(f[2]) {
				return nil, fmt.Errorf("%s:%d: part of speech %q is not a tag (letters only, e.g. n, nz, ns)", name, line, f[2])
			}
			e.POS = f[2]
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

func isPOSTag(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
