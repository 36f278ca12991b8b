package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// XML namespaces of WordprocessingML (transitional and strict) and of
// markup compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// extractDOCX returns the text of a .docx file: the paragraphs of its main
// document in order, one a line (w:t text, w:tab as a tab, w:br and w:cr
// as line breaks), with no more than one blank line in a row. Deleted
// text of tracked changes, field instructions and the fallback copies of
// alternate content are left out. Headers, footers, footnotes and comments
// (other parts of the archive) are not read.
func extractDOCX(z *zipDoc) (*extracted, error) {
	f := docxMainPart(z)
	if f == nil {
		return nil, corruptError(z.name, nil, "damaged .docx: no word/document.xml in the archive")
	}
	rc, err := z.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	text, err := docxText(rc)
	if err != nil {
		return nil, z.partError(f.Name, err)
	}
	x := &extracted{text: text}
	x.producer = officeProducer(z)
	return x, nil
}

// officeProducer reads the application that wrote an Office Open XML
// package from docProps/app.xml ("Microsoft Office Word", "LibreOffice/7.4…").
func officeProducer(z *zipDoc) string {
	f := z.file("docProps/app.xml")
	if f == nil || f.UncompressedSize64 > 1<<20 {
		return ""
	}
	data, err := z.read(f)
	if err != nil {
		return ""
	}
	var app struct {
		Application string `xml:"Application"`
		AppVersion  string `xml:"AppVersion"`
	}
	if newXMLDecoder(bytes.NewReader(data)).Decode(&app) != nil {
		return ""
	}
	p := strings.TrimSpace(app.Application)
	if v := strings.TrimSpace(app.AppVersion); p != "" && v != "" && !strings.Contains(p, v) {
		p += " " + v
	}
	return p
}

// docxMainPart finds the main document part: word/document.xml, or the
// target of the officeDocument relationship in _rels/.rels.
func docxMainPart(z *zipDoc) *zip.File {
	if f := z.file("word/document.xml"); f != nil {
		return f
	}
	t := z.relTarget("_rels/.rels", "", "/officeDocument")
	if t == "" || strings.HasPrefix(t, "xl/") || strings.HasPrefix(t, "ppt/") {
		return nil
	}
	return z.file(t)
}

// docxText streams a WordprocessingML document and collects its text.
func docxText(r io.Reader) (string, error) {
	dec := newXMLDecoder(r)
	var (
		out   lineSink
		line  strings.Builder
		paras int // open w:p elements (text boxes nest them)
		runs  int // open w:r elements
		texts int // open w:t elements
		skip  int // depth inside an element whose content is dropped
	)
	flush := func() {
		out.add(line.String())
		line.Reset()
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip = 1
				continue
			}
			if t.Name.Space != nsW && t.Name.Space != nsWStrict {
				continue
			}
			switch t.Name.Local {
			case "delText", "instrText", "delInstrText":
				skip = 1
			case "p":
				if paras > 0 && line.Len() > 0 {
					flush() // a paragraph nested in a text box starts a new line
				}
				paras++
			case "r":
				runs++
			case "t":
				texts++
			case "tab":
				if runs > 0 {
					line.WriteByte('\t')
				}
			case "br", "cr":
				if runs > 0 {
					flush()
				}
			case "noBreakHyphen":
				if runs > 0 {
					line.WriteByte('-')
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != nsW && t.Name.Space != nsWStrict {
				continue
			}
			switch t.Name.Local {
			case "p":
				if paras > 0 {
					paras--
				}
				if paras == 0 || line.Len() > 0 {
					flush()
				}
			case "r":
				if runs > 0 {
					runs--
				}
			case "t":
				if texts > 0 {
					texts--
				}
			}
		case xml.CharData:
			if skip == 0 && texts > 0 {
				line.Write(t)
			}
		}
	}
	if line.Len() > 0 {
		flush()
	}
	if paras != 0 {
		return "", errors.New("unexpected end of document")
	}
	return out.String(), nil
}
