// Package report writes results in the formats users ask for: a table on a
// terminal (box tables as tablewriter draws them: drawn here for plain
// tables, by tablewriter for the rest), JSON and JSON Lines, CSV, TSV and
// Markdown for machines and documents. It is the only package that knows
// tablewriter.
//
// Commands describe their output as Tables (for the row formats) and as
// plain Go values (for JSON); report never decides what a result means.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Align says how the cells of a column are aligned on a terminal.
type Align int

const (
	Left Align = iota
	Right
)

// Grid is one titled table of strings, as drawn.
type Grid struct {
	Title  string   // printed above the table on a terminal, a heading in Markdown
	Header []string // column names
	Rows   [][]string
	Align  []Align // per column; missing entries are Left
	// Footer, when set, is a last line of notes printed under a terminal table.
	Footer string
}

// IsRowFormat says whether format is rendered from Tables.
func IsRowFormat(format string) bool {
	switch format {
	case "table", "csv", "tsv", "markdown":
		return true
	}
	return false
}

// WriteTables writes tables in a row format. For csv and tsv the header is
// written once, from the first table: commands that print several tables
// to csv flatten them into one, with a column naming the document.
func WriteTables(w io.Writer, format string, tables ...Grid) error {
	switch format {
	case "table":
		for i, t := range tables {
			if i > 0 {
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			if err := writeTerminal(w, t); err != nil {
				return err
			}
		}
		return nil
	case "csv", "tsv":
		cw := csv.NewWriter(w)
		if format == "tsv" {
			cw.Comma = '\t'
		}
		for i, t := range tables {
			if i == 0 {
				if err := cw.Write(t.Header); err != nil {
					return err
				}
			}
			for _, r := range t.Rows {
				if format == "tsv" {
					r = tsvCells(r)
				}
				if err := cw.Write(r); err != nil {
					return err
				}
			}
		}
		cw.Flush()
		return cw.Error()
	case "markdown":
		for i, t := range tables {
			if i > 0 {
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			if err := writeMarkdown(w, t); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("report: %q is not a row format", format)
}

// tsvCells keeps TSV one record a line: tabs and newlines inside cells
// become spaces.
func tsvCells(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
	}
	return out
}

func writeTerminal(w io.Writer, t Grid) error {
	if t.Title != "" {
		if _, err := fmt.Fprintf(w, "%s\n", t.Title); err != nil {
			return err
		}
	}
	drawn, err := drawTable(w, t)
	if err != nil {
		return err
	}
	if !drawn {
		if err := tablewriterTable(w, t); err != nil {
			return err
		}
	}
	if t.Footer != "" {
		if _, err := fmt.Fprintf(w, "%s\n", t.Footer); err != nil {
			return err
		}
	}
	return nil
}

// tablewriterTable draws t's header and rows with tablewriter.
func tablewriterTable(w io.Writer, t Grid) error {
	aligns := make([]tw.Align, len(t.Header))
	for i := range aligns {
		aligns[i] = tw.AlignLeft
		if i < len(t.Align) && t.Align[i] == Right {
			aligns[i] = tw.AlignRight
		}
	}
	tbl := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithTrimSpace(tw.Off),
	)
	tbl.Header(anySlice(t.Header)...)
	for _, r := range t.Rows {
		if err := tbl.Append(anySlice(r)...); err != nil {
			return err
		}
	}
	return tbl.Render()
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func writeMarkdown(w io.Writer, t Grid) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", mdEscape(t.Title))
	}
	b.WriteString("|")
	for _, h := range t.Header {
		fmt.Fprintf(&b, " %s |", mdEscape(h))
	}
	b.WriteString("\n|")
	for i := range t.Header {
		if i < len(t.Align) && t.Align[i] == Right {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("|")
		for _, c := range r {
			fmt.Fprintf(&b, " %s |", mdEscape(c))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownRow(w io.Writer, row []string) error {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range row {
		fmt.Fprintf(&b, " %s |", mdEscape(c))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

var mdReplacer = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ")

func mdEscape(s string) string { return mdReplacer.Replace(s) }

// WriteJSON writes v as one indented JSON document. HTML characters are not
// escaped: results are Chinese text, not web pages.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// JSONLines writes one JSON value a line.
type JSONLines struct{ enc *json.Encoder }

// NewJSONLines returns a JSON Lines writer on w.
func NewJSONLines(w io.Writer) *JSONLines {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONLines{enc: enc}
}

// Write writes one record.
func (j *JSONLines) Write(v any) error { return j.enc.Encode(v) }

// FormatFloat prints a score with four significant decimals, the same on
// every platform.
func FormatFloat(f float64) string {
	return fmt.Sprintf("%.4f", f)
}

// RowWriter streams the rows of one table in csv, tsv or markdown, for
// outputs too long to hold (every token of a corpus).
type RowWriter struct {
	format string
	w      io.Writer
	cw     *csv.Writer
	header []string
	wrote  bool
}

// NewRowWriter returns a RowWriter; format is csv, tsv or markdown.
func NewRowWriter(w io.Writer, format string, header []string) (*RowWriter, error) {
	rw := &RowWriter{format: format, w: w, header: header}
	switch format {
	case "csv", "tsv":
		rw.cw = csv.NewWriter(w)
		if format == "tsv" {
			rw.cw.Comma = '\t'
		}
	case "markdown":
	default:
		return nil, fmt.Errorf("report: cannot stream rows as %q", format)
	}
	return rw, nil
}

// Write writes one row, after the header on the first call.
func (rw *RowWriter) Write(row []string) error {
	if !rw.wrote {
		rw.wrote = true
		if err := rw.writeRow(rw.header, true); err != nil {
			return err
		}
	}
	return rw.writeRow(row, false)
}

func (rw *RowWriter) writeRow(row []string, header bool) error {
	if rw.cw != nil {
		if rw.format == "tsv" {
			row = tsvCells(row)
		}
		return rw.cw.Write(row)
	}
	var b strings.Builder
	b.WriteString("|")
	for _, c := range row {
		fmt.Fprintf(&b, " %s |", mdEscape(c))
	}
	b.WriteString("\n")
	if header {
		b.WriteString("|")
		for range row {
			b.WriteString(" --- |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(rw.w, b.String())
	return err
}

// Flush writes out buffered rows; with no row written, it writes the
// header alone, so that an empty result is still a valid table.
func (rw *RowWriter) Flush() error {
	if !rw.wrote {
		rw.wrote = true
		if err := rw.writeRow(rw.header, true); err != nil {
			return err
		}
	}
	if rw.cw != nil {
		rw.cw.Flush()
		return rw.cw.Error()
	}
	return nil
}

// Printable makes text safe for a terminal: control characters (an escape
// sequence in a file name such as $'e\e[2Jx.txt' would clear the screen)
// are shown as \xNN; tabs and line ends stay.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		if isControl(r) {
			b = fmt.Appendf(b, "\\x%02x", r) // all control characters are below U+0100
			continue
		}
		b = append(b, string(r)...)
	}
	return string(b)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0
}
