// Package timeseries follows attention over time: counts of terms
// (formulations, words, instrument codes) per year, normalised per 10,000
// characters of that year's documents, as a tidy table that merges like
// every corpus count. It also finds a document's date: from a --meta CSV,
// from the document's own text (the 成文日期 near its end) or from its file
// name, in that order of trust.
package timeseries

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
	"zhpolicy/internal/hannum"
)

// Date is a document date; Month and Day are 0 when unknown.
type Date struct {
	Year, Month, Day int
	// Source says where it came from: "meta", "text" or "name".
	Source string
}

// Known reports whether the year is known.
func (d Date) Known() bool { return d.Year > 0 }

// String writes YYYY-MM-DD, YYYY-MM or YYYY ("" when unknown).
func (d Date) String() string {
	switch {
	case d.Year <= 0:
		return ""
	case d.Month <= 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day <= 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ParseDate reads 2021-07-30, 2021/7/30, 2021.07.30, 20210730, 2021-07,
// 2021, or 2021年7月30日.
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if d, n := dateAt(s, 0); n == len(s) && d.Known() {
		return d, true
	}
	if len(s) == 8 && allDigits(s) {
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[4:6])
		dd, _ := strconv.Atoi(s[6:])
		if plausible(y, m, dd) {
			return Date{Year: y, Month: m, Day: dd}, true
		}
	}
	return Date{}, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func plausible(y, m, d int) bool {
	return y >= 1900 && y <= 2100 && m >= 0 && m <= 12 && d >= 0 && d <= 31 && !(m == 0 && d > 0)
}

// digit reads one ASCII, full-width or Chinese digit.
func digit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return hannum.Digit(r)
}

// number reads digits at s[i:] (for months and days also 十, 十二, 二十三);
// value, bytes read.
func number(s string, i, maxDigits int) (int, int) {
	v, n, j := 0, 0, i
	tens := false
	for j < len(s) && n < maxDigits+2 {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '十' && maxDigits <= 2 {
			if n == 0 {
				v = 1
			}
			v *= 10
			tens = true
			j += w
			n++
			continue
		}
		d, ok := digit(r)
		if !ok {
			break
		}
		if tens {
			v += d
		} else {
			v = v*10 + d
		}
		j += w
		n++
		if !tens && n >= maxDigits {
			break
		}
	}
	return v, j - i
}

// dateAt reads a date starting at byte i: YYYY年M月D日 (any digits), or
// YYYY-MM-DD with - / . separators; month and day optional. It returns
// the date and its length in bytes (0 if none).
func dateAt(s string, i int) (Date, int) {
	y, n := number(s, i, 4)
	if n == 0 || y < 1900 || y > 2100 {
		return Date{}, 0
	}
	j := i + n
	if j-i < 4 {
		return Date{}, 0
	}
	r, w := utf8.DecodeRuneInString(s[j:])
	var sep rune
	switch r {
	case '年':
		sep = '年'
	case '-', '/', '.', '－', '／', '．':
		sep = r
	default:
		// a bare year: only when not followed by another digit
		if _, ok := digit(r); ok {
			return Date{}, 0
		}
		return Date{Year: y}, j - i
	}
	d := Date{Year: y}
	k := j + w
	m, mn := number(s, k, 2)
	if mn == 0 || m < 1 || m > 12 {
		if sep == '年' {
			return d, k - i
		}
		return d, j - i
	}
	k += mn
	r, w = utf8.DecodeRuneInString(s[k:])
	if sep == '年' && r != '月' {
		return d, j + len("年") - i
	}
	d.Month = m
	k += w
	dd, dn := number(s, k, 2)
	if dn == 0 || dd < 1 || dd > 31 {
		if sep == '年' {
			return d, k - i
		}
		return d, k - w - i
	}
	e := k + dn
	if sep == '年' {
		r, w = utf8.DecodeRuneInString(s[e:])
		if r != '日' && r != '号' {
			return d, k - i
		}
		e += w
	} else if r2, _ := utf8.DecodeRuneInString(s[e:]); isDigit(r2) {
		return d, k - w - i
	}
	d.Day = dd
	return d, e - i
}

func isDigit(r rune) bool { _, ok := digit(r); return ok }

// DateInText finds the date a document gives itself: the last full date
// (with month and day) in its last 15 non-empty lines (where the 成文日期
// stands), else the first full date in its first 10 lines (a header or a
// 发布日期 line), else nothing. Years alone are not taken from the text:
// documents cite too many of them.
func DateInText(text string) (Date, bool) {
	lines := strings.Split(text, "\n")
	var nonEmpty []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonEmpty = append(nonEmpty, l)
		}
	}
	full := func(l string, last bool) (Date, bool) {
		var best Date
		found := false
		for i := 0; i < len(l); {
			d, n := dateAt(l, i)
			if n > 0 && d.Day > 0 {
				best, found = d, true
				if !last {
					return best, true
				}
				i += n
				continue
			}
			_, w := utf8.DecodeRuneInString(l[i:])
			i += w
		}
		return best, found
	}
	for k := len(nonEmpty) - 1; k >= 0 && k >= len(nonEmpty)-15; k-- {
		if d, ok := full(nonEmpty[k], true); ok {
			d.Source = "text"
			return d, true
		}
	}
	for k := 0; k < len(nonEmpty) && k < 10; k++ {
		if d, ok := full(nonEmpty[k], false); ok {
			d.Source = "text"
			return d, true
		}
	}
	return Date{}, false
}

// DateInName finds a date in a file name: a full date (2021-07-30,
// 20210730, 2021年7月30日) or a year 1900–2099 standing alone (2024.txt,
// gwr-2019-full.txt, 2024年政府工作报告.docx; not 20241.txt).
func DateInName(path string) (Date, bool) {
	base := filepath.Base(path)
	var year Date
	for i := 0; i < len(base); {
		r, w := utf8.DecodeRuneInString(base[i:])
		if isDigit(r) && r >= '0' && r <= '9' && (i == 0 || !isASCIIDigitBefore(base, i)) {
			j := i
			for j < len(base) && base[j] >= '0' && base[j] <= '9' {
				j++
			}
			run := base[i:j]
			if len(run) == 8 {
				if d, ok := ParseDate(run); ok {
					d.Source = "name"
					return d, true
				}
			}
			if len(run) == 4 {
				if d, n := dateAt(base, i); n > 0 && d.Known() {
					if d.Day > 0 {
						d.Source = "name"
						return d, true
					}
					if !year.Known() && d.Year <= 2099 {
						year = Date{Year: d.Year, Month: d.Month, Source: "name"}
					}
				}
			}
			i = j
			continue
		}
		i += w
	}
	return year, year.Known()
}

func isASCIIDigitBefore(s string, i int) bool { return i > 0 && s[i-1] >= '0' && s[i-1] <= '9' }

// Meta is a --meta CSV: one row per document, with its date and any other
// columns (issuer, level, policy stage…) for grouping.
type Meta struct {
	Columns []string
	rows    map[string]map[string]string // lookup key → row
	dateCol string
}

// ReadMeta reads a CSV (or TSV) with a header. One column names the
// document: file, path, doc, name or 文件 (matched by full path, base
// name, or base name without extension); a date or year column gives the
// date (release_date, date, 日期, 成文日期, year, 年份).
func ReadMeta(r io.Reader, name string) (*Meta, error) {
	data, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty metadata file", name)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	m := &Meta{rows: map[string]map[string]string{}}
	fileCol := -1
	for i, h := range header {
		h = strings.TrimSpace(h)
		m.Columns = append(m.Columns, h)
		switch strings.ToLower(h) {
		case "file", "path", "doc", "document", "name", "文件", "文档":
			if fileCol < 0 {
				fileCol = i
			}
		case "release_date", "date", "日期", "成文日期", "发布日期", "year", "年份":
			if m.dateCol == "" {
				m.dateCol = h
			}
		}
	}
	if fileCol < 0 {
		return nil, fmt.Errorf("%s:1: no file column (file, path, doc or name) in the header", name)
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if fileCol >= len(rec) || strings.TrimSpace(rec[fileCol]) == "" {
			continue
		}
		row := map[string]string{}
		for i, v := range rec {
			if i < len(m.Columns) {
				row[m.Columns[i]] = strings.TrimSpace(v)
			}
		}
		if m.dateCol != "" {
			if v := row[m.dateCol]; v != "" {
				if _, ok := ParseDate(v); !ok {
					return nil, fmt.Errorf("%s:%d: %s %q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", name, line, m.dateCol, v)
				}
			}
		}
		f := filepath.ToSlash(strings.TrimSpace(rec[fileCol]))
		for _, k := range []string{f, filepath.Base(f), strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))} {
			if _, dup := m.rows[k]; !dup {
				m.rows[k] = row
			}
		}
	}
	return m, nil
}

// Row returns the metadata of a document by its path.
func (m *Meta) Row(path string) (map[string]string, bool) {
	if m == nil {
		return nil, false
	}
	p := filepath.ToSlash(path)
	for _, k := range []string{p, filepath.Base(p), strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))} {
		if r, ok := m.rows[k]; ok {
			return r, true
		}
	}
	return nil, false
}

// Date returns the date of a document from the metadata.
func (m *Meta) Date(path string) (Date, bool) {
	r, ok := m.Row(path)
	if !ok || m.dateCol == "" {
		return Date{}, false
	}
	d, ok := ParseDate(r[m.dateCol])
	d.Source = "meta"
	return d, ok
}

// DateOf finds a document's date: the metadata first, then the text, then
// the file name.
func DateOf(m *Meta, path, text string) (Date, bool) {
	if d, ok := m.Date(path); ok {
		return d, true
	}
	if d, ok := DateInText(text); ok {
		return d, true
	}
	return DateInName(path)
}

// Resolver finds documents' dates the way the commands do: a --meta CSV
// first, then the date the document gives itself (its 成文日期), then the
// file name (FromName when set, e.g. a --date-from-name pattern; else
// DateInName).
type Resolver struct {
	Meta     *Meta
	FromName func(path string) (Date, bool)
	// NoText skips the document's own text.
	NoText bool
}

// Date resolves the date of one document.
func (r *Resolver) Date(path, text string) (Date, bool) {
	if r == nil {
		return DateInName(path)
	}
	if d, ok := r.Meta.Date(path); ok {
		return d, true
	}
	if !r.NoText {
		if d, ok := DateInText(text); ok {
			return d, true
		}
	}
	if r.FromName != nil {
		return r.FromName(path)
	}
	return DateInName(path)
}
