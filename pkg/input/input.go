// Package input finds the user's inputs (files, directories, standard input)
// and turns each into decoded UTF-8 text. It sniffs the format from the
// content (the extension only breaks ties between text formats): plain text
// and Markdown, whose encoding it detects (UTF-8 with or without BOM,
// UTF-16, GB18030/GBK/GB2312, Big5); HTML; and documents whose text it
// extracts — .docx, PDF, OFD, Word 97 .doc and WPS .wps, .xlsx, .odt and
// flat .fodt, RTF.
//
// For extracted formats, Document.Text is the extracted text and every
// byte offset a later stage reports points into it (not into the file).
//
// Every document has a bounded cost: the first block is sniffed before the
// rest is read, what one document may read (Options.MaxBytes) and unpack
// (Options.MaxUnpacked) is capped, and the readers that take long check
// their context between blocks.
//
// It is a pure library: it never prints, never exits and keeps no state
// between calls. Every error about one input is an *Error whose message
// starts with the input's name; its kind is one of ErrUnsupported,
// ErrBinary, ErrCorrupt, ErrEncrypted, ErrTooLarge and ErrEncoding, or an
// operating-system error such as fs.ErrNotExist, or the context's error.
package input

// Formats, as reported in Document.Format and accepted in Options.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatDOCX     = "docx"
	FormatPDF      = "pdf"
	FormatOFD      = "ofd"  // GB/T 33190 fixed-layout documents
	FormatDOC      = "doc"  // Word 97-2003 binary, also Kingsoft WPS Writer .wps
	FormatXLSX     = "xlsx" // Office Open XML spreadsheets
	FormatODT      = "odt"  // OpenDocument text, zipped (.odt) or flat XML (.fodt)
	FormatRTF      = "rtf"
)

// Formats lists every format this package reads, in the order shown to users.
func Formats() []string {
	return []string{FormatText, FormatMarkdown, FormatHTML, FormatDOCX, FormatPDF, FormatOFD,
		FormatDOC, FormatXLSX, FormatODT, FormatRTF}
}

// IsExtracted reports whether the text of a format is extracted from its
// markup or layout rather than decoded from the bytes as they are: offsets
// into such a document's Text point into the extracted text.
func IsExtracted(format string) bool {
	switch format {
	case FormatText, FormatMarkdown, "":
		return false
	}
	return true
}

// StdinName is how standard input is named in documents and messages.
const StdinName = "<stdin>"

// Source is one input to read: a file path, or stdin ("-").
type Source struct {
	Path string // as the user should see it (relative path as given / walked); "-" or "<stdin>" for stdin
	Size int64  // bytes, -1 if unknown (stdin, pipes)
}

// IsStdin reports whether the source is standard input.
func (s Source) IsStdin() bool { return isStdin(s.Path) }

func isStdin(path string) bool { return path == "-" || path == StdinName }

// displayName is the name of an input in documents and messages.
func displayName(path string) string {
	if path == "" || isStdin(path) {
		return StdinName
	}
	return path
}

// Default caps on one document (see Options).
const (
	DefaultMaxBytes    = 256 << 20
	DefaultMaxUnpacked = 128 << 20
)

// Options control reading and decoding.
type Options struct {
	// Encoding is "" or "auto" to detect it per input; else "utf-8",
	// "utf-16le", "utf-16be", "utf-16" (byte order from the BOM), "gb18030",
	// "gbk", "gb2312" or "big5" (case-insensitive; see ParseEncoding).
	// An unknown name is an ErrEncoding error. It applies to text, Markdown
	// and HTML; the other formats say their encoding themselves.
	Encoding string
	// MaxBytes is the largest input read whole, in raw bytes: 0 means
	// DefaultMaxBytes, a negative value no limit. A larger input is an
	// ErrTooLarge error naming the file and the limit, found before
	// reading on (from the file's size) or as soon as the limit is passed
	// (pipes, devices). Streaming readers (OpenText, NewTextReader) apply
	// it to plain text only when it is positive: they hold one block at a time.
	MaxBytes int64
	// MaxUnpacked caps what one document may unpack: the bytes inflated
	// from a zip container (.docx, .xlsx, .ofd, .odt) or from a PDF's
	// compressed streams. 0 means DefaultMaxUnpacked, a negative value no
	// limit. Declared sizes are checked first and inflated bytes counted,
	// so a zip bomb is refused without being inflated.
	MaxUnpacked int64
	// LimitHint, if set, ends every ErrTooLarge message: how the user can
	// raise the limit ("raise it with --max-size").
	LimitHint string
	// Format forces the format (one of Formats()) instead of sniffing the
	// content. "" = decide.
	Format string
	// AllowBinary reads a text input that looks binary (more than 1% NUL
	// or control bytes in its first block) as text anyway, keeping those
	// bytes. Without it such an input is an ErrBinary error. A few NUL bytes
	// in a text never make it binary: they are kept and warned about.
	AllowBinary bool
	// Password opens an encrypted PDF whose user password is not empty.
	Password string
}

// Warning is a problem that did not stop the reading.
type Warning struct {
	Offset  int64  // byte offset in the raw input; -1 when the problem has no single place (a PDF page, a font)
	Page    int    // 1-based page of a paginated document the warning is about; 0 if none
	Message string // e.g. "3 invalid gb18030 byte sequences replaced with U+FFFD (first at byte 120)"
}

// Document is one decoded input.
type Document struct {
	Name     string    // Source.Path; "<stdin>" for standard input
	Text     string    // decoded, valid UTF-8; for extracted formats (IsExtracted) the extracted text, which offsets point into
	Encoding string    // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"; for extracted formats the encoding the text was stored in, as far as it is known
	Format   string    // one of Formats()
	Size     int64     // raw bytes read
	Warnings []Warning // e.g. invalid byte sequences replaced, pages without a text layer

	// What the file says about itself, where the format has it.
	Producer  string // the program that made the file ("LibreOffice 7.4", "iOFD 2.1.1"), "" if unknown
	Pages     int    // pages of a fixed-layout document (PDF, OFD); 0 for flowing formats
	TextPages int    // pages with a text layer (some text could be extracted); == Pages when every page has text
	Sheets    int    // worksheets of a spreadsheet
	Encrypted bool   // the file was encrypted and could be opened (a PDF with an owner password only)
}

// HasTextLayer reports whether a paginated document has a text layer on
// every page (true for flowing formats).
func (d *Document) HasTextLayer() bool { return d.Pages == 0 || d.TextPages == d.Pages }
