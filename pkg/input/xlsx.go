package input

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xlsxMaxCols bounds the columns of a row (Excel's own limit is 16,384).
const xlsxMaxCols = 16384

// extractXLSX returns the text of an Office Open XML workbook: for each
// worksheet in workbook order, its name on a line, then its rows as lines
// of tab-separated cells (shared, inline and formula strings; numbers and
// booleans as stored; dates as Excel's serial numbers). Empty cells keep
// their column, trailing ones are dropped; a line break inside a cell
// becomes a space. Written on archive/zip and encoding/xml: what a task
// table needs is small, and every part is read within the document's
// unpacking limit.
func extractXLSX(z *zipDoc) (*extracted, error) {
	wbPath := z.officeTarget("/xl/")
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	wf := z.file(wbPath)
	if wf == nil {
		return nil, corruptError(z.name, nil, "damaged .xlsx: no %s in the archive", wbPath)
	}
	data, err := z.read(wf)
	if err != nil {
		return nil, err
	}
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			ID    string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			IDs   string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := newXMLDecoder(strings.NewReader(string(data))).Decode(&wb); err != nil {
		return nil, z.partError(wbPath, err)
	}
	dir := wbPath[:strings.LastIndex(wbPath, "/")+1]
	targets := map[string]string{}
	for _, r := range z.rels(dir+"_rels/"+wbPath[len(dir):]+".rels", strings.TrimSuffix(dir, "/")) {
		targets[r.id] = r.target
	}
	shared, err := xlsxSharedStrings(z, dir, targets)
	if err != nil {
		return nil, err
	}
	x := &extracted{producer: officeProducer(z)}
	var out lineSink
	for i, s := range wb.Sheets {
		if err := z.b.ctx.Err(); err != nil {
			return nil, err
		}
		id := s.ID
		if id == "" {
			id = s.IDs
		}
		p, ok := targets[id]
		if !ok {
			p = fmt.Sprintf("%sworksheets/sheet%d.xml", dir, i+1)
		}
		f := z.file(p)
		if f == nil {
			x.warnings = append(x.warnings, Warning{Offset: -1, Message: fmt.Sprintf("sheet %q: %s is not in the archive; its cells are missing", s.Name, p)})
			continue
		}
		x.sheets++
		out.add(strings.TrimSpace(s.Name))
		if err := xlsxSheet(z, f.Name, shared, &out); err != nil {
			return nil, err
		}
		out.add("")
	}
	x.text = out.String()
	return x, nil
}

// xlsxSharedStrings reads the shared string table (phonetic runs left out).
func xlsxSharedStrings(z *zipDoc, dir string, targets map[string]string) ([]string, error) {
	p := dir + "sharedStrings.xml"
	for _, r := range z.rels(dir+"_rels/workbook.xml.rels", strings.TrimSuffix(dir, "/")) {
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			p = r.target
		}
	}
	f := z.file(p)
	if f == nil {
		return nil, nil
	}
	rc, err := z.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := newXMLDecoder(rc)
	var (
		out  []string
		cur  strings.Builder
		inSI bool
		inT  int
		skip int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, z.partError(f.Name, err)
		}
		if err := z.b.tick(1); err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case skip > 0:
				skip++
			case t.Name.Local == "si":
				inSI = true
				cur.Reset()
			case t.Name.Local == "rPh" || t.Name.Local == "phoneticPr":
				skip = 1
			case t.Name.Local == "t" && inSI:
				inT++
			}
		case xml.EndElement:
			switch {
			case skip > 0:
				skip--
			case t.Name.Local == "si":
				out = append(out, cur.String())
				inSI = false
			case t.Name.Local == "t" && inT > 0:
				inT--
			}
		case xml.CharData:
			if inT > 0 && skip == 0 {
				cur.Write(t)
			}
		}
	}
}

// xlsxSheet streams one worksheet's rows into out.
func xlsxSheet(z *zipDoc, name string, shared []string, out *lineSink) error {
	rc, err := z.open(z.file(name))
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := newXMLDecoder(rc)
	var (
		cells   []string
		col     int    // next column (0-based) when a cell has no reference
		typ     string // t attribute of the current cell
		cellCol int
		val     strings.Builder
		inV     bool
		inIS    int
		inCell  bool
	)
	flushRow := func() {
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		out.add(strings.Join(cells, "\t"))
		cells = cells[:0]
		col = 0
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return z.partError(name, err)
		}
		if err := z.b.tick(1); err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				cells = cells[:0]
				col = 0
			case "c":
				inCell = true
				typ = attr(t, "t")
				cellCol = col
				if ref := attr(t, "r"); ref != "" {
					if c, ok := columnOf(ref); ok {
						cellCol = c
					}
				}
				val.Reset()
			case "v":
				inV = inCell
			case "is":
				inIS++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				flushRow()
			case "c":
				if inCell && cellCol < xlsxMaxCols {
					v := cellText(typ, val.String(), shared)
					for len(cells) <= cellCol {
						cells = append(cells, "")
					}
					cells[cellCol] = v
					col = cellCol + 1
				}
				inCell = false
			case "v":
				inV = false
			case "is":
				if inIS > 0 {
					inIS--
				}
			}
		case xml.CharData:
			if inV || inIS > 0 && inCell {
				val.Write(t)
			}
		}
	}
}

// cellText renders one cell's value by its type.
func cellText(typ, v string, shared []string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(shared) {
			return ""
		}
		v = shared[i]
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			return "TRUE"
		case "0":
			return "FALSE"
		}
	}
	v = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(v)
	return strings.TrimSpace(v)
}

// columnOf returns the 0-based column of a cell reference such as "C12".
func columnOf(ref string) (int, bool) {
	c := 0
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		c = c*26 + int(ref[i]-'A'+1)
		if c > xlsxMaxCols {
			return 0, false
		}
		i++
	}
	if i == 0 {
		return 0, false
	}
	return c - 1, true
}
