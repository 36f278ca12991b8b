package timeseries

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// NameFinder reads the date of a document from its path, for
// --date-from-name: the built-in reading (DateInName on the file name, else
// on the directories of the path from the innermost: gwr/2019/report.txt),
// or a user's regular expression whose first group (or whole match) is
// the date (YYYY, YYYY-MM-DD, YYYYMMDD, 2024年3月5日) or a number that orders
// the documents as years would (第(\d+)届 → 12).
type NameFinder struct {
	re *regexp.Regexp
}

// NewNameFinder returns the finder for a --date-from-name value: "" or
// "auto" for the built-in reading, else a regular expression.
func NewNameFinder(expr string) (*NameFinder, error) {
	if expr == "" || expr == "auto" {
		return &NameFinder{}, nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return &NameFinder{re: re}, nil
}

// Date is the date of path, if it has one.
func (f *NameFinder) Date(path string) (Date, bool) {
	if path == "-" || path == "<stdin>" {
		return Date{}, false
	}
	if f.re == nil {
		if d, ok := DateInName(path); ok {
			return d, true
		}
		dirs := strings.Split(filepath.ToSlash(filepath.Dir(path)), "/")
		for i := len(dirs) - 1; i >= 0; i-- {
			if d, ok := DateInName(dirs[i]); ok {
				return d, true
			}
		}
		return Date{}, false
	}
	for _, s := range []string{filepath.Base(path), filepath.ToSlash(path)} {
		m := f.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[0])
		if len(m) > 1 {
			v = strings.TrimSpace(m[1])
		}
		if d, ok := ParseDate(v); ok {
			d.Source = "name"
			return d, true
		}
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 10000 {
			return Date{Year: n, Source: "name"}, true
		}
	}
	return Date{}, false
}

// Key is the date of path as YYYYMMDD (an unknown month or day as 00), or
// "~" (after every date) when it has none: an order of documents.
func (f *NameFinder) Key(path string) string {
	d, ok := f.Date(path)
	if !ok {
		return "~"
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day)
}

// Year is the year of path, or 0.
func (f *NameFinder) Year(path string) int {
	d, _ := f.Date(path)
	return d.Year
}
