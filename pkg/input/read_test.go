package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// writeFile writes b to dir/name, creating directories.
func writeFile(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFormats(t *testing.T) {
	dir := t.TempDir()
	docx := buildDOCX(t, docxBody(`<w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p>`))
	htmlGBK := mustEncode(t, `<!DOCTYPE html><html><head><meta charset="gb2312"><title>通知</title></head><body><p>`+shortSimp+`</p></body></html>`, "gbk")
	tests := []struct {
		name       string
		content    []byte
		opts       Options
		wantFormat string
		wantEnc    string
		wantText   string
	}{
		{"a.txt", mustEncode(t, simpText, "gbk"), Options{}, FormatText, EncGB18030, simpText},
		{"b.TXT", mustEncode(t, tradText, "big5"), Options{}, FormatText, EncBig5, tradText},
		{"c.text", mustEncode(t, simpText, "utf-16le"), Options{}, FormatText, EncUTF16LE, simpText},
		{"d.md", []byte("# 标题\n\n- **要点**\n"), Options{}, FormatMarkdown, EncUTF8, "# 标题\n\n- **要点**\n"},
		{"e.markdown", mustEncode(t, "# 標題\n", "utf-8-bom"), Options{}, FormatMarkdown, EncUTF8BOM, "# 標題\n"},
		{"f.html", []byte(`<html><body><p>第一段</p><p>第二段</p></body></html>`), Options{}, FormatHTML, EncUTF8, "第一段\n第二段\n"},
		{"g.htm", htmlGBK, Options{}, FormatHTML, EncGB18030, "通知\n" + shortSimp + "\n"},
		{"h.xhtml", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><div>内容</div></body></html>`), Options{}, FormatHTML, EncUTF8, "内容\n"},
		{"i.docx", docx, Options{}, FormatDOCX, EncUTF8, "政府工作报告\n"},
		{"README", []byte("没有扩展名的文本\n"), Options{}, FormatText, EncUTF8, "没有扩展名的文本\n"},
		{"page", []byte("\n  <!doctype HTML><title>网页</title><p>正文"), Options{}, FormatHTML, EncUTF8, "网页\n正文\n"},
		{"word", docx, Options{}, FormatDOCX, EncUTF8, "政府工作报告\n"},
		{"notes.log", []byte("日志 log line\n"), Options{}, FormatText, EncUTF8, "日志 log line\n"},
		{"forced.html", []byte("<p>不解析</p>"), Options{Format: FormatText}, FormatText, EncUTF8, "<p>不解析</p>"},
		{"forced-enc.txt", mustEncode(t, shortTrad, "big5"), Options{Encoding: "BIG5"}, FormatText, EncBig5, shortTrad},
		{"empty.txt", nil, Options{}, FormatText, EncUTF8, ""},
		{"empty", nil, Options{}, FormatText, EncUTF8, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, tt.content)
			doc, err := Read(Source{Path: p, Size: int64(len(tt.content))}, tt.opts)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if doc.Name != p || doc.Format != tt.wantFormat || doc.Encoding != tt.wantEnc || doc.Size != int64(len(tt.content)) {
				t.Errorf("Read = {Name %q Format %q Encoding %q Size %d}, want {%q %q %q %d}",
					doc.Name, doc.Format, doc.Encoding, doc.Size, p, tt.wantFormat, tt.wantEnc, len(tt.content))
			}
			if doc.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", doc.Text, tt.wantText)
			}
			if len(doc.Warnings) != 0 {
				t.Errorf("Warnings = %v", doc.Warnings)
			}
			// ReadFrom with the same name agrees.
			doc2, err := ReadFrom(p, bytes.NewReader(tt.content), tt.opts)
			if err != nil || doc2.Text != doc.Text || doc2.Format != doc.Format || doc2.Encoding != doc.Encoding {
				t.Errorf("ReadFrom = %+v, %v; want the same document as Read", doc2, err)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "reports/a.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 legacy word"))
	writeFile(t, dir, "reports/b.PDF", []byte("%PDF-1.7"))
	writeFile(t, dir, "x.bin", []byte("abc\x00\x01\x02def"))
	writeFile(t, dir, "nul.txt", []byte("正文\x00正文"))
	// Control bytes without a NUL (random bytes with the NULs taken out).
	writeFile(t, dir, "ctl.txt", []byte("正文\x01\x02\x03\x04\x05\x06正文"))
	writeFile(t, dir, "scan.png", []byte("\x89PNG\r\n\x1a\n"))
	writeFile(t, dir, "noext-pdf", []byte("%PDF-1.4 ..."))
	writeFile(t, dir, "noext-ole", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
	writeFile(t, dir, "archive", buildZip(t, map[string]string{"a.txt": "x"}))
	writeFile(t, dir, "big.txt", bytes.Repeat([]byte("大"), 1000))
	writeFile(t, dir, "data.xlsx", []byte("PK\x03\x04"))
	writeFile(t, dir, "empty.docx", nil)
	writeFile(t, dir, "slides.ppt", []byte("text"))
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		path    string
		opts    Options
		kind    error  // errors.Is target
		wantMsg string // exact message, or prefix when it ends with "…"
	}{
		{"reports/a.doc", Options{}, ErrCorrupt, "reports/a.doc: damaged compound file: no compound-file header; open and save it again in Word or WPS"},
		{"reports/b.PDF", Options{}, ErrCorrupt, "reports/b.PDF: …"},
		{"scan.png", Options{}, ErrUnsupported, "scan.png: unsupported format (image content); it is an image…"},
		{"data.xlsx", Options{}, ErrCorrupt, "data.xlsx: damaged .xlsx (zip: not a valid zip file)…"},
		{"empty.docx", Options{}, ErrCorrupt, "empty.docx: empty file (0 bytes): no Word .docx in it"},
		{"slides.ppt", Options{}, ErrUnsupported, "slides.ppt: unsupported format (.ppt); export the slides' text…"},
		{"x.bin", Options{}, ErrBinary, "x.bin: binary file (NUL or control bytes), skipped"},
		{"nul.txt", Options{}, ErrBinary, "nul.txt: binary file (NUL or control bytes), skipped"},
		{"ctl.txt", Options{}, ErrBinary, "ctl.txt: binary file (NUL or control bytes), skipped"},
		{"nul.txt", Options{Encoding: "gbk"}, ErrBinary, "nul.txt: binary file…"},
		{"noext-pdf", Options{}, ErrCorrupt, "noext-pdf: …"},
		{"noext-ole", Options{}, ErrCorrupt, "noext-ole: damaged compound file…"},
		{"archive", Options{}, ErrUnsupported, "archive: unsupported format (zip archive content)…"},
		{"missing.txt", Options{}, fs.ErrNotExist, "missing.txt: no such file or directory"},
		{"reports/missing.doc", Options{}, fs.ErrNotExist, "reports/missing.doc: no such file or directory"},
		{"folder", Options{}, nil, "folder: is a directory"},
		{"big.txt", Options{MaxBytes: 100}, ErrTooLarge, "big.txt: too large (2.9 KiB, limit 100 B)"},
		{"big.txt", Options{Encoding: "latin1"}, ErrEncoding, `big.txt: unknown encoding "latin1"; use auto…`},
		{"big.txt", Options{Format: "pptx"}, ErrUnsupported, `big.txt: unknown format "pptx"; use text, markdown, html, docx, pdf…`},
		{"-", Options{}, nil, "<stdin>: standard input has no file to open…"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			doc, err := Read(Source{Path: tt.path}, tt.opts)
			if err == nil {
				t.Fatalf("Read = %+v, want an error", doc)
			}
			if doc != nil {
				t.Errorf("Read returned a document with the error")
			}
			checkMsg(t, err, tt.wantMsg)
			if tt.kind != nil && !errors.Is(err, tt.kind) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.kind)
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.Path != displayName(tt.path) {
				t.Errorf("error %T is not an *Error with Path %q", err, tt.path)
			}
		})
	}
	// The not-found error is still an fs.PathError underneath.
	_, err := Read(Source{Path: "missing.txt"}, Options{})
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		t.Errorf("missing file error %v is not an *fs.PathError underneath", err)
	}
	var ie *Error
	if _, err := Read(Source{Path: "slides.ppt"}, Options{}); !errors.As(err, &ie) || ie.Ext != ".ppt" {
		t.Errorf("unsupported error Ext = %+v", ie)
	}
}

func checkMsg(t *testing.T, err error, want string) {
	t.Helper()
	if prefix, ok := strings.CutSuffix(want, "…"); ok {
		if !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("error = %q, want it to start with %q", err, prefix)
		}
		return
	}
	if err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestReadFromStdin(t *testing.T) {
	tests := []struct {
		name, content, wantName, wantFormat, wantText string
	}{
		{"-", "<!DOCTYPE html><p>标准输入</p>", StdinName, FormatHTML, "标准输入\n"},
		{"", "纯文本", StdinName, FormatText, "纯文本"},
		{"<stdin>", "  <HTML><body>大写标签</body></HTML>", StdinName, FormatHTML, "大写标签\n"},
		{"-", string(mustEncode(t, "<html><body>UTF-16 网页</body></html>", "utf-16le")), StdinName, FormatHTML, "UTF-16 网页\n"},
	}
	for _, tt := range tests {
		doc, err := ReadFrom(tt.name, iotest.HalfReader(strings.NewReader(tt.content)), Options{})
		if err != nil {
			t.Fatalf("ReadFrom(%q): %v", tt.name, err)
		}
		if doc.Name != tt.wantName || doc.Format != tt.wantFormat || doc.Text != tt.wantText {
			t.Errorf("ReadFrom(%q) = {%q %q %q}, want {%q %q %q}", tt.name, doc.Name, doc.Format, doc.Text, tt.wantName, tt.wantFormat, tt.wantText)
		}
	}
	_, err := ReadFrom("-", strings.NewReader(strings.Repeat("x", 200)), Options{MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "<stdin>: too large") {
		t.Errorf("ReadFrom over MaxBytes = %v", err)
	}
	_, err = ReadFrom("-", iotest.ErrReader(errors.New("broken pipe")), Options{})
	if err == nil || err.Error() != "<stdin>: broken pipe" {
		t.Errorf("ReadFrom of a failing reader = %v", err)
	}
}

func TestReadWarnings(t *testing.T) {
	dir := t.TempDir()
	raw := append(mustEncode(t, simpText, "gbk"), 0xFF)
	raw = append(raw, mustEncode(t, simpText, "gbk")...)
	p := writeFile(t, dir, "bad.txt", raw)
	doc, err := Read(Source{Path: p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != EncGB18030 || len(doc.Warnings) != 1 || doc.Warnings[0].Offset != int64(len(raw)/2) {
		t.Errorf("Read = %q %+v, want gb18030 and one warning at %d", doc.Encoding, doc.Warnings, len(raw)/2)
	}
	if doc.Text != simpText+"\uFFFD"+simpText {
		t.Errorf("Text = %q", doc.Text)
	}
}

func TestOpenText(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat(simpText+tradText, 400) // ~160 KiB of UTF-8: past the 64 KiB detection window
	tests := []struct {
		name, text, enc, wantEnc string
	}{
		{"gbk.txt", strings.Repeat(simpText, 600), "gb18030", EncGB18030},
		{"big5.txt", strings.Repeat(tradText, 600), "big5", EncBig5},
		{"utf8.md", long, "utf-8", EncUTF8},
		{"bom.txt", long, "utf-8-bom", EncUTF8BOM},
		{"u16le.txt", long, "utf-16le", EncUTF16LE},
		{"u16be.txt", long, "utf-16be-nobom", EncUTF16BE},
		{"short.txt", shortTrad, "big5", EncBig5},
		{"empty.txt", "", "utf-8", EncUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.name, mustEncode(t, tt.text, tt.enc))
			rc, enc, err := OpenText(Source{Path: p}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			got, err := io.ReadAll(iotest.OneByteReader(rc)) // smallest chunks
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.text {
				t.Errorf("streamed text differs: %d bytes, want %d", len(got), len(tt.text))
			}
			if w := rc.(*TextReader).Warnings(); len(w) != 0 {
				t.Errorf("warnings = %v", w)
			}
			if err := rc.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

func TestOpenTextProblems(t *testing.T) {
	dir := t.TempDir()
	gbk := mustEncode(t, strings.Repeat(simpText, 600), "gbk")

	// A bad byte after the detection window: replaced, warned with its offset.
	bad := append(append(append([]byte{}, gbk...), 0xFF), mustEncode(t, simpText, "gbk")...)
	p := writeFile(t, dir, "bad.txt", bad)
	rc, _, err := OpenText(Source{Path: p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat(simpText, 601) + "\uFFFD"; len(got) != len(want) {
		t.Errorf("decoded %d bytes, want %d", len(got), len(want))
	}
	w := rc.(*TextReader).Warnings()
	if len(w) != 1 || w[0].Offset != int64(len(gbk)) {
		t.Errorf("warnings = %v, want one at %d", w, len(gbk))
	}

	// A NUL byte after the detection window: kept, with a warning.
	p = writeFile(t, dir, "nul.txt", append(append([]byte{}, gbk...), 0, 'x'))
	rc, _, err = OpenText(Source{Path: p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err = io.ReadAll(rc)
	rc.Close()
	if err != nil || !strings.HasSuffix(string(got), "\x00x") {
		t.Errorf("reading past a NUL = %v, want the text with its NUL", err)
	}
	if w := rc.(*TextReader).Warnings(); len(w) != 1 || w[0].Offset != int64(len(gbk)) || !strings.Contains(w[0].Message, "1 NUL character kept") {
		t.Errorf("warnings = %v, want one about the NUL at %d", w, len(gbk))
	}

	// A NUL byte at the start: refused at open.
	p = writeFile(t, dir, "nul0.txt", []byte("a\x00b"))
	if _, _, err := OpenText(Source{Path: p}, Options{}); !errors.Is(err, ErrBinary) {
		t.Errorf("OpenText of a binary file = %v, want ErrBinary", err)
	}

	// MaxBytes, known from the size and found while streaming.
	p = writeFile(t, dir, "big.txt", gbk)
	if _, _, err := OpenText(Source{Path: p}, Options{MaxBytes: 1000}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("OpenText over MaxBytes = %v, want ErrTooLarge", err)
	}
	tr, err := NewTextReader("-", bytes.NewReader(gbk), Options{MaxBytes: int64(len(gbk) - 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(tr); !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "<stdin>: too large") {
		t.Errorf("streaming over MaxBytes = %v, want ErrTooLarge", err)
	}

	// Unsupported, missing, stdin by name.
	if _, _, err := OpenText(Source{Path: writeFile(t, dir, "a.png", []byte("\x89PNG\r\n\x1a\n"))}, Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("OpenText(.png) = %v", err)
	}
	if _, _, err := OpenText(Source{Path: filepath.Join(dir, "missing.txt")}, Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenText(missing) = %v", err)
	}
	if rc, _, err := OpenText(Source{Path: "-"}, Options{}); err == nil || rc != nil {
		t.Errorf("OpenText(-) = %v, %v; want nil and an error", rc, err)
	}
}

// HTML and DOCX cannot stream: OpenText serves their extracted text.
func TestOpenTextHTMLAndDOCX(t *testing.T) {
	dir := t.TempDir()
	ph := writeFile(t, dir, "a.html", mustEncode(t, `<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>`+tradText+`</p>`, "big5"))
	pd := writeFile(t, dir, "b.docx", buildDOCX(t, docxBody(`<w:p><w:r><w:t>文档</w:t></w:r></w:p>`)))
	// In HTML a line break between two CJK characters is no space: the
	// paragraph's text joins up.
	for p, want := range map[string]string{ph: strings.ReplaceAll(tradText, "\n", "") + "\n", pd: "文档\n"} {
		rc, _, err := OpenText(Source{Path: p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if string(got) != want {
			t.Errorf("OpenText(%s) = %q, want %q", filepath.Base(p), got, want)
		}
	}
	// A .docx larger than the 64 KiB peek, on stdin without a name.
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, docxBody(strings.Repeat(`<w:p><w:r><w:t>`+shortSimp+`</w:t></w:r></w:p>`, 8000)))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	big := zbuf.Bytes()
	if len(big) < 64<<10 {
		t.Fatalf("test docx is only %d bytes", len(big))
	}
	tr, err := NewTextReader("-", bytes.NewReader(big), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(tr); string(got) != strings.Repeat(shortSimp+"\n", 8000) {
		t.Errorf("NewTextReader(big docx on stdin) = %d bytes", len(got))
	}
	// Sniffed from stdin too.
	tr, err = NewTextReader("-", strings.NewReader("<!doctype html><p>网页</p>"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(tr); string(got) != "网页\n" {
		t.Errorf("NewTextReader(html on stdin) = %q", got)
	}
}
