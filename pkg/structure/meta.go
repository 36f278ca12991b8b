package structure

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// Meta is what is known about a document for grouping counts: its year
// and date, its issuers, its document type, its number and title, and the
// columns of its row in a --meta CSV. Each value says where it came from,
// so a table can say how much of it was read from the documents.
type Meta struct {
	Year int `json:"year,omitempty"`
	// Date is as precise as known: YYYY-MM-DD, YYYY-MM or YYYY.
	Date string `json:"date,omitempty"`
	// DateSource is "meta" (the CSV), "text" (the 成文日期), "dateline" (a
	// date under the title), "printed" (the 印发日期), "number" (the year of
	// the document number) or "name" (the file name).
	DateSource string `json:"date_source,omitempty"`
	// Issuers are the issuing bodies, the lead one first.
	Issuers []string `json:"issuers,omitempty"`
	// IssuerSource is "meta", "signature" (发文机关署名), "mark" (发文机关标志)
	// or "title" (the bodies before 关于).
	IssuerSource string `json:"issuer_source,omitempty"`
	// DocType is the document type: the 文种 of the title, or the type of
	// the one document a notice issues (关于印发…方案的通知 → 方案).
	DocType       string            `json:"doctype,omitempty"`
	DocTypeSource string            `json:"doctype_source,omitempty"`
	Number        string            `json:"number,omitempty"`
	Title         string            `json:"title,omitempty"`
	Columns       map[string]string `json:"columns,omitempty"`
}

// MetaOptions are the sources of metadata outside the text.
type MetaOptions struct {
	// Row is the document's row of a --meta CSV (column → value), nil when
	// there is none. Its date, issuer and type columns win over the text.
	Row map[string]string
	// FromName finds a date in the document's file name; nil for none.
	FromName func(name string) (year, month, day int, ok bool)
}

// Meta columns read from a --meta row, by role (lower-cased names).
var (
	metaDateColumns   = []string{"release_date", "date", "成文日期", "发布日期", "日期", "year", "年份"}
	metaIssuerColumns = []string{"issuer", "issuers", "发文机关", "发布机关", "机关", "department", "agency"}
	metaTypeColumns   = []string{"doctype", "文种", "type", "类型"}
)

func column(row map[string]string, names []string) (string, bool) {
	for _, n := range names {
		for k, v := range row {
			if strings.EqualFold(strings.TrimSpace(k), n) && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v), true
			}
		}
	}
	return "", false
}

// MetaOf resolves a document's metadata: the --meta row first, then the
// document's own elements, then its file name. Nothing is guessed: a value
// no source gives stays empty.
func MetaOf(d *Document, name string, opts MetaOptions) Meta {
	m := Meta{}
	if len(opts.Row) > 0 {
		m.Columns = opts.Row
	}
	// date
	if v, ok := column(opts.Row, metaDateColumns); ok {
		if y, mo, dd, ok := parseLooseDate(v); ok {
			m.Year, m.Date, m.DateSource = y, isoDate(y, mo, dd), "meta"
		}
	}
	if m.Year == 0 && d != nil {
		for _, c := range []struct {
			d   *Date
			src string
		}{{d.Date, "text"}, {d.Dateline, "dateline"}, {d.PrintedDate, "printed"}} {
			if c.d != nil {
				m.Year, m.Date, m.DateSource = c.d.Year, c.d.ISO, c.src
				break
			}
		}
		if m.Year == 0 && d.Number != nil && d.Number.Year > 0 {
			m.Year, m.Date, m.DateSource = d.Number.Year, strconv.Itoa(d.Number.Year), "number"
		}
	}
	if m.Year == 0 && opts.FromName != nil {
		if y, mo, dd, ok := opts.FromName(name); ok && y > 0 {
			m.Year, m.Date, m.DateSource = y, isoDate(y, mo, dd), "name"
		}
	}
	// issuers
	if v, ok := column(opts.Row, metaIssuerColumns); ok {
		m.Issuers, m.IssuerSource = SplitList(v), "meta"
	} else if d != nil {
		switch {
		case len(d.Signatures) > 0:
			for _, s := range d.Signatures {
				m.Issuers = append(m.Issuers, s.Text)
			}
			m.IssuerSource = "signature"
		case len(d.MarkIssuers) > 0:
			m.Issuers, m.IssuerSource = append([]string(nil), d.MarkIssuers...), "mark"
		case d.Title != nil && len(d.Title.Issuers) > 0:
			m.Issuers, m.IssuerSource = append([]string(nil), d.Title.Issuers...), "title"
		}
	}
	// type
	if v, ok := column(opts.Row, metaTypeColumns); ok {
		m.DocType, m.DocTypeSource = v, "meta"
	} else if d != nil && d.Title != nil {
		m.DocType, m.DocTypeSource = d.Title.DocType, "title"
		if len(d.Title.Forwards) == 1 && d.Title.Forwards[0].DocType != "" {
			m.DocType, m.DocTypeSource = d.Title.Forwards[0].DocType, "forwarded"
		}
		if m.DocType == "" {
			m.DocTypeSource = ""
		}
	}
	if m.DocType == "" && name != "" {
		// a file named by its title (…关于政府工作报告的决议.txt, as the NPC's
		// resolutions are published), whose text has none
		base := filepath.Base(name)
		base = strings.TrimSuffix(base, filepath.Ext(base))
		if titleLike(base) {
			m.DocType, m.DocTypeSource = DocType(base), "name"
		}
	}
	if d != nil {
		if d.Number != nil {
			m.Number = d.Number.Text
		}
		if d.Title != nil {
			m.Title = d.Title.Text
		}
	}
	return m
}

// Dimensions are the grouping dimensions Meta knows by name; any other
// name is a --meta column.
var Dimensions = []string{"year", "issuer", "doctype"}

// Value returns the document's value of a grouping dimension: "year",
// "issuer" (the lead issuer), "doctype", "number", "title", or a --meta
// column. ok is false when the value is unknown.
func (m Meta) Value(dim string) (string, bool) {
	switch dim {
	case "year":
		if m.Year > 0 {
			return strconv.Itoa(m.Year), true
		}
		return "", false
	case "issuer":
		if len(m.Issuers) > 0 {
			return m.Issuers[0], true
		}
		return "", false
	case "doctype":
		return m.DocType, m.DocType != ""
	case "number":
		return m.Number, m.Number != ""
	case "title":
		return m.Title, m.Title != ""
	}
	v, ok := m.Columns[dim]
	v = strings.TrimSpace(v)
	return v, ok && v != ""
}

// Unknown is the group of documents whose value of a dimension is not
// known.
const Unknown = "(unknown)"

// Group returns the value of a dimension, or Unknown.
func (m Meta) Group(dim string) string {
	if v, ok := m.Value(dim); ok {
		return v
	}
	return Unknown
}

// SplitList splits a list of bodies as a CSV cell writes it: at , ; 、 | and
// their full-width forms.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', ';', '|', '、', '，', '；', '｜':
			return true
		}
		return false
	})
	var out []string
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// parseLooseDate reads 2021-07-30, 2021/7/30, 2021.07.30, 20210730,
// 2021-07, 2021 or 2021年7月30日.
func parseLooseDate(s string) (int, int, int, bool) {
	s = strings.TrimSpace(s)
	if d, n := scanDate(s, 0); n > 0 && n == len(s) {
		return d.Year, d.Month, d.Day, true
	}
	var parts []int
	cur, digits := 0, 0
	flush := func() bool {
		if digits == 0 {
			return false
		}
		parts = append(parts, cur)
		cur, digits = 0, 0
		return true
	}
	for _, r := range s {
		if v, ok := digitVal(r); ok {
			cur = cur*10 + v
			digits++
			if digits > 8 {
				return 0, 0, 0, false
			}
			continue
		}
		switch r {
		case '-', '/', '.', '－', '／', '．':
			if !flush() {
				return 0, 0, 0, false
			}
		default:
			return 0, 0, 0, false
		}
	}
	flush()
	if len(parts) == 1 && parts[0] >= 19000101 && parts[0] <= 21001231 {
		v := parts[0]
		parts = []int{v / 10000, v / 100 % 100, v % 100}
	}
	for len(parts) < 3 {
		parts = append(parts, 0)
	}
	y, m, d := parts[0], parts[1], parts[2]
	if len(parts) > 3 || y < 1900 || y > 2100 || m < 0 || m > 12 || d < 0 || d > 31 || m == 0 && d > 0 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func isoDate(y, m, d int) string {
	switch {
	case m <= 0:
		return fmt.Sprintf("%04d", y)
	case d <= 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
