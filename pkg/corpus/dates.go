package corpus

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"zhpolicy/pkg/input"
)

// DateFinder reads the date of a document from its path: the built-in
// reading (a year 1900–2099 standing alone in the file name, with a month
// and day after it when they are there: 2024.txt, 2024-03-05_report.txt,
// 20240305.html, 2024年3月报告.docx; else in a directory of the path:
// gwr/2019/report.txt), or a user's regular expression whose first group
// (or whole match) is the date, written YYYY, YYYY-MM-DD or YYYYMMDD, or a
// number that orders the documents as years would (第(\d+)届 → 12).
type DateFinder struct {
	re *regexp.Regexp
}

// NewDateFinder returns the finder for a --date-from-name value: "" or
// "auto" for the built-in reading, else a regular expression.
func NewDateFinder(expr string) (*DateFinder, error) {
	if expr == "" || expr == "auto" {
		return &DateFinder{}, nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return &DateFinder{re: re}, nil
}

// Key is the date of path as YYYYMMDD (an unknown month or day as 00), or
// "~" (after every date) when it has none.
func (f *DateFinder) Key(path string) string {
	if path == "-" || path == input.StdinName {
		return "~"
	}
	if f.re == nil {
		if k := dateIn(filepath.Base(path)); k != "" {
			return k
		}
		dirs := strings.Split(filepath.ToSlash(filepath.Dir(path)), "/")
		for i := len(dirs) - 1; i >= 0; i-- {
			if k := dateIn(dirs[i]); k != "" {
				return k
			}
		}
		return "~"
	}
	for _, s := range []string{filepath.Base(path), filepath.ToSlash(path)} {
		m := f.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		v := m[0]
		if len(m) > 1 {
			v = m[1]
		}
		v = strings.TrimSpace(v)
		if k := dateIn(v); k != "" {
			return k
		}
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 10000 {
			return fmt.Sprintf("%04d0000", n) // a number that orders: 第12届 → 12
		}
	}
	return "~"
}

// Year is the year of path, or 0.
func (f *DateFinder) Year(path string) int {
	k := f.Key(path)
	if k == "~" {
		return 0
	}
	y := 0
	for _, c := range k[:4] {
		y = y*10 + int(c-'0')
	}
	return y
}

// dateIn finds a date in s as YYYYMMDD, or "".
func dateIn(s string) string {
	r := []rune(s)
	type run struct{ a, b int }
	var runs []run // runs of ASCII digits
	for i := 0; i < len(r); {
		if r[i] < '0' || r[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	num := func(x run) int {
		v := 0
		for _, c := range r[x.a:x.b] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	year := func(y int) bool { return y >= 1900 && y <= 2099 }
	// next returns the run right after x across one separator, if any
	next := func(k int) (run, bool) {
		if k+1 >= len(runs) {
			return run{}, false
		}
		x, y := runs[k], runs[k+1]
		if y.a-x.b == 1 && strings.ContainsRune("-_./年月", r[x.b]) && y.b-y.a <= 2 {
			return y, true
		}
		return run{}, false
	}
	for k, x := range runs {
		switch x.b - x.a {
		case 8:
			v := num(x)
			y, m, d := v/10000, v/100%100, v%100
			if year(y) && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
				return fmt.Sprintf("%04d%02d%02d", y, m, d)
			}
		case 4:
			y := num(x)
			if !year(y) {
				continue
			}
			m, d := 0, 0
			if mr, ok := next(k); ok && num(mr) >= 1 && num(mr) <= 12 {
				m = num(mr)
				if dr, ok := next(k + 1); ok && num(dr) >= 1 && num(dr) <= 31 {
					d = num(dr)
				}
			}
			return fmt.Sprintf("%04d%02d%02d", y, m, d)
		}
	}
	return ""
}
