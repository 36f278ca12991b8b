// Package input finds the user's inputs (files, directories, standard input)
// and turns each into decoded UTF-8 text: it detects the encoding (UTF-8
// with or without BOM, UTF-16, GB18030/GBK/GB2312, Big5), sniffs the format
// (.txt, .md, .html, .docx) and extracts the visible text.
//
// It is a pure library: it never prints, never exits and keeps no state
// between calls. Every error about one input is an *Error whose message
// starts with the input's name; its kind is one of ErrUnsupported,
// ErrBinary, ErrCorrupt, ErrTooLarge and ErrEncoding, or an
// operating-system error such as fs.ErrNotExist.
package input

// Formats, as reported in Document.Format and accepted in Options.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatDOCX     = "docx"
)

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

// Options control reading and decoding.
type Options struct {
	// Encoding is "" or "auto" to detect it per input; else "utf-8",
	// "utf-16le", "utf-16be", "utf-16" (byte order from the BOM), "gb18030",
	// "gbk", "gb2312" or "big5" (case-insensitive; see ParseEncoding).
	// An unknown name is an ErrEncoding error.
	Encoding string
	// MaxBytes is the largest input read, in raw bytes; 0 = no limit.
	// Larger inputs are an ErrTooLarge error.
	MaxBytes int64
	// Format forces the format ("text", "markdown", "html", "docx") instead
	// of deciding it from the extension or the content. "" = decide.
	Format string
}

// Warning is a problem that did not stop the reading.
type Warning struct {
	Offset  int64  // byte offset in the raw input
	Message string // e.g. "3 invalid gb18030 byte sequences replaced with U+FFFD (first at byte 120)"
}

// Document is one decoded input.
type Document struct {
	Name     string    // Source.Path; "<stdin>" for standard input
	Text     string    // decoded, valid UTF-8; for HTML/DOCX the extracted visible text
	Encoding string    // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"
	Format   string    // "text", "markdown", "html", "docx"
	Size     int64     // raw bytes read
	Warnings []Warning // e.g. invalid byte sequences replaced: one warning per input, with the first bad byte offset and the count
}
