package input

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/transform"
)

// sniffWindow is the first block of an input, read and sniffed before the
// rest: its format, and for text whether it is binary.
const sniffWindow = 64 << 10

// Read reads one file and returns its text; see ReadContext.
func Read(src Source, opts Options) (*Document, error) {
	return ReadContext(context.Background(), src, opts)
}

// ReadContext reads and decodes one file, or extracts its text. Standard
// input cannot be read by name: give it to ReadFromContext as an io.Reader.
//
// The format comes from the content: "%PDF-" → PDF; an OLE compound file
// → by its streams, WordDocument (Word 97-2003 .doc, WPS .wps) or an
// encrypted Office document (ErrEncrypted), others ErrUnsupported; a zip →
// by its parts, .docx, .xlsx, OFD or .odt (others ErrUnsupported); "{\rtf"
// → RTF; "<html" or "<!doctype html" → HTML; an OpenDocument flat XML →
// odt; images and archives → ErrUnsupported; otherwise text, or Markdown
// or HTML when the extension says so. A .doc renamed .docx is read as a
// .doc; an HTML page saved as .doc is read as HTML, with a warning.
// Options.Format overrides all this.
//
// Text whose first block holds more than 1% NUL or control bytes is
// ErrBinary (Options.AllowBinary reads it anyway). An empty file is an
// empty text document, or ErrCorrupt when its name says it is a PDF,
// OFD or Office document. Inputs over Options.MaxBytes, or unpacking to
// more than Options.MaxUnpacked, are ErrTooLarge. Cancelling ctx stops
// the reading between blocks, pages or parts with ctx's error.
func ReadContext(ctx context.Context, src Source, opts Options) (*Document, error) {
	name := src.Path
	if src.IsStdin() {
		return nil, newError(StdinName, nil, nil, "standard input has no file to open; read it with ReadFrom")
	}
	if err := checkOptions(name, opts); err != nil {
		return nil, err
	}
	f, size, err := openFile(name, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readDoc(ctx, name, f, size, opts)
}

// ReadFrom reads one input from r; see ReadFromContext.
func ReadFrom(name string, r io.Reader, opts Options) (*Document, error) {
	return ReadFromContext(context.Background(), name, r, opts)
}

// ReadFromContext reads and decodes one input from r, as ReadContext does
// for a file. name is shown in the document and in errors ("-" and ""
// become "<stdin>"); its extension only breaks ties between text formats.
func ReadFromContext(ctx context.Context, name string, r io.Reader, opts Options) (*Document, error) {
	name = displayName(name)
	if err := checkOptions(name, opts); err != nil {
		return nil, err
	}
	return readDoc(ctx, name, r, -1, opts)
}

// readDoc sniffs the first block of r, checks it, reads the rest and
// builds the document. size is the file's size, -1 if unknown.
func readDoc(ctx context.Context, name string, r io.Reader, size int64, opts Options) (*Document, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	max := opts.maxBytes()
	headLen := int64(sniffWindow)
	if size >= 0 && size < headLen {
		headLen = size + 1 // +1: see EOF without another read
	}
	head, eof, err := readUpTo(ctx, name, r, int(headLen))
	if err != nil {
		return nil, err
	}
	if max >= 0 && int64(len(head)) > max {
		return nil, tooLargeError(name, -1, max, opts.LimitHint)
	}
	s := sniffFormat(head, extOf(name), opts.Format)
	if s.err != nil {
		return nil, s.err.at(name)
	}
	if isTextFormat(s.format) && !opts.AllowBinary && looksBinary(head, opts.Encoding) {
		return nil, binaryError(name)
	}
	raw := head
	if !eof {
		if raw, err = readRest(ctx, name, r, head, size, max, opts.LimitHint); err != nil {
			return nil, err
		}
	}
	return build(ctx, name, raw, s, opts)
}

// isTextFormat: formats decoded from their bytes, which must not be binary.
func isTextFormat(f string) bool {
	return f == FormatText || f == FormatMarkdown || f == FormatHTML
}

// readUpTo reads up to n bytes; eof reports that r has no more.
func readUpTo(ctx context.Context, name string, r io.Reader, n int) (b []byte, eof bool, err error) {
	b = make([]byte, n)
	got := 0
	for got < n {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		m, err := r.Read(b[got:])
		got += m
		if err == io.EOF {
			return b[:got], true, nil
		}
		if err != nil {
			return nil, false, pathError(name, err)
		}
	}
	return b, false, nil
}

// readRest reads the rest of r after head, checking the context every
// block and the limit max (-1: none) as it goes.
func readRest(ctx context.Context, name string, r io.Reader, head []byte, size, max int64, hint string) ([]byte, error) {
	n := int64(len(head)) * 2
	if size >= 0 && size < 1<<30 {
		n = size + 1 // +1: see EOF without growing
	}
	if max >= 0 && n > max+1 {
		n = max + 1
	}
	buf := make([]byte, len(head), max64(n, int64(len(head))+1))
	copy(buf, head)
	block := 0
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		if max >= 0 && int64(cap(buf)) > max+1 {
			buf = buf[: len(buf) : max+1]
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if max >= 0 && int64(len(buf)) > max {
			return nil, tooLargeError(name, -1, max, hint)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, pathError(name, err)
		}
		if block += m; block >= checkEvery {
			block = 0
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// OpenText opens a text or Markdown file for streaming: the encoding is
// detected from the first 64 KiB (a BOM, UTF-16 NUL pattern, UTF-8
// validity, else the GB18030/Big5 scoring of DetectEncoding) and the rest
// is decoded on the fly, so inputs of any size can be processed in chunks.
// The returned reader is a *TextReader (Warnings, Encoding); close it.
//
// Documents that need the whole input (HTML and every extracted format)
// are read with ReadContext and the reader serves the extracted text.
// Plain text is refused as ErrBinary when its first block looks binary
// (see Options.AllowBinary), and with ErrTooLarge past a positive
// Options.MaxBytes.
func OpenText(src Source, opts Options) (io.ReadCloser, string, error) {
	return OpenTextContext(context.Background(), src, opts)
}

// OpenTextContext is OpenText with a context, which stops the reading of
// whole documents; the streamed text is read by the caller, who checks it.
func OpenTextContext(ctx context.Context, src Source, opts Options) (io.ReadCloser, string, error) {
	name := src.Path
	if src.IsStdin() {
		return nil, "", newError(StdinName, nil, nil, "standard input has no file to open; read it with NewTextReader")
	}
	if err := checkOptions(name, opts); err != nil {
		return nil, "", err
	}
	streamOpts := opts
	if opts.MaxBytes == 0 {
		streamOpts.MaxBytes = -1 // checked on whole documents only, below
	}
	f, _, err := openFile(name, streamOpts)
	if err != nil {
		return nil, "", err
	}
	tr, err := newTextReader(ctx, name, f, opts)
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
	format string
	r      io.Reader
	dec    *decoder  // nil when the text was decoded at once (HTML, extracted formats)
	doc    *Document // when dec is nil
	closer io.Closer
}

// NewTextReader is OpenText for an io.Reader (standard input, a pipe). name
// is used as in ReadFrom. The reader does not close r.
func NewTextReader(name string, r io.Reader, opts Options) (*TextReader, error) {
	name = displayName(name)
	if err := checkOptions(name, opts); err != nil {
		return nil, err
	}
	return newTextReader(context.Background(), name, r, opts)
}

func newTextReader(ctx context.Context, name string, r io.Reader, opts Options) (*TextReader, error) {
	if opts.MaxBytes > 0 {
		r = &maxReader{r: r, limit: opts.MaxBytes, name: name, hint: opts.LimitHint}
	}
	br := bufio.NewReaderSize(r, detectWindow)
	peek, err := br.Peek(detectWindow)
	atEOF := err == io.EOF
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, pathError(name, err)
	}
	s := sniffFormat(peek, extOf(name), opts.Format)
	if s.err != nil {
		return nil, s.err.at(name)
	}
	if s.format != FormatText && s.format != FormatMarkdown {
		wopts := opts
		if opts.MaxBytes > 0 {
			wopts.MaxBytes = -1 // the maxReader counts
		}
		doc, err := readDoc(ctx, name, br, -1, wopts)
		if err != nil {
			return nil, err
		}
		return &TextReader{name: name, enc: doc.Encoding, format: doc.Format, r: strings.NewReader(doc.Text), doc: doc}, nil
	}
	if !opts.AllowBinary && looksBinary(peek, opts.Encoding) {
		return nil, binaryError(name)
	}
	k, bom, enc, err := resolve(peek, opts.Encoding, !atEOF)
	if err != nil {
		return nil, newError(name, ErrEncoding, err, "%v", err)
	}
	if _, err := br.Discard(bom); err != nil {
		return nil, pathError(name, err)
	}
	d := newDecoder(k, int64(bom))
	return &TextReader{name: name, enc: enc, format: s.format, r: transform.NewReader(br, d), dec: d}, nil
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

// Format returns the input's format (see Document.Format).
func (t *TextReader) Format() string { return t.format }

// Document returns the whole document when the input was read at once
// (HTML and extracted formats), with its pages and producer; nil for
// streamed text.
func (t *TextReader) Document() *Document { return t.doc }

// Warnings returns the warnings so far; they are complete once Read has
// returned io.EOF.
func (t *TextReader) Warnings() []Warning {
	if t.dec == nil {
		if t.doc == nil {
			return nil
		}
		return t.doc.Warnings
	}
	return t.dec.warnings()
}

// maxReader fails with ErrTooLarge once more than limit bytes were read.
type maxReader struct {
	r     io.Reader
	limit int64
	read  int64
	name  string
	hint  string
}

func (m *maxReader) Read(p []byte) (int, error) {
	if m.read > m.limit {
		return 0, tooLargeError(m.name, -1, m.limit, m.hint)
	}
	n, err := m.r.Read(p)
	m.read += int64(n)
	if m.read > m.limit {
		return n - int(m.read-m.limit), tooLargeError(m.name, -1, m.limit, m.hint)
	}
	return n, err
}

func checkOptions(name string, opts Options) error {
	if _, ok := parseKind(opts.Encoding); !ok {
		_, err := ParseEncoding(opts.Encoding)
		return newError(name, ErrEncoding, nil, "%v", err)
	}
	if opts.Format == "" {
		return nil
	}
	for _, f := range Formats() {
		if opts.Format == f {
			return nil
		}
	}
	return newError(name, ErrUnsupported, nil, "unknown format %q; use %s", opts.Format, strings.Join(Formats(), ", "))
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
	if max := opts.maxBytes(); max >= 0 && size > max {
		f.Close()
		return nil, 0, tooLargeError(name, size, max, opts.LimitHint)
	}
	return f, size, nil
}

// extOf returns the lower-case extension of a file name, "" for none, for
// standard input, for dot files and for "report.2023".
func extOf(name string) string {
	if isStdin(name) {
		return ""
	}
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(base))
	if ext == "" || len(ext) == len(base) || !strings.ContainsAny(ext, "abcdefghijklmnopqrstuvwxyz") {
		return ""
	}
	return ext
}
