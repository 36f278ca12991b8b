package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Formats are the output formats of the Writer.
var Formats = []string{"table", "json", "jsonl", "csv", "tsv", "markdown"}

// Options are what the Writer needs to know of where it writes.
type Options struct {
	// TTY: standard output is a terminal; table output then shows the
	// columns meant for people only (bars).
	TTY bool
}

// KV is one named value: a field of a JSON document, or a column that a
// group of rows shares (the file they come from).
type KV struct {
	Key   string
	Value any
}

// Column describes one column of a Table.
type Column struct {
	Name  string // header, CSV column, and JSON key unless Key is set
	Key   string // JSON key when it differs from the header
	Align Align
	// TTYOnly columns (bars) show only in table output on a terminal.
	TTYOnly bool
	// OmitEmpty leaves the key out of JSON objects where the value is
	// empty ("", 0, false, an empty list), as encoding/json's omitempty.
	OmitEmpty bool
	// JSONOnly columns show only in JSON and JSON Lines; MachineOnly
	// columns in every format but table and Markdown.
	JSONOnly    bool
	MachineOnly bool
}

func (c Column) key() string {
	if c.Key != "" {
		return c.Key
	}
	return c.Name
}

// Table is one titled list of rows: what a command hands the Writer.
type Table struct {
	// Name is the table's key in a JSON document ("terms").
	Name string
	// Title is printed above the table on a terminal, a heading in Markdown.
	Title string
	// Group holds the values every row of the table shares (the file):
	// leading columns in CSV and TSV, leading fields of each row object in
	// JSON and JSON Lines.
	Group   []KV
	Columns []Column
	// Rows hold cells: Cell values, or string, int, int64, float64, bool,
	// []string (plain values).
	Rows [][]any
	// Footer is a line of notes under a terminal table; Empty replaces it
	// when the table has no row.
	Footer, Empty string
}

// Writer renders Tables in one output format, chosen once: the one output
// sink of every command. table and markdown print each table with its
// title; csv and tsv print one header (from the first table) and every
// row, group values first; jsonl prints one object per row, group values
// first; json prints one document: the array of those objects, or with
// Meta an object of the meta fields and, per table name, the array of its
// rows.
//
// Rows are written as they come, so that output of any length streams.
type Writer struct {
	w      io.Writer     // buf
	buf    *bufio.Writer // on the destination: flushed at the end of every table
	format string
	opt    Options
	err    error

	n int // tables written

	// csv, tsv
	cw *csv.Writer

	lastName string // markdown: the name of the last table

	// json
	meta   []KV
	object bool // the document is an object (Meta was called)
	js     jsonState
}

// NewWriter returns a Writer of format (one of Formats) on w.
func NewWriter(w io.Writer, format string, opt Options) (*Writer, error) {
	if !slices.Contains(Formats, format) {
		return nil, fmt.Errorf("report: unknown format %q", format)
	}
	buf := bufio.NewWriterSize(w, writeBlock)
	wr := &Writer{w: buf, buf: buf, format: format, opt: opt}
	if format == "csv" || format == "tsv" {
		wr.cw = csv.NewWriter(buf)
		if format == "tsv" {
			wr.cw.Comma = '\t'
		}
	}
	return wr, nil
}

// Meta makes the JSON document an object with these fields first (call it
// before the first Table; other formats ignore it).
func (w *Writer) Meta(kv ...KV) {
	w.object = true
	w.meta = append(w.meta, kv...)
}

// Table writes one table.
func (w *Writer) Table(t *Table) error {
	if w.err != nil {
		return w.err
	}
	cols, idx := w.columns(t)
	switch w.format {
	case "table":
		w.err = w.terminal(t, cols, idx)
	case "markdown":
		w.err = w.markdown(t, cols, idx)
	case "csv", "tsv":
		w.err = w.csvRows(t, cols, idx)
	case "jsonl":
		w.err = w.jsonLines(t, cols, idx)
	case "json":
		w.err = w.json(t, cols, idx)
	}
	w.n++
	w.flush()
	return w.err
}

// writeBlock is the size of the Writer's buffer: a table is written in
// blocks of this size, or in one write when smaller (one per document of a
// streamed output), not row by row.
const writeBlock = 64 << 10

// flush writes out what the tables written so far left in the buffers:
// every table is on its way to the destination when Table returns, so that
// a command may write there itself between tables, and output streams
// document by document.
func (w *Writer) flush() {
	if w.err != nil {
		return
	}
	if w.cw != nil {
		w.cw.Flush()
		if w.err = w.cw.Error(); w.err != nil {
			return
		}
	}
	w.err = w.buf.Flush()
}

// Close ends the output (closes the JSON document, flushes CSV).
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if w.format == "json" {
		w.err = w.jsonClose()
	}
	w.flush()
	return w.err
}

// columns are the columns shown in this format, and their indexes in rows.
func (w *Writer) columns(t *Table) ([]Column, []int) {
	var cols []Column
	var idx []int
	for i, c := range t.Columns {
		if c.TTYOnly && !(w.format == "table" && w.opt.TTY) ||
			c.JSONOnly && w.format != "json" && w.format != "jsonl" ||
			c.MachineOnly && (w.format == "table" || w.format == "markdown") {
			continue
		}
		cols = append(cols, c)
		idx = append(idx, i)
	}
	return cols, idx
}

func cellAt(row []any, i int) Cell {
	if i >= len(row) {
		return Str("")
	}
	return cellOf(row[i])
}

func (w *Writer) terminal(t *Table, cols []Column, idx []int) error {
	if w.n > 0 {
		if _, err := io.WriteString(w.w, "\n"); err != nil {
			return err
		}
	}
	tt := Grid{Title: Printable(t.Title), Footer: t.Footer}
	if len(t.Rows) == 0 && t.Empty != "" {
		tt.Footer = t.Empty
	}
	named := false
	for _, c := range cols {
		tt.Header = append(tt.Header, c.Name)
		tt.Align = append(tt.Align, c.Align)
		named = named || c.Name != ""
	}
	if !named {
		tt.Header = nil // a list of label–value lines: no header row
	}
	for _, r := range t.Rows {
		row := make([]string, len(idx))
		for j, i := range idx {
			row[j] = Printable(cellAt(r, i).Text("table"))
		}
		tt.Rows = append(tt.Rows, row)
	}
	return writeTerminal(w.w, tt)
}

func (w *Writer) markdown(t *Table, cols []Column, idx []int) error {
	// an untitled table of the same name as the last continues it (rows
	// streamed document by document)
	cont := w.n > 0 && t.Title == "" && t.Name == w.lastName
	w.lastName = t.Name
	if cont {
		for _, r := range t.Rows {
			row := make([]string, len(idx))
			for j, i := range idx {
				row[j] = cellAt(r, i).Text("markdown")
			}
			if err := writeMarkdownRow(w.w, row); err != nil {
				return err
			}
		}
		return nil
	}
	if w.n > 0 {
		if _, err := io.WriteString(w.w, "\n"); err != nil {
			return err
		}
	}
	tt := Grid{Title: t.Title}
	for _, c := range cols {
		tt.Header = append(tt.Header, c.Name)
		tt.Align = append(tt.Align, c.Align)
	}
	for _, r := range t.Rows {
		row := make([]string, len(idx))
		for j, i := range idx {
			row[j] = cellAt(r, i).Text("markdown")
		}
		tt.Rows = append(tt.Rows, row)
	}
	return writeMarkdown(w.w, tt)
}

func (w *Writer) csvRows(t *Table, cols []Column, idx []int) error {
	if w.n == 0 {
		var header []string
		for _, g := range t.Group {
			header = append(header, g.Key)
		}
		for _, c := range cols {
			header = append(header, c.Name)
		}
		if err := w.cw.Write(header); err != nil {
			return err
		}
	}
	for _, r := range t.Rows {
		row := make([]string, 0, len(t.Group)+len(idx))
		for _, g := range t.Group {
			row = append(row, cellOf(g.Value).Text(w.format))
		}
		for _, i := range idx {
			row = append(row, cellAt(r, i).Text(w.format))
		}
		if w.format == "tsv" {
			row = tsvCells(row)
		}
		if err := w.cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// rowObject is a row as a JSON object: the group's fields, then the
// columns.
func rowObject(group []KV, cols []Column, idx []int, r []any) object {
	o := make(object, 0, len(group)+len(idx))
	for _, g := range group {
		o = append(o, KV{g.Key, cellOf(g.Value).JSON()})
	}
	for j, i := range idx {
		v := cellAt(r, i).JSON()
		if cols[j].OmitEmpty && isEmpty(v) {
			continue
		}
		o = append(o, KV{cols[j].key(), v})
	}
	return o
}

// marshalRow is marshal(rowObject(group, cols, idx, r), indent).
func marshalRow(group []KV, cols []Column, idx []int, r []any, indent string) ([]byte, error) {
	if b, ok := appendRowJSON(make([]byte, 0, 64+32*len(idx)), group, cols, idx, r, indent); ok {
		return b, nil
	}
	return marshal(rowObject(group, cols, idx, r), indent)
}

func (w *Writer) jsonLines(t *Table, cols []Column, idx []int) error {
	for _, r := range t.Rows {
		b, err := marshalRow(t.Group, cols, idx, r, "")
		if err != nil {
			return err
		}
		b = append(b, '\n')
		if _, err := w.w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (w *Writer) write(s string) error {
	_, err := io.WriteString(w.w, s)
	return err
}

// json writes a table into the streamed JSON document: its rows, each with
// the group's fields first (as in JSON Lines), in the document's array or,
// with Meta, in the array under the table's name.
func (w *Writer) json(t *Table, cols []Column, idx []int) error {
	if err := w.jsonOpen(t); err != nil {
		return err
	}
	body, err := jsonRows(nil, t, cols, idx, w.jsonIndent())
	if err != nil {
		return err
	}
	return w.jsonBody(body)
}

// jsonIndent is the indent of the rows: two spaces in an array, four in
// the arrays of an object.
func (w *Writer) jsonIndent() string {
	if w.object {
		return "    "
	}
	return "  "
}

// jsonOpen writes what comes before t's rows: the start of the document,
// in an object the key of t's array when it is not the open one.
func (w *Writer) jsonOpen(t *Table) error {
	j := &w.js
	if !j.started {
		if err := w.jsonStart(); err != nil {
			return err
		}
	}
	if w.object && (!j.keyOpen || j.key != t.Name) {
		if err := w.closeKey(); err != nil {
			return err
		}
		sep := ","
		if len(w.meta) == 0 && !j.anyKey {
			sep = ""
		}
		k, _ := marshal(t.Name, "")
		if err := w.write(sep + "\n  " + string(k) + ": ["); err != nil {
			return err
		}
		j.keyOpen, j.anyKey, j.key, j.empty = true, true, t.Name, true
	}
	return nil
}

// jsonRows appends t's rows, each after ",\n" and the indent.
func jsonRows(dst []byte, t *Table, cols []Column, idx []int, indent string) ([]byte, error) {
	for _, r := range t.Rows {
		dst = append(dst, ",\n"...)
		dst = append(dst, indent...)
		if b, ok := appendRowJSON(dst, t.Group, cols, idx, r, indent); ok {
			dst = b
			continue
		}
		b, err := marshal(rowObject(t.Group, cols, idx, r), indent)
		if err != nil {
			return nil, err
		}
		dst = append(dst, b...)
	}
	return dst, nil
}

// jsonBody writes rows made by jsonRows into the open array: the first
// row of the array without its comma.
func (w *Writer) jsonBody(body []byte) error {
	if len(body) == 0 {
		return nil
	}
	j := &w.js
	if j.empty {
		body = body[1:]
	}
	j.empty = false
	_, err := w.w.Write(body)
	return err
}

// jsonState is where the streamed JSON document stands.
type jsonState struct {
	started bool
	keyOpen bool   // object mode: the array under key is open
	anyKey  bool   // a key was written
	key     string // the open key
	empty   bool   // nothing yet in the open array
}

func (w *Writer) jsonStart() error {
	j := &w.js
	j.started = true
	if !w.object {
		j.empty = true
		return w.write("[")
	}
	if err := w.write("{"); err != nil {
		return err
	}
	for i, kv := range w.meta {
		b, err := marshal(cellOf(kv.Value).JSON(), "  ")
		if err != nil {
			return err
		}
		sep := ","
		if i == 0 {
			sep = ""
		}
		k, _ := marshal(kv.Key, "")
		if err := w.write(sep + "\n  " + string(k) + ": " + string(b)); err != nil {
			return err
		}
	}
	return nil
}

func (w *Writer) closeKey() error {
	j := &w.js
	if !j.keyOpen {
		return nil
	}
	j.keyOpen = false
	if j.empty {
		return w.write("]")
	}
	return w.write("\n  ]")
}

func (w *Writer) jsonClose() error {
	j := &w.js
	if !j.started {
		if err := w.jsonStart(); err != nil {
			return err
		}
	}
	if w.object {
		if err := w.closeKey(); err != nil {
			return err
		}
		return w.write("\n}\n")
	}
	if j.empty {
		return w.write("]\n")
	}
	return w.write("\n]\n")
}

// Object is a JSON object with its keys in order.
type Object []KV

type object = Object

// MarshalJSON writes the object's keys in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(kv.Key, "")
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(kv.Value, "")
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes v without HTML escaping; with indent (the prefix of the
// lines after the first) non-empty, indented by two spaces a level.
func marshal(v any, indent string) ([]byte, error) {
	if b, ok := appendJSON(nil, v, indent, indent != ""); ok {
		return b, nil
	}
	return marshalStd(v, indent)
}

// marshalStd is marshal by encoding/json, for the values appendJSON does
// not write.
func marshalStd(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case int64:
		return x == 0
	case int:
		return x == 0
	case float64:
		return x == 0
	case bool:
		return !x
	case []string:
		return len(x) == 0
	}
	return false
}

// Cell is one value of a row: how it is shown in each format.
type Cell interface {
	// Text is the cell in a row format (table, markdown, csv, tsv).
	Text(format string) string
	// JSON is the cell's value in JSON.
	JSON() any
}

type strCell string

// Str is a text cell.
func Str(s string) Cell { return strCell(s) }

func (c strCell) Text(string) string { return string(c) }
func (c strCell) JSON() any          { return string(c) }

type intCell int64

// Int is an integer cell.
func Int(n int64) Cell { return intCell(n) }

func (c intCell) Text(string) string { return strconv.FormatInt(int64(c), 10) }
func (c intCell) JSON() any          { return int64(c) }

type shareCell float64

// Share is a proportion: a percentage with two decimals for people
// (1.65%), the fraction rounded to six decimals for machines (0.016512).
func Share(x float64) Cell { return shareCell(x) }

func (c shareCell) Text(format string) string {
	if format == "table" || format == "markdown" {
		return fmt.Sprintf("%.2f%%", 100*float64(c))
	}
	return strconv.FormatFloat(Round(float64(c), 6), 'f', -1, 64)
}
func (c shareCell) JSON() any { return Round(float64(c), 6) }

type scoreCell float64

// Score is a score: four decimals in the row formats, rounded to six in
// JSON.
func Score(x float64) Cell { return scoreCell(x) }

func (c scoreCell) Text(string) string { return FormatFloat(float64(c)) }
func (c scoreCell) JSON() any          { return Round(float64(c), 6) }

type rawCell float64

// Raw is a number with four decimals in the row formats and its full
// precision in JSON.
func Raw(x float64) Cell { return rawCell(x) }

func (c rawCell) Text(string) string { return FormatFloat(float64(c)) }
func (c rawCell) JSON() any          { return float64(c) }

type fixedCell struct {
	x      float64
	digits int
}

// Fixed is a number rounded to digits decimals, written without trailing
// zeros.
func Fixed(x float64, digits int) Cell { return fixedCell{Round(x, digits), digits} }

func (c fixedCell) Text(string) string { return strconv.FormatFloat(c.x, 'f', -1, 64) }
func (c fixedCell) JSON() any          { return c.x }

type sigCell float64

// Sig is a number with four significant digits (p-values span many orders
// of magnitude).
func Sig(x float64) Cell {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 4, 64), 64)
	return sigCell(f)
}

func (c sigCell) Text(string) string { return strconv.FormatFloat(float64(c), 'g', 4, 64) }
func (c sigCell) JSON() any          { return float64(c) }

type listCell struct {
	items []string
	sep   string
}

// List is a list of strings: joined with sep in the row formats, an array
// in JSON.
func List(items []string, sep string) Cell { return listCell{items, sep} }

func (c listCell) Text(string) string { return strings.Join(c.items, c.sep) }
func (c listCell) JSON() any {
	if c.items == nil {
		return []string{}
	}
	return c.items
}

type barCell struct{ n, top int64 }

// BarOf is a bar of n against top, for a TTYOnly column.
func BarOf(n, top int64) Cell { return barCell{n, top} }

func (c barCell) Text(string) string { return Bar(c.n, c.top, 20) }
func (c barCell) JSON() any          { return c.n }

type valueCell struct{ v any }

// Value is a cell that is a JSON value of its own (a map, an array): its
// JSON as it is, and in row formats that JSON compact.
func Value(v any) Cell { return valueCell{v} }

func (c valueCell) Text(string) string {
	b, err := marshal(c.v, "")
	if err != nil {
		return fmt.Sprint(c.v)
	}
	return string(b)
}
func (c valueCell) JSON() any { return c.v }

type flagCell struct {
	on   bool
	word string
}

// Flag is a yes/no cell: word (or nothing) in the row formats, true or
// false in JSON.
func Flag(on bool, word string) Cell { return flagCell{on, word} }

func (c flagCell) Text(string) string {
	if c.on {
		return c.word
	}
	return ""
}
func (c flagCell) JSON() any { return c.on }

type boolCell bool

func (c boolCell) Text(string) string { return strconv.FormatBool(bool(c)) }
func (c boolCell) JSON() any          { return bool(c) }

type floatCell float64

func (c floatCell) Text(string) string { return strconv.FormatFloat(float64(c), 'f', -1, 64) }
func (c floatCell) JSON() any          { return float64(c) }

// cellOf makes a Cell of a plain value.
func cellOf(v any) Cell {
	switch x := v.(type) {
	case Cell:
		return x
	case string:
		return strCell(x)
	case int:
		return intCell(x)
	case int64:
		return intCell(x)
	case float64:
		return floatCell(x)
	case bool:
		return boolCell(x)
	case []string:
		return listCell{x, ", "}
	case nil:
		return strCell("")
	}
	return valueCell{v}
}

// Round keeps digits decimals.
func Round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// Bar draws n against top as a bar of at most width cells, in eighths.
func Bar(n, top int64, width int) string {
	if top <= 0 || n <= 0 {
		return ""
	}
	eighths := int(math.Round(float64(n) / float64(top) * float64(width*8)))
	eighths = min(max(eighths, 1), width*8)
	var b strings.Builder
	b.WriteString(strings.Repeat("█", eighths/8))
	if r := eighths % 8; r > 0 {
		b.WriteRune([]rune("▏▎▍▌▋▊▉")[r-1])
	}
	return b.String()
}

// Thousands formats n with thousands separators.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Size shows a byte count in B, kB, MB or GB (powers of 1000).
func Size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}
