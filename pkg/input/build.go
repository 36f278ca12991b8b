package input

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// extracted is what a document reader returns.
type extracted struct {
	text      string
	warnings  []Warning
	encoding  string // "" = utf-8
	producer  string
	pages     int
	textPages int
	sheets    int
	encrypted bool
}

// build turns the raw bytes of one input into a Document.
func build(ctx context.Context, name string, raw []byte, s sniffed, opts Options) (*Document, error) {
	doc := &Document{Name: displayName(name), Size: int64(len(raw)), Encoding: EncUTF8}
	b := newBudget(ctx, doc.Name, opts)
	format := s.format
	var (
		zd  *zipDoc
		cf  *cfbFile
		err error
	)
	switch format {
	case sniffZip:
		if zd, err = openZip(doc.Name, raw, b, s.declared); err != nil {
			return nil, err
		}
		if format, err = zd.classify(s.declared); err != nil {
			return nil, err
		}
	case sniffOLE:
		if cf, err = parseCFB(raw); err != nil {
			return nil, corruptError(doc.Name, err, "%v; open and save it again in Word or WPS", err)
		}
		if format, err = classifyOLE(doc.Name, cf, s.declared); err != nil {
			return nil, err
		}
	}
	doc.Format = format
	if s.declared != "" && s.declared != format && !(isTextFormat(s.declared) && isTextFormat(format)) {
		doc.Warnings = append(doc.Warnings, Warning{Offset: -1,
			Message: fmt.Sprintf("named %s but it is %s: read as %s", s.ext, withArticle(format), formatName(format))})
	}
	if len(raw) == 0 {
		return doc, nil
	}
	var x *extracted
	switch format {
	case FormatText, FormatMarkdown:
		text, err := decodeText(ctx, doc, raw, opts.Encoding)
		if err != nil {
			return nil, err
		}
		doc.Text = text
		return doc, nil
	case FormatHTML:
		enc := opts.Encoding
		if k, _ := parseKind(enc); k == kAuto {
			enc = htmlEncoding(raw)
		}
		text, err := decodeText(ctx, doc, raw, enc)
		if err != nil {
			return nil, err
		}
		t, warns := extractHTML(text)
		doc.Text = t
		doc.Warnings = append(doc.Warnings, warns...)
		return doc, nil
	case FormatDOCX:
		if zd == nil {
			if zd, err = openZipAs(doc.Name, raw, b, format); err != nil {
				return nil, err
			}
		}
		x, err = extractDOCX(zd)
	case FormatXLSX:
		if zd == nil {
			if zd, err = openZipAs(doc.Name, raw, b, format); err != nil {
				return nil, err
			}
		}
		x, err = extractXLSX(zd)
	case FormatOFD:
		if zd == nil {
			if zd, err = openZipAs(doc.Name, raw, b, format); err != nil {
				return nil, err
			}
		}
		x, err = extractOFD(zd)
	case FormatODT:
		if zd == nil && !hasPrefix(raw, "PK") {
			x, err = extractFlatODT(doc.Name, raw, b)
			break
		}
		if zd == nil {
			if zd, err = openZipAs(doc.Name, raw, b, format); err != nil {
				return nil, err
			}
		}
		x, err = extractODT(zd)
	case FormatDOC:
		if cf == nil {
			if !hasPrefix(raw, oleMagic) {
				return nil, corruptError(doc.Name, nil, "not a Word 97-2003 .doc file: no OLE compound-file signature")
			}
			if cf, err = parseCFB(raw); err != nil {
				return nil, corruptError(doc.Name, err, "%v; open and save it again in Word or WPS", err)
			}
		}
		x, err = extractDOC(doc.Name, cf, b)
	case FormatPDF:
		x, err = extractPDF(doc.Name, raw, b, opts.Password)
	case FormatRTF:
		x, err = extractRTF(doc.Name, raw, b)
	default:
		return nil, newError(doc.Name, ErrUnsupported, nil, "unknown format %q", format)
	}
	if err != nil {
		return nil, err
	}
	doc.Text = x.text
	doc.Warnings = append(doc.Warnings, x.warnings...)
	if x.encoding != "" {
		doc.Encoding = x.encoding
	}
	doc.Producer, doc.Pages, doc.TextPages, doc.Sheets, doc.Encrypted = x.producer, x.pages, x.textPages, x.sheets, x.encrypted
	return doc, nil
}

// withArticle names a format after "it is".
func withArticle(f string) string {
	switch f {
	case FormatText, FormatMarkdown:
		return formatName(f)
	case FormatHTML:
		return "an HTML page"
	case FormatOFD, FormatODT, FormatRTF:
		return "an " + formatName(f)
	}
	return "a " + formatName(f)
}

// decodeText decodes raw for doc and records the encoding and warnings in
// doc. raw is the reader's own (read by readDoc for this document, held by
// nothing else and never changed): valid UTF-8 becomes the text without a
// copy, and is checked once, by the detection when it saw all of it.
func decodeText(ctx context.Context, doc *Document, raw []byte, encoding string) (string, error) {
	k, bom, enc, checked, err := resolveChecked(raw, encoding, false)
	if err != nil {
		return "", newError(doc.Name, ErrEncoding, nil, "%v", err)
	}
	doc.Encoding = enc
	text, warns, err := decodeOwned(ctx, raw, k, bom, checked, true)
	if err != nil {
		return "", err
	}
	doc.Warnings = append(doc.Warnings, warns...)
	return text, nil
}

// classifyOLE decides what a compound file holds from its streams.
func classifyOLE(name string, c *cfbFile, declared string) (string, error) {
	names := c.rootNames()
	has := func(n string) bool { _, ok := names[n]; return ok }
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		what := "Office document"
		switch declared {
		case FormatDOCX:
			what = ".docx"
		case FormatXLSX:
			what = ".xlsx"
		}
		return "", encryptedError(name, "encrypted "+what+" (password protected); open it with its password and save it again without one")
	case has("WordDocument"):
		return FormatDOC, nil
	case has("Workbook"), has("Book"):
		return "", newError(name, ErrUnsupported, nil, "unsupported format (Excel 97-2003 .xls content); save it as .xlsx")
	case has("PowerPoint Document"):
		return "", newError(name, ErrUnsupported, nil, "unsupported format (PowerPoint 97-2003 .ppt content); export the slides' text to .txt or .docx")
	case has("CONTENTS") || has("MatOST"):
		return "", newError(name, ErrUnsupported, nil, "unsupported format (Microsoft Works document content); save it as .docx in Word or WPS")
	}
	return "", newError(name, ErrUnsupported, nil, "unsupported format (OLE compound file holding no Word document); save it as .docx or .txt")
}

// zipDoc is an opened zip container and what the document may still unpack.
type zipDoc struct {
	name  string
	label string // ".docx", or "zip container" when the name says nothing
	zr    *zip.Reader
	files map[string]*zip.File // by name without a leading "/"
	lower map[string]*zip.File // by lower-case name
	b     *budget
}

func openZip(name string, raw []byte, b *budget, declared string) (*zipDoc, error) {
	label := "zip container"
	switch declared {
	case FormatDOCX, FormatXLSX, FormatOFD, FormatODT:
		label = "." + declared
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, corruptError(name, err, "damaged %s (%v): truncated or not a whole download? open and save it again", label, err)
	}
	z := &zipDoc{name: name, label: label, zr: zr, files: make(map[string]*zip.File, len(zr.File)),
		lower: make(map[string]*zip.File, len(zr.File)), b: b}
	for _, f := range zr.File {
		n := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		if _, dup := z.files[n]; !dup {
			z.files[n] = f
		}
		if _, dup := z.lower[strings.ToLower(n)]; !dup {
			z.lower[strings.ToLower(n)] = f
		}
	}
	return z, nil
}

// openZipAs opens a zip for a format the user forced.
func openZipAs(name string, raw []byte, b *budget, format string) (*zipDoc, error) {
	if !hasPrefix(raw, "PK") {
		if hasPrefix(raw, oleMagic) && format == FormatDOCX {
			return nil, corruptError(name, nil, "not a .docx archive: it is an OLE compound file (a Word 97 .doc or a password-protected document)")
		}
		return nil, corruptError(name, nil, "not a %s file: no zip signature", formatName(format))
	}
	return openZip(name, raw, b, format)
}

// file returns the part named p (no leading "/"), matching case only if
// no part has the exact name.
func (z *zipDoc) file(p string) *zip.File {
	p = strings.TrimPrefix(p, "/")
	if f := z.files[p]; f != nil {
		return f
	}
	return z.lower[strings.ToLower(p)]
}

// open opens a part for streaming, counting what it unpacks.
func (z *zipDoc) open(f *zip.File) (io.ReadCloser, error) {
	if !z.b.fits(int64(f.UncompressedSize64)) || f.UncompressedSize64 > 1<<62 {
		return nil, z.b.take(int64(min(f.UncompressedSize64, 1<<62)), f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, corruptError(z.name, err, "damaged %s: %s: %v", z.label, f.Name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{z.b.reader(rc, f.Name), rc}, nil
}

// read returns a part's content.
func (z *zipDoc) read(f *zip.File) ([]byte, error) {
	rc, err := z.open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := z.b.readAll(rc, f.Name, int64(min(f.UncompressedSize64, 1<<30)))
	if err != nil {
		return nil, z.partError(f.Name, err)
	}
	return data, nil
}

// partError wraps an error met while reading part p; limit and context
// errors pass through as they are.
func (z *zipDoc) partError(p string, err error) error {
	var ie *Error
	if errors.As(err, &ie) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return corruptError(z.name, err, "damaged %s: %s: %v", z.label, p, err)
}

// classify decides what a zip container holds from its parts.
func (z *zipDoc) classify(declared string) (string, error) {
	switch {
	case z.file("OFD.xml") != nil:
		return FormatOFD, nil
	case docxMainPart(z) != nil:
		return FormatDOCX, nil
	case z.file("xl/workbook.xml") != nil || z.officeTarget("/xl/") != "":
		return FormatXLSX, nil
	case z.file("ppt/presentation.xml") != nil:
		return "", newError(z.name, ErrUnsupported, nil, "unsupported format (PowerPoint .pptx content); export the slides' text to .txt or .docx")
	}
	mime := ""
	if f := z.file("mimetype"); f != nil && f.UncompressedSize64 < 256 {
		if b, err := z.read(f); err == nil {
			mime = strings.TrimSpace(string(b))
		}
	}
	switch {
	case mime == "application/vnd.oasis.opendocument.text", mime == "application/vnd.oasis.opendocument.text-template",
		mime == "" && z.file("content.xml") != nil && z.file("META-INF/manifest.xml") != nil:
		return FormatODT, nil
	case strings.HasPrefix(mime, "application/vnd.oasis.opendocument.spreadsheet"):
		return "", newError(z.name, ErrUnsupported, nil, "unsupported format (OpenDocument spreadsheet content); save it as .xlsx")
	case strings.HasPrefix(mime, "application/vnd.oasis.opendocument."):
		return "", newError(z.name, ErrUnsupported, nil, "unsupported format (%s content); save it as .odt or .docx", mime)
	case mime == "application/epub+zip":
		return "", newError(z.name, ErrUnsupported, nil, "unsupported format (EPUB content); %s", hintFor(".epub"))
	}
	switch declared {
	case FormatDOCX:
		return "", corruptError(z.name, nil, "damaged .docx: no word/document.xml in the archive")
	case FormatXLSX:
		return "", corruptError(z.name, nil, "damaged .xlsx: no xl/workbook.xml in the archive")
	case FormatOFD:
		return "", corruptError(z.name, nil, "damaged .ofd: no OFD.xml in the archive")
	case FormatODT:
		return "", corruptError(z.name, nil, "damaged .odt: no content.xml in the archive")
	}
	return "", newError(z.name, ErrUnsupported, nil, "unsupported format (zip archive content); %s", hintFor(".zip"))
}

// officeTarget returns the target of the package's officeDocument
// relationship if it lies under dir ("/xl/"), else "".
func (z *zipDoc) officeTarget(dir string) string {
	t := z.relTarget("_rels/.rels", "", "/officeDocument")
	if strings.HasPrefix("/"+t, dir) {
		return t
	}
	return ""
}

// relTarget reads a relationships part and returns the target (resolved
// against base, a directory inside the package) of the first relationship
// whose type ends with typeSuffix, or "".
func (z *zipDoc) relTarget(relsPart, base, typeSuffix string) string {
	for _, r := range z.rels(relsPart, base) {
		if strings.HasSuffix(r.typ, typeSuffix) {
			return r.target
		}
	}
	return ""
}

type relationship struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved against base.
func (z *zipDoc) rels(relsPart, base string) []relationship {
	f := z.file(relsPart)
	if f == nil || f.UncompressedSize64 > 8<<20 {
		return nil
	}
	data, err := z.read(f)
	if err != nil {
		return nil
	}
	var doc struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := newXMLDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil
	}
	out := make([]relationship, 0, len(doc.Rel))
	for _, r := range doc.Rel {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		t := r.Target
		if !strings.HasPrefix(t, "/") {
			t = "/" + base + "/" + t
		}
		out = append(out, relationship{r.ID, r.Type, strings.TrimPrefix(path.Clean(t), "/")})
	}
	return out
}
