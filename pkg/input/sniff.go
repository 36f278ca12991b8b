package input

import (
	"bytes"
	"strings"
)

// Containers whose format is decided from the whole file (the directory of
// a zip is at its end, that of a compound file anywhere in it).
const (
	sniffZip = "zip"
	sniffOLE = "ole"
)

// sniffed is what the first block of an input says about its format.
type sniffed struct {
	format   string       // a Format*, or sniffZip / sniffOLE
	declared string       // the format the file's extension names, "" if none
	ext      string       // the extension, lower case
	err      *deferredErr // the input cannot be read
}

// deferredErr is an error found before the input's name is at hand.
type deferredErr struct {
	kind error
	ext  string
	msg  string
}

func (e *deferredErr) at(name string) *Error {
	err := newError(name, e.kind, nil, "%s", e.msg)
	err.Ext = e.ext
	return err
}

// extFormat maps an extension to the format it names ("" for none).
func extFormat(ext string) string {
	switch ext {
	case ".txt", ".text":
		return FormatText
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".docx", ".docm", ".dotx", ".dotm":
		return FormatDOCX
	case ".pdf":
		return FormatPDF
	case ".ofd":
		return FormatOFD
	case ".doc", ".dot", ".wps", ".wpt":
		return FormatDOC
	case ".xlsx", ".xlsm", ".xltx":
		return FormatXLSX
	case ".odt", ".fodt", ".ott":
		return FormatODT
	case ".rtf":
		return FormatRTF
	}
	return ""
}

// isBinaryContainer: formats a file holds only in binary form, so an
// empty file or text under their name is not that format.
func isBinaryContainer(f string) bool {
	switch f {
	case FormatDOCX, FormatPDF, FormatOFD, FormatDOC, FormatXLSX:
		return true
	}
	return false
}

// formatName is how a format is named in messages.
func formatName(f string) string {
	switch f {
	case FormatText:
		return "plain text"
	case FormatMarkdown:
		return "Markdown"
	case FormatHTML:
		return "HTML"
	case FormatDOCX:
		return "Word .docx"
	case FormatPDF:
		return "PDF"
	case FormatOFD:
		return "OFD"
	case FormatDOC:
		return "Word 97-2003 .doc"
	case FormatXLSX:
		return "Excel .xlsx"
	case FormatODT:
		return "OpenDocument text"
	case FormatRTF:
		return "RTF"
	}
	return f
}

// pdfSignatureWindow: PDF readers accept "%PDF-" within the first 1024 bytes.
const pdfSignatureWindow = 1024

// sniffFormat decides the format of an input from its first block, its
// extension and a forced format.
func sniffFormat(head []byte, ext, forced string) sniffed {
	s := sniffed{declared: extFormat(ext), ext: ext}
	if forced != "" {
		s.format = forced
		if len(head) == 0 && isBinaryContainer(forced) {
			s.err = &deferredErr{kind: ErrCorrupt, msg: "empty file (0 bytes): no " + formatName(forced) + " in it"}
		}
		return s
	}
	if len(head) == 0 {
		switch {
		case isBinaryContainer(s.declared):
			s.err = &deferredErr{kind: ErrCorrupt, msg: "empty file (0 bytes): no " + formatName(s.declared) + " in it"}
		case s.declared != "":
			s.format = s.declared
		default:
			if hint, known := unsupportedHint(ext); known {
				s.err = &deferredErr{kind: ErrUnsupported, ext: ext, msg: "unsupported format (" + ext + "); " + hint}
			}
			s.format = FormatText
		}
		return s
	}
	if what, hint := foreignContent(head); what != "" {
		s.err = &deferredErr{kind: ErrUnsupported, msg: "unsupported format (" + what + " content); " + hint}
		return s
	}
	// the head as lower-case text, made once for the three looks at it
	var headText *string
	th := func() string {
		if headText == nil {
			t := textHead(head)
			headText = &t
		}
		return *headText
	}
	switch {
	case bytes.Contains(head[:min(len(head), pdfSignatureWindow)], []byte("%PDF-")):
		s.format = FormatPDF
	case hasPrefix(head, oleMagic):
		s.format = sniffOLE
	case hasPrefix(head, "PK\x03\x04"), hasPrefix(head, "PK\x05\x06"), hasPrefix(head, "PK\x07\x08"):
		s.format = sniffZip
	case hasPrefix(head, `{\rtf`):
		s.format = FormatRTF
	case looksHTML(th()):
		s.format = FormatHTML
	case looksFlatODF(th()):
		s.format = FormatODT
	case looksMHTML(th()) || ext == ".mht" || ext == ".mhtml":
		s.err = &deferredErr{kind: ErrUnsupported, ext: ext, msg: "unsupported format (MHTML web archive content); " +
			"open it in a browser or Word and save it as .html or .docx"}
		return s
	case s.declared == FormatHTML || s.declared == FormatMarkdown || s.declared == FormatText:
		s.format = s.declared
	case isBinaryContainer(s.declared) || s.declared == FormatODT:
		if looksBinary(head, "") {
			s.err = &deferredErr{kind: ErrCorrupt, msg: "not a " + formatName(s.declared) +
				" file: its content has no " + formatName(s.declared) + " signature (damaged, or another format under that name)"}
			return s
		}
		// Plain text under a document's name: say so rather than guess.
		s.err = &deferredErr{kind: ErrUnsupported, ext: ext, msg: "unsupported content: named " + ext +
			" but it holds plain text, not " + withArticle(s.declared) + "; rename it .txt to read it as text"}
	default:
		if hint, known := unsupportedHint(ext); known {
			s.err = &deferredErr{kind: ErrUnsupported, ext: ext, msg: "unsupported format (" + ext + "); " + hint}
			return s
		}
		s.format = FormatText
	}
	return s
}

// foreignContent recognises formats this package does not read by their
// signature: images, archives, executables.
func foreignContent(head []byte) (what, hint string) {
	switch {
	case hasPrefix(head, "\x89PNG\r\n\x1a\n"), hasPrefix(head, "\xFF\xD8\xFF"), hasPrefix(head, "GIF8"),
		hasPrefix(head, "II*\x00"), hasPrefix(head, "MM\x00*"), hasPrefix(head, "BM") && len(head) > 14 && head[14] >= 12 && head[6] == 0 && head[7] == 0,
		len(head) >= 12 && hasPrefix(head, "RIFF") && string(head[8:12]) == "WEBP":
		return "image", hintFor(".png")
	case hasPrefix(head, "\x1F\x8B"), hasPrefix(head, "7z\xBC\xAF\x27\x1C"), hasPrefix(head, "Rar!\x1A\x07"),
		hasPrefix(head, "BZh") && len(head) > 3 && head[3] >= '1' && head[3] <= '9',
		hasPrefix(head, "\xFD7zXZ\x00"), hasPrefix(head, "\x28\xB5\x2F\xFD"):
		return "compressed archive", hintFor(".zip")
	case hasPrefix(head, "AT&TFORM"), len(head) >= 8 && hasPrefix(head, "FORM") && string(head[8:min(len(head), 12)]) == "DJVM":
		return "DjVu", hintFor(".djvu")
	}
	return "", ""
}

func hintFor(ext string) string {
	h, _ := unsupportedHint(ext)
	return h
}

// oleMagic starts OLE compound files: legacy .doc/.xls/.ppt/.wps, and
// password-protected Office Open XML documents.
const oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// looksHTML reports whether the content starts like an HTML document (s
// is textHead of it).
func looksHTML(s string) bool {
	switch {
	case strings.HasPrefix(s, "<!doctype html"), strings.HasPrefix(s, "<html"):
		return true
	case strings.HasPrefix(s, "<?xml"), strings.HasPrefix(s, "<!--"), strings.HasPrefix(s, "<!doctype"):
		return strings.Contains(s, "<html")
	}
	return false
}

// looksFlatODF reports an OpenDocument flat XML file (.fodt).
func looksFlatODF(s string) bool {
	return strings.HasPrefix(s, "<?xml") && strings.Contains(s, "<office:document") &&
		strings.Contains(s, "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
}

// looksMHTML reports a MIME web archive (.mht, also saved as .doc by
// Word's "single file web page").
func looksMHTML(s string) bool {
	return strings.HasPrefix(s, "mime-version:") || strings.HasPrefix(s, "from:") && strings.Contains(s, "mime-version:") ||
		strings.HasPrefix(s, "content-type: multipart/related")
}

// textHead returns the first KiB of raw as lower-case text, UTF-16
// decoded and leading whitespace and BOM removed.
func textHead(raw []byte) string {
	head := raw[:min(len(raw), 1024)]
	if enc, ok := utf16Of(head); ok {
		k := kindOfName(enc)
		bom := 0
		if hasPrefix(head, bomUTF16LE) || hasPrefix(head, bomUTF16BE) {
			bom = 2
		}
		head = newDecoder(k, 0).decodeAll(head[bom:], nil)
	}
	return strings.ToLower(strings.TrimLeft(strings.TrimPrefix(string(head), bomUTF8), " \t\r\n\f"))
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

// looksBinary reports whether the first block of a text input is binary:
// more than 1% of its bytes are NUL or control characters other than tab,
// line ends, form feed and escape. UTF-16 text (by BOM, NUL pattern or the
// requested encoding) is never binary.
func looksBinary(head []byte, encoding string) bool {
	if len(head) == 0 {
		return false
	}
	switch k, _ := parseKind(encoding); k {
	case kUTF16, kUTF16LE, kUTF16BE:
		return false
	}
	bad := 0
	for _, c := range head {
		if c < 0x20 || c == 0x7F {
			switch c {
			case '\t', '\n', '\v', '\f', '\r', 0x1B, 0x1A:
			default:
				bad++
			}
		}
	}
	if bad*100 <= len(head) {
		return false
	}
	if k, _ := parseKind(encoding); k == kAuto {
		if enc := detect(head, true); enc == EncUTF16LE || enc == EncUTF16BE {
			return false
		}
	}
	return true
}
