package input

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/transform"
)

// Read reads and decodes one file. Standard input cannot be read by name:
// give it to ReadFrom (or NewTextReader) as an io.Reader.
//
// The format comes from the extension (.txt .text → text, .md .markdown →
// markdown, .html .htm .xhtml → html, .docx → docx). The extension of a
// format this package cannot read (.doc, .pdf, .xlsx, images, archives…)
// is an ErrUnsupported error that says what to do, and nothing is read.
// Without an extension, or with another one (.log, .csv), the content
// decides: "<html" or "<!doctype html" → html, a zip holding
// word/document.xml → docx, PDF/OLE/RTF/image/zip signatures →
// ErrUnsupported, NUL bytes (not UTF-16) → ErrBinary, else text.
// Options.Format overrides all this.
func Read(src Source, opts Options) (*Document, error) {
	name := src.Path
	if src.IsStdin() {
		return nil, newError(StdinName, nil, nil, "standard input has no file to open; read it with ReadFrom")
	}
	if err := checkOptions(name, opts); err != nil {
		return nil, err
	}
	format, err := formatOf(name, opts.Format)
	if err != nil {
		return nil, err
	}
	f, size, err := openFile(name, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := readAll(name, f, size, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return build(name, raw, format, opts)
}

// ReadFrom reads and decodes one input from r. name is shown in the
// document and in errors ("-" and "" become "<stdin>"); its extension, if
// it has one, decides the format as in Read, else the content does.
func ReadFrom(name string, r io.Reader, opts Options) (*Document, error) {
	name = displayName(name)
	if err := checkOptions(name, opts); err != nil {
		return nil, err
	}
	format, err := formatOf(name, opts.Format)
	if err != nil {
		return nil, err
	}
	raw, err := readAll(name, r, -1, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return build(name, raw, format, opts)
}

// OpenText opens a text or Markdown file for streaming: the encoding is
// detected from the first 64 KiB (a BOM, UTF-16 NUL pattern, UTF-8
// validity, else the GB18030/Big5 scoring of DetectEncoding) and the rest
// is decoded on the fly, so inputs of any size can be processed in chunks.
// The returned reader is a *TextReader (Warnings, Encoding); close it.
//
// For HTML and DOCX files, which need the whole input, the file is read
// with Read and the reader serves the extracted text. Reading fails with
// ErrBinary at a NUL byte found after the first 64 KiB, and with
// ErrTooLarge past Options.MaxBytes.
func OpenText(src Source, opts Options) (io.ReadCloser, string, error) {
	name := src.Path
	if src.IsStdin() {
		return nil, "", newError(StdinName, nil, nil, "standard input has no file to open; read it with NewTextReader")
	}
	if err := checkOptions(name, opts); err != nil {
		return nil, "", err
	}
	if _, err := formatOf(name, opts.Format); err != nil {
		return nil, "", err
	}
	f, _, err := openFile(name, opts)
	if err != nil {
		return nil, "", err
	}
	tr, err := NewTextReader(name, f, opts)
	if err != nil {
		f.Close()
		return nil, "", err
	}
	tr.closer = f
	return tr, tr.enc, nil
}

// TextReader streams the decoded UTF-8 text of one input. See OpenText.
type TextReader struct {
	name   string
	enc    string
	r      io.Reader
	dec    *decoder  // nil when the text was decoded at once (HTML, DOCX)
	warns  []Warning // when dec is nil
	closer io.Closer
}

// NewTextReader is OpenText for an io.Reader (standard input, a pipe). name
// is used as in ReadFrom. The reader does not close r.
func NewTextReader(name string, r io.Reader, opts Options) (*TextReader, error) {
	name = displayName(name)
	if err := checkOptions(name, opts); err != nil {
		return nil, err
	}
	format, err := formatOf(name, opts.Format)
	if err != nil {
		return nil, err
	}
	if opts.MaxBytes > 0 {
		r = &maxReader{r: r, limit: opts.MaxBytes, name: name}
	}
	br := bufio.NewReaderSize(r, detectWindow)
	peek, err := br.Peek(detectWindow)
	atEOF := err == io.EOF
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, pathError(name, err)
	}
	whole := format == FormatHTML || format == FormatDOCX
	if format == "" {
		if hasPrefix(peek, "PK") {
			whole = true // a zip's directory is at its end: sniff it whole
		} else if format, err = sniff(name, peek); err != nil {
			return nil, err
		}
	}
	if whole || format == FormatHTML {
		raw, err := readAll(name, br, -1, 0)
		if err != nil {
			return nil, err
		}
		doc, err := build(name, raw, format, opts)
		if err != nil {
			return nil, err
		}
		return &TextReader{name: name, enc: doc.Encoding, r: strings.NewReader(doc.Text), warns: doc.Warnings}, nil
	}
	k, bom, enc, err := resolve(peek, opts.Encoding, !atEOF)
	if err != nil {
		return nil, newError(name, ErrEncoding, err, "%v", err)
	}
	isUTF16 := k == kUTF16LE || k == kUTF16BE
	if !isUTF16 && bytes.IndexByte(peek, 0) >= 0 {
		return nil, binaryError(name)
	}
	if _, err := br.Discard(bom); err != nil {
		return nil, pathError(name, err)
	}
	d := newDecoder(k, int64(bom))
	if !isUTF16 {
		d.nulErr = binaryError(name)
	}
	return &TextReader{name: name, enc: enc, r: transform.NewReader(br, d), dec: d}, nil
}

// Read implements io.Reader: decoded UTF-8 text.
func (t *TextReader) Read(p []byte) (int, error) { return t.r.Read(p) }

// Close closes the file OpenText opened (nothing for NewTextReader).
func (t *TextReader) Close() error {
	if t.closer == nil {
		return nil
	}
	c := t.closer
	t.closer = nil
	return c.Close()
}

// Name returns the input's name as shown in messages.
func (t *TextReader) Name() string { return t.name }

// Encoding returns the encoding used (see Document.Encoding).
func (t *TextReader) Encoding() string { return t.enc }

// Warnings returns the warnings so far; they are complete once Read has
// returned io.EOF.
func (t *TextReader) Warnings() []Warning {
	if t.dec == nil {
		return t.warns
	}
	return t.dec.warnings()
}

// maxReader fails with ErrTooLarge once more than limit bytes were read.
type maxReader struct {
	r     io.Reader
	limit int64
	read  int64
	name  string
}

func (m *maxReader) Read(p []byte) (int, error) {
	if m.read > m.limit {
		return 0, tooLargeError(m.name, -1, m.limit)
	}
	n, err := m.r.Read(p)
	m.read += int64(n)
	if m.read > m.limit {
		return n - int(m.read-m.limit), tooLargeError(m.name, -1, m.limit)
	}
	return n, err
}

func checkOptions(name string, opts Options) error {
	if _, ok := parseKind(opts.Encoding); !ok {
		_, err := ParseEncoding(opts.Encoding)
		return newError(name, ErrEncoding, nil, "%v", err)
	}
	switch opts.Format {
	case "", FormatText, FormatMarkdown, FormatHTML, FormatDOCX:
		return nil
	}
	return newError(name, ErrUnsupported, nil, "unknown format %q; use text, markdown, html or docx", opts.Format)
}

// openFile opens a regular file (or device, pipe) for reading, refusing
// directories and files larger than opts.MaxBytes. size is -1 if unknown.
func openFile(name string, opts Options) (*os.File, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, pathError(name, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, pathError(name, err)
	}
	if st.IsDir() {
		f.Close()
		return nil, 0, newError(name, nil, nil, "is a directory")
	}
	size := int64(-1)
	if st.Mode().IsRegular() {
		size = st.Size()
	}
	if opts.MaxBytes > 0 && size > opts.MaxBytes {
		f.Close()
		return nil, 0, tooLargeError(name, size, opts.MaxBytes)
	}
	return f, size, nil
}

// readAll reads r to the end; hint is the expected size (-1 if unknown),
// max the limit (0 = none).
func readAll(name string, r io.Reader, hint, max int64) ([]byte, error) {
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	n := int64(32 << 10)
	if hint >= 0 && hint < 1<<30 {
		n = hint + 1 // +1: see EOF without growing
	}
	buf := make([]byte, 0, n)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, pathError(name, err)
		}
	}
	if max > 0 && int64(len(buf)) > max {
		return nil, tooLargeError(name, -1, max)
	}
	return buf, nil
}

// formatOf decides the format from a forced format or the extension;
// "" means: sniff the content.
func formatOf(name, forced string) (string, error) {
	if forced != "" {
		return forced, nil
	}
	if isStdin(name) {
		return "", nil
	}
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(base))
	if ext == "" || len(ext) == len(base) || !strings.ContainsAny(ext, "abcdefghijklmnopqrstuvwxyz") {
		return "", nil // no extension, a dot file, or "report.2023"
	}
	switch ext {
	case ".txt", ".text":
		return FormatText, nil
	case ".md", ".markdown":
		return FormatMarkdown, nil
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	case ".docx":
		return FormatDOCX, nil
	}
	if _, known := unsupportedHint(ext); known {
		return "", unsupportedError(name, ext)
	}
	return "", nil // an unknown extension (.log, .csv, .bin…): sniff the content
}

// sniff decides the format of an input without a usable extension from
// the start of its content.
func sniff(name string, raw []byte) (string, error) {
	switch {
	case hasPrefix(raw, "PK\x03\x04"), hasPrefix(raw, "PK\x05\x06"):
		if zipHasDocument(raw) {
			return FormatDOCX, nil
		}
		return "", unsupportedContent(name, "zip archive", hintFor(".zip"))
	case hasPrefix(raw, "%PDF-"):
		return "", unsupportedContent(name, "PDF", hintFor(".pdf"))
	case hasPrefix(raw, oleMagic):
		return "", unsupportedContent(name, "legacy Office (.doc, .xls, .wps)", hintFor(".doc"))
	case hasPrefix(raw, `{\rtf`):
		return "", unsupportedContent(name, "RTF", hintFor(".rtf"))
	case hasPrefix(raw, "\x89PNG\r\n\x1a\n"), hasPrefix(raw, "\xFF\xD8\xFF"), hasPrefix(raw, "GIF8"):
		return "", unsupportedContent(name, "image", hintFor(".png"))
	}
	if looksHTML(raw) {
		return FormatHTML, nil
	}
	return FormatText, nil
}

func hintFor(ext string) string {
	h, _ := unsupportedHint(ext)
	return h
}

// oleMagic starts OLE compound files: legacy .doc/.xls/.ppt/.wps, and
// password-protected .docx.
const oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// looksHTML reports whether the content starts like an HTML document.
func looksHTML(raw []byte) bool {
	head := raw[:min(len(raw), 1024)]
	if enc, ok := utf16Of(head); ok {
		k := kindOfName(enc)
		bom := 0
		if hasPrefix(head, bomUTF16LE) || hasPrefix(head, bomUTF16BE) {
			bom = 2
		}
		head = newDecoder(k, 0).decodeAll(head[bom:], nil)
	}
	s := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(string(head), bomUTF8), " \t\r\n\f"))
	switch {
	case strings.HasPrefix(s, "<!doctype html"), strings.HasPrefix(s, "<html"):
		return true
	case strings.HasPrefix(s, "<?xml"), strings.HasPrefix(s, "<!--"), strings.HasPrefix(s, "<!doctype"):
		return strings.Contains(s, "<html")
	}
	return false
}

// utf16Of reports whether raw is UTF-16 by BOM or NUL pattern.
func utf16Of(raw []byte) (string, bool) {
	switch {
	case hasPrefix(raw, bomUTF16LE):
		return EncUTF16LE, true
	case hasPrefix(raw, bomUTF16BE):
		return EncUTF16BE, true
	}
	return detectUTF16(raw, true)
}

func zipHasDocument(raw []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return false
	}
	return docxMainPart(zr) != nil
}

// build turns the raw bytes of one input into a Document.
func build(name string, raw []byte, format string, opts Options) (*Document, error) {
	doc := &Document{Name: displayName(name), Size: int64(len(raw)), Encoding: EncUTF8}
	if format == "" {
		var err error
		if format, err = sniff(doc.Name, raw); err != nil {
			return nil, err
		}
	}
	doc.Format = format
	if len(raw) == 0 {
		return doc, nil
	}
	switch format {
	case FormatDOCX:
		text, err := extractDOCX(doc.Name, raw)
		if err != nil {
			return nil, err
		}
		doc.Text = text
	case FormatHTML:
		enc := opts.Encoding
		if k, _ := parseKind(enc); k == kAuto {
			enc = htmlEncoding(raw)
		}
		text, err := decodeText(doc, raw, enc)
		if err != nil {
			return nil, err
		}
		doc.Text = extractHTML(text)
	default:
		text, err := decodeText(doc, raw, opts.Encoding)
		if err != nil {
			return nil, err
		}
		doc.Text = text
	}
	return doc, nil
}

// decodeText decodes raw for doc, refusing binary content, and records the
// encoding and warnings in doc.
func decodeText(doc *Document, raw []byte, encoding string) (string, error) {
	k, bom, enc, err := resolve(raw, encoding, false)
	if err != nil {
		return "", newError(doc.Name, ErrEncoding, nil, "%v", err)
	}
	if k != kUTF16LE && k != kUTF16BE && bytes.IndexByte(raw, 0) >= 0 {
		return "", binaryError(doc.Name)
	}
	doc.Encoding = enc
	text, warns := decodeBody(raw, k, bom)
	doc.Warnings = warns
	return text, nil
}
