// Package htmlreport renders an analysis report as one self-contained HTML
// page: the charts are Apache ECharts options (built with go-echarts, see
// charts.go), drawn in the browser by the ECharts library embedded in the
// page, so that the file opens offline and makes no network request.
//
// A Page is a list of sections; a section holds facts, notes, charts and
// tables. Every chart carries the table of its numbers, shown under it, and
// that table can be downloaded as CSV. The package only renders: what goes
// into a page is the caller's (pkg/cmd/report).
package htmlreport

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"
)

// Page is one report.
type Page struct {
	// Lang is the BCP 47 language of the page: zh-Hans, zh-Hant, zh-TW, zh-HK.
	Lang     string
	Title    string
	Subtitle string
	// Generator names the program and version that made the report.
	Generator string
	Sections  []Section
	// UI are the words of the page itself (contents, data table, download);
	// the zero value is DefaultUI().
	UI UI
}

// UI holds the words the page itself shows.
type UI struct {
	Contents    string // the table of contents
	DataTable   string // the summary of a chart's data table: "数据表"
	Rows        string // after a row count: "行"
	DownloadCSV string
	GeneratedBy string // footer, before the generator
	Offline     string // footer: that the page needs no network
}

// DefaultUI returns the page words in Simplified Chinese.
func DefaultUI() UI {
	return UI{
		Contents:    "目录",
		DataTable:   "数据表",
		Rows:        "行",
		DownloadCSV: "下载 CSV",
		GeneratedBy: "生成工具：",
		Offline:     "本页面所需的脚本和样式均已内嵌，可离线打开，不发出任何网络请求。",
	}
}

// Map returns the words converted by f (to another script).
func (u UI) Map(f func(string) string) UI {
	return UI{Contents: f(u.Contents), DataTable: f(u.DataTable), Rows: f(u.Rows),
		DownloadCSV: f(u.DownloadCSV), GeneratedBy: f(u.GeneratedBy), Offline: f(u.Offline)}
}

// Section is one part of the page, with an entry in the table of contents.
type Section struct {
	ID    string // the anchor: letters, digits, - and _
	Title string
	// Intro paragraphs, plain text.
	Intro  []string
	Facts  []Fact
	Blocks []Block
}

// Fact is a labelled value of the overview.
type Fact struct {
	Label, Value string
	// Note is a smaller line under the value.
	Note string
}

// Block is one item of a section: a chart (with its table), a table, a
// grid of tables side by side (one column on a phone), a heading or a list
// of notes. Exactly one field is set.
type Block struct {
	Heading string
	Notes   []string
	Chart   *Chart
	Table   *Table
	Grid    []*Table
}

// Chart is one ECharts chart with the table of its numbers.
type Chart struct {
	ID    string // unique in the page: letters, digits, - and _
	Title string
	// Height in CSS pixels on a wide screen (a phone gets less); 0 means 360.
	Height int
	// Views are the chart's alternative options (counts, rates ...), the
	// first shown first; with more than one, buttons switch between them.
	Views []View
	// Note is a line under the title (what is counted, how).
	Note string
	// Data is the chart's numbers, shown under it and downloadable as CSV.
	Data *Table
}

// View is one option of a chart.
type View struct {
	Label  string
	Option Option
}

// Table is a table of values.
type Table struct {
	ID      string // names the CSV file: <ID>.csv
	Caption string
	Header  []string
	Rows    [][]string
	// Numeric marks right-aligned columns.
	Numeric []bool
	// Bar, when 1 or more, draws in column Bar-1 a bar whose length is the
	// cell's number over the column's largest.
	Bar int
	// Collapsed shows the table folded under a summary line (charts'
	// tables are).
	Collapsed bool
	// Note is a line under the table.
	Note string
}

// idPattern is what chart, table and section IDs may contain.
var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// Render writes the page.
func Render(w io.Writer, p *Page) error {
	if err := p.check(); err != nil {
		return err
	}
	tmpl, err := pageTemplate()
	if err != nil {
		return err
	}
	v, err := p.view()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, v); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// check refuses pages whose IDs would break the page or clash.
func (p *Page) check() error {
	seen := map[[2]string]bool{}
	id := func(kind, s string) error {
		if !idPattern.MatchString(s) {
			return fmt.Errorf("html report: invalid %s id %q: use letters, digits, - and _", kind, s)
		}
		if seen[[2]string{kind, s}] {
			return fmt.Errorf("html report: %s id %q used twice", kind, s)
		}
		seen[[2]string{kind, s}] = true
		return nil
	}
	for _, s := range p.Sections {
		if err := id("section", s.ID); err != nil {
			return err
		}
		for _, b := range s.Blocks {
			if b.Chart != nil {
				if err := id("chart", b.Chart.ID); err != nil {
					return err
				}
				if len(b.Chart.Views) == 0 {
					return fmt.Errorf("html report: chart %q has no view", b.Chart.ID)
				}
				if b.Chart.Data != nil {
					if err := id("table", b.Chart.Data.ID); err != nil {
						return err
					}
				}
			}
			for _, t := range append([]*Table{b.Table}, b.Grid...) {
				if t == nil {
					continue
				}
				if err := id("table", t.ID); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// The view model of the template: what the template shows, ready.

type pageView struct {
	*Page
	UI        UI
	CSS       template.CSS
	Scripts   []template.JS
	Runtime   template.JS
	Data      template.JS
	Sections  []sectionView
	ChartsIDs []string
}

type sectionView struct {
	Section
	Blocks []blockView
}

type blockView struct {
	Heading string
	Notes   []string
	Chart   *chartView
	Table   *tableView
	Grid    []*tableView
}

type chartView struct {
	*Chart
	Height int
	Labels []string // view labels when there are several
	Data   *tableView
}

type tableView struct {
	*Table
	Rows []rowView
	CSV  template.URL
	File string
}

type rowView struct {
	Cells []cellView
}

type cellView struct {
	Text    string
	Numeric bool
	Bar     template.CSS // width of the bar, e.g. "width:42.5%"
}

// chartData is what the page's script reads: the options of every chart.
type chartData struct {
	Charts map[string][]Option `json:"charts"`
}

func (p *Page) view() (*pageView, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	ui := p.UI
	if ui == (UI{}) {
		ui = DefaultUI()
	}
	v := &pageView{Page: p, UI: ui, CSS: template.CSS(a.css), Runtime: template.JS(a.runtime)}
	for _, s := range a.scripts {
		v.Scripts = append(v.Scripts, template.JS(s))
	}
	data := chartData{Charts: map[string][]Option{}}
	for _, s := range p.Sections {
		sv := sectionView{Section: s}
		for _, b := range s.Blocks {
			bv := blockView{Heading: b.Heading, Notes: b.Notes}
			if b.Chart != nil {
				c := b.Chart
				cv := &chartView{Chart: c, Height: c.Height}
				if cv.Height <= 0 {
					cv.Height = 360
				}
				if len(c.Views) > 1 {
					for _, vw := range c.Views {
						cv.Labels = append(cv.Labels, vw.Label)
					}
				}
				opts := make([]Option, len(c.Views))
				for i, vw := range c.Views {
					opts[i] = vw.Option
				}
				data.Charts[c.ID] = opts
				if c.Data != nil {
					tv, err := tableViewOf(c.Data)
					if err != nil {
						return nil, err
					}
					cv.Data = tv
				}
				bv.Chart = cv
				v.ChartsIDs = append(v.ChartsIDs, c.ID)
			}
			if b.Table != nil {
				tv, err := tableViewOf(b.Table)
				if err != nil {
					return nil, err
				}
				bv.Table = tv
			}
			for _, t := range b.Grid {
				tv, err := tableViewOf(t)
				if err != nil {
					return nil, err
				}
				bv.Grid = append(bv.Grid, tv)
			}
			sv.Blocks = append(sv.Blocks, bv)
		}
		v.Sections = append(v.Sections, sv)
	}
	js, err := marshalScriptJSON(data)
	if err != nil {
		return nil, err
	}
	v.Data = template.JS(js)
	return v, nil
}

// marshalScriptJSON encodes v as JSON safe inside a <script> element: <, >
// and & are escaped (so no "</script>" can appear), as are U+2028 and
// U+2029.
func marshalScriptJSON(v any) (string, error) {
	b, err := json.Marshal(v) // escapes <, >, &, U+2028, U+2029
	if err != nil {
		return "", fmt.Errorf("html report: chart options: %w", err)
	}
	return string(b), nil
}

func tableViewOf(t *Table) (*tableView, error) {
	tv := &tableView{Table: t, File: t.ID + ".csv"}
	maxBar := 0.0
	if t.Bar > 0 {
		for _, r := range t.Rows {
			if t.Bar-1 < len(r) {
				if x, ok := number(r[t.Bar-1]); ok && x > maxBar {
					maxBar = x
				}
			}
		}
	}
	for _, r := range t.Rows {
		rv := rowView{Cells: make([]cellView, len(r))}
		for i, c := range r {
			cv := cellView{Text: c, Numeric: i < len(t.Numeric) && t.Numeric[i]}
			if t.Bar-1 == i && maxBar > 0 {
				if x, ok := number(c); ok && x > 0 {
					cv.Bar = template.CSS(fmt.Sprintf("width:%.1f%%", 100*x/maxBar))
				}
			}
			rv.Cells[i] = cv
		}
		tv.Rows = append(tv.Rows, rv)
	}
	u, err := csvDataURL(t)
	if err != nil {
		return nil, err
	}
	tv.CSV = u
	return tv, nil
}

// number reads a cell as a number: digits with thousands separators, a
// decimal point, a sign, a trailing %.
func number(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), "%")
	if s == "" {
		return 0, false
	}
	var x float64
	if _, err := fmt.Sscanf(s, "%g", &x); err != nil {
		return 0, false
	}
	return x, true
}

// CSV writes a table as CSV (header first), as the page offers it.
func CSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	if len(t.Header) > 0 {
		if err := cw.Write(t.Header); err != nil {
			return err
		}
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvDataURL is the table as a CSV file in a data: URL, UTF-8 with a byte
// order mark so that spreadsheet programs read the Chinese right.
func csvDataURL(t *Table) (template.URL, error) {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	if err := CSV(&b, t); err != nil {
		return "", fmt.Errorf("html report: table %s: %w", t.ID, err)
	}
	return template.URL("data:text/csv;charset=utf-8;base64," + base64.StdEncoding.EncodeToString(b.Bytes())), nil
}

// errScriptEnd is returned when an embedded script would end its element.
var errScriptEnd = errors.New("embedded script contains </script")
