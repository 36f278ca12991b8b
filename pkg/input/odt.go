package input

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// OpenDocument namespaces.
const (
	nsODFOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsODFText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsODFMeta   = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
	nsODFDraw   = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
	nsODFSVG    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
)

// extractODT returns the text of an OpenDocument text file (.odt): the
// paragraphs and headings of content.xml in order, one a line.
func extractODT(z *zipDoc) (*extracted, error) {
	f := z.file("content.xml")
	if f == nil {
		return nil, corruptError(z.name, nil, "damaged .odt: no content.xml in the archive")
	}
	rc, err := z.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	text, _, err := odfText(rc, z.b)
	if err != nil {
		return nil, z.partError(f.Name, err)
	}
	x := &extracted{text: text}
	if m := z.file("meta.xml"); m != nil && m.UncompressedSize64 < 1<<20 {
		if data, err := z.read(m); err == nil {
			_, x.producer, _ = odfText(bytes.NewReader(data), z.b)
		}
	}
	return x, nil
}

// extractFlatODT reads a flat OpenDocument file (.fodt): one XML document
// holding meta, styles and body.
func extractFlatODT(name string, raw []byte, b *budget) (*extracted, error) {
	text, producer, err := odfText(bytes.NewReader(raw), b)
	if err != nil {
		var ie *Error
		if errors.As(err, &ie) || b.ctx.Err() != nil {
			return nil, err
		}
		return nil, corruptError(name, err, "damaged OpenDocument XML: %v", err)
	}
	return &extracted{text: text, producer: producer}, nil
}

// odfText walks OpenDocument XML: the text of office:body (text:p and
// text:h one a line; text:s spaces, text:tab tabs, text:line-break line
// breaks; table cells and frames' paragraphs on lines of their own), and
// meta:generator. Annotations, notes, tracked deletions and generated
// tables of contents are left out.
func odfText(r io.Reader, b *budget) (text, producer string, err error) {
	dec := newXMLDecoder(r)
	var (
		out   lineSink
		line  strings.Builder
		body  int // depth inside office:body
		paras int
		skip  int
		gen   bool
		genB  strings.Builder
	)
	flush := func() {
		out.add(strings.TrimRight(line.String(), " "))
		line.Reset()
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", err
		}
		if err := b.tick(1); err != nil {
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsODFMeta && t.Name.Local == "generator" {
				gen = true
			}
			if t.Name.Space == nsODFOffice && t.Name.Local == "body" {
				body++
				continue
			}
			if body == 0 {
				continue
			}
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Space {
			case nsODFOffice:
				if t.Name.Local == "annotation" || t.Name.Local == "forms" {
					skip = 1
				}
			case nsODFText:
				switch t.Name.Local {
				case "note", "tracked-changes", "table-of-content", "alphabetical-index", "illustration-index",
					"bibliography", "user-index", "object-index", "table-index", "sequence-decls", "variable-decls",
					"user-field-decls":
					skip = 1
				case "p", "h":
					if paras > 0 && line.Len() > 0 {
						flush()
					}
					paras++
				case "s":
					n := 1
					for _, a := range t.Attr {
						if a.Name.Local == "c" {
							if v, err := strconv.Atoi(a.Value); err == nil && v > 0 {
								n = min(v, 1000)
							}
						}
					}
					if paras > 0 {
						line.WriteString(strings.Repeat(" ", n))
					}
				case "tab":
					if paras > 0 {
						line.WriteByte('\t')
					}
				case "line-break":
					if paras > 0 {
						flush()
					}
				}
			case nsODFSVG:
				skip = 1 // svg:title, svg:desc of drawings
			}
		case xml.EndElement:
			if t.Name.Space == nsODFMeta && t.Name.Local == "generator" {
				gen = false
			}
			if t.Name.Space == nsODFOffice && t.Name.Local == "body" {
				if body > 0 {
					body--
				}
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			if body > 0 && t.Name.Space == nsODFText && (t.Name.Local == "p" || t.Name.Local == "h") {
				if paras > 0 {
					paras--
				}
				if paras == 0 || line.Len() > 0 {
					flush()
				}
			}
		case xml.CharData:
			if gen {
				genB.Write(t)
			}
			if body > 0 && skip == 0 && paras > 0 {
				line.Write(t)
			}
		}
	}
	if line.Len() > 0 {
		flush()
	}
	return out.String(), strings.TrimSpace(genB.String()), nil
}
