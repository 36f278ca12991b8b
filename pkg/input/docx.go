package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// maxDocxXML bounds the uncompressed size of a .docx main document, so a
// crafted archive cannot exhaust memory.
const maxDocxXML = 512 << 20

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
func extractDOCX(name string, raw []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		if hasPrefix(raw, oleMagic) {
			return "", newError(name, ErrCorrupt, err,
				"not a .docx archive: it is a legacy Word file or a password-protected document; save it as .docx without a password")
		}
		return "", newError(name, ErrCorrupt, err, "corrupt .docx (%v); open and save it again in Word or WPS", err)
	}
	f := docxMainPart(zr)
	if f == nil {
		return "", newError(name, ErrCorrupt, nil, "corrupt .docx: no word/document.xml in the archive")
	}
	rc, err := f.Open()
	if err != nil {
		return "", newError(name, ErrCorrupt, err, "corrupt .docx: %s: %v", f.Name, err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: maxDocxXML + 1}
	text, err := docxText(lr)
	if lr.N <= 0 {
		return "", newError(name, ErrTooLarge, nil, "too large (%s uncompressed is over %s)", f.Name, humanBytes(maxDocxXML))
	}
	if err != nil {
		return "", newError(name, ErrCorrupt, err, "corrupt .docx: %s: %v", f.Name, err)
	}
	return text, nil
}

// docxMainPart finds the main document part: word/document.xml, or the
// target of the officeDocument relationship in _rels/.rels.
func docxMainPart(zr *zip.Reader) *zip.File {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if f := files["word/document.xml"]; f != nil {
		return f
	}
	rels := files["_rels/.rels"]
	if rels == nil {
		return nil
	}
	rc, err := rels.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	var doc struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(&doc); err != nil {
		return nil
	}
	for _, r := range doc.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return files[strings.TrimPrefix(path.Clean("/"+r.Target), "/")]
		}
	}
	return nil
}

// docxText streams a WordprocessingML document and collects its text.
func docxText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
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
