package input

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// Sentinel kinds of input errors. Every error returned by this package that
// concerns one input is an *Error naming that input; test its kind with
// errors.Is(err, ErrBinary) and so on. Operating-system errors keep their
// own identity too: errors.Is(err, fs.ErrNotExist) and
// errors.As(err, new(*fs.PathError)) work on the *Error.
var (
	// ErrUnsupported: the input is in a format this package cannot read
	// (.doc, .pdf, images, archives…). The message says what to do instead.
	ErrUnsupported = errors.New("unsupported format")
	// ErrBinary: the input's first block is more than 1% NUL or control
	// bytes and is not UTF-16 text.
	ErrBinary = errors.New("binary file")
	// ErrCorrupt: a document (.docx, PDF, OFD, .doc…) that is empty,
	// truncated or damaged, or not what its content claims to be.
	ErrCorrupt = errors.New("corrupt file")
	// ErrEncrypted: a document protected by a password that was not given
	// (or an encryption this package cannot open).
	ErrEncrypted = errors.New("encrypted file")
	// ErrTooLarge: the input is larger than Options.MaxBytes, or unpacks to
	// more than Options.MaxUnpacked.
	ErrTooLarge = errors.New("file too large")
	// ErrEncoding: Options.Encoding names an encoding this package does not know.
	ErrEncoding = errors.New("unknown encoding")
	// ErrNoDocuments: a directory given on the command line holds no file
	// the walk takes (none with a document extension, or all excluded).
	ErrNoDocuments = errors.New("no documents")
)

// Error is an error about one input. Its message always starts with the
// input's name: "reports/a.doc: unsupported format (.doc); convert it to
// .docx or .txt".
type Error struct {
	Path string // the input as the user should see it ("<stdin>" for standard input)
	Kind error  // one of the sentinels above, or nil for operating-system errors
	Ext  string // for ErrUnsupported: the lower-case extension (".doc"), "" when sniffed from the content
	Err  error  // the underlying cause (e.g. *fs.PathError, a zip or XML error), may be nil
	msg  string // what went wrong, after "Path: "
}

func (e *Error) Error() string { return e.Path + ": " + e.msg }

// Unwrap returns the kind and the cause, so that errors.Is and errors.As see both.
func (e *Error) Unwrap() []error {
	errs := make([]error, 0, 2)
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

func newError(path string, kind, cause error, format string, args ...any) *Error {
	return &Error{Path: path, Kind: kind, Err: cause, msg: fmt.Sprintf(format, args...)}
}

// pathError turns an operating-system error about name into an *Error whose
// message is "name: no such file or directory" (without the operation that
// failed, which the user does not care about).
func pathError(name string, err error) *Error {
	var ie *Error
	if errors.As(err, &ie) {
		return ie
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return &Error{Path: name, Err: err, msg: msg}
}

// supportedList lists the extensions Read handles, in the order shown to users.
const supportedList = ".txt .text .md .markdown .html .htm .xhtml .docx .pdf .ofd .doc .wps .xlsx .odt .fodt .rtf"

// SupportedExtensions returns the file extensions Read accepts (a new slice each call).
func SupportedExtensions() []string { return strings.Fields(supportedList) }

// unsupportedHint says what to do with a file whose extension names a
// format this package cannot read; known is false for other extensions
// (whose content is then sniffed).
func unsupportedHint(ext string) (hint string, known bool) {
	switch ext {
	case ".pages", ".wpd":
		return "convert it to .docx or .txt", true
	case ".xps", ".djvu", ".epub", ".mobi", ".caj":
		return "extract its text first and read the .txt", true
	case ".xls", ".et", ".ods", ".numbers":
		return "save it as .xlsx, or export the cells that hold text to .txt", true
	case ".ppt", ".pptx", ".dps", ".odp", ".key":
		return "export the slides' text to .txt or .docx", true
	case ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".svg":
		return "it is an image; run OCR on it and read the .txt", true
	case ".zip", ".rar", ".7z", ".gz", ".tgz", ".bz2", ".xz", ".tar", ".zst":
		return "extract the archive and pass its files or folder", true
	}
	return "supported formats are " + supportedList, false
}

func binaryError(path string) *Error {
	return newError(path, ErrBinary, nil, "binary file (NUL or control bytes), skipped")
}

// tooLargeError: the input is larger than the MaxBytes limit; size is -1
// when only known to be over it. hint (Options.LimitHint) ends the message.
func tooLargeError(path string, size, limit int64, hint string) *Error {
	var e *Error
	if size < 0 {
		e = newError(path, ErrTooLarge, nil, "too large (more than the %s limit)", humanBytes(limit))
	} else {
		e = newError(path, ErrTooLarge, nil, "too large (%s, limit %s)", humanBytes(size), humanBytes(limit))
	}
	return withHint(e, hint)
}

// unpackedError: what was, or would be, unpacked from the document passes
// the MaxUnpacked limit; what names the part ("word/document.xml").
func unpackedError(path, what string, limit int64, hint string) *Error {
	return withHint(newError(path, ErrTooLarge, nil,
		"too large: %s unpacks to more than the %s limit for one document (a zip bomb?)", what, humanBytes(limit)), hint)
}

func withHint(e *Error, hint string) *Error {
	if hint != "" {
		e.msg += "; " + hint
	}
	return e
}

func corruptError(path string, cause error, format string, args ...any) *Error {
	return newError(path, ErrCorrupt, cause, format, args...)
}

func encryptedError(path, what string) *Error {
	return newError(path, ErrEncrypted, nil, "%s", what)
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}
