package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// buildZip makes a zip archive of the given files (names sorted for
// reproducibility by the caller's map order not mattering to readers).
func buildZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	relsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
)

// docxBody wraps body XML in a w:document.
func docxBody(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps">` +
		`<w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// buildDOCX makes a minimal .docx whose word/document.xml is documentXML.
func buildDOCX(t testing.TB, documentXML string) []byte {
	t.Helper()
	return buildZip(t, map[string]string{
		"[Content_Types].xml": contentTypesXML,
		"_rels/.rels":         relsXML,
		"word/document.xml":   documentXML,
	})
}

func TestExtractDOCX(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"runs join", `<w:p><w:r><w:t>坚持</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>稳中求进</w:t></w:r><w:r><w:t xml:space="preserve"> 工作总基调</w:t></w:r></w:p>`,
			"坚持稳中求进 工作总基调\n"},
		{"paragraphs are lines", `<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r><w:t>二、主要任务</w:t></w:r></w:p>`,
			"一、总体要求\n二、主要任务\n"},
		{"tab and break", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>指标</w:t><w:tab/><w:t>目标</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`,
			"指标\t目标\n第二行\n"},
		{"entities", `<w:p><w:r><w:t>A &amp; B &lt;规划&gt; &#20013;</w:t></w:r></w:p>`, "A & B <规划> 中\n"},
		{"blank paragraphs collapse", `<w:p/><w:p><w:r><w:t>甲</w:t></w:r></w:p><w:p/><w:p/><w:p></w:p><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:p/>`,
			"甲\n\n乙\n"},
		{"tracked changes and fields", `<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>` +
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			"保留插入3\n"},
		{"table cells", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>地区</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>增长</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			"地区\n增长\n"},
		{"hyperlink text", `<w:p><w:hyperlink r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>中国政府网</w:t></w:r></w:hyperlink></w:p>`,
			"中国政府网\n"},
		{"text box once, fallback dropped", `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>续</w:t></w:r></w:p>`,
			"正文\n文本框\n续\n"},
		{"no text", ``, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadFrom("t.docx", bytes.NewReader(buildDOCX(t, docxBody(tt.body))), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want || doc.Format != FormatDOCX || doc.Encoding != EncUTF8 {
				t.Errorf("Text = %q (%s, %s), want %q", doc.Text, doc.Format, doc.Encoding, tt.want)
			}
		})
	}
}

// Strict OOXML namespaces, and a main part found through _rels/.rels.
func TestExtractDOCXStrictAndRels(t *testing.T) {
	strict := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>`
	raw := buildZip(t, map[string]string{
		"_rels/.rels":  strings.Replace(relsXML, "word/document.xml", "/doc/main.xml", 1),
		"doc/main.xml": strict,
	})
	doc, err := ReadFrom("strict.docx", bytes.NewReader(raw), Options{})
	if err != nil || doc.Text != "严格格式\n" {
		t.Errorf("ReadFrom = %+v, %v", doc, err)
	}
}

func TestCorruptDOCX(t *testing.T) {
	good := buildDOCX(t, docxBody(`<w:p><w:r><w:t>正文</w:t></w:r></w:p>`))
	tests := []struct {
		name    string
		raw     []byte
		kind    error
		wantMsg string
	}{
		{"not a zip", []byte("PK\x03\x04 this is not a zip file at all"), ErrCorrupt, "bad.docx: damaged .docx (zip: not a valid zip file): truncated…"},
		{"truncated", good[:len(good)/2], ErrCorrupt, "bad.docx: damaged .docx (zip: not a valid zip file)…"},
		{"no document", buildZip(t, map[string]string{"a.txt": "x"}), ErrCorrupt, "bad.docx: damaged .docx: no word/document.xml in the archive"},
		{"bad xml", buildDOCX(t, `<w:document xmlns:w="`+nsW+`"><w:body><w:p><w:r><w:t>断了`), ErrCorrupt, "bad.docx: damaged .docx: word/document.xml: XML syntax error…"},
		{"mismatched tags", buildDOCX(t, `<w:document xmlns:w="`+nsW+`"><w:p></w:r></w:document>`), ErrCorrupt, "bad.docx: damaged .docx: word/document.xml: …"},
		{"damaged compound file", []byte(oleMagic + strings.Repeat("\x00", 100)), ErrCorrupt, "bad.docx: damaged compound file: no compound-file header…"},
		{"binary, no signature", []byte("\x00\x01\x02\x03 garbage"), ErrCorrupt, "bad.docx: not a Word .docx file: its content has no Word .docx signature…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadFrom("bad.docx", bytes.NewReader(tt.raw), Options{})
			if err == nil {
				t.Fatalf("ReadFrom = %q, want an error", doc.Text)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %v is not %v", err, tt.kind)
			}
			checkMsg(t, err, tt.wantMsg)
		})
	}
	// Through Read too, naming the path.
	p := writeFile(t, t.TempDir(), "r.docx", []byte("PK\x03\x04garbage"))
	if _, err := Read(Source{Path: p}, Options{}); !errors.Is(err, ErrCorrupt) || !strings.HasPrefix(err.Error(), p+": ") {
		t.Errorf("Read(corrupt docx) = %v", err)
	}
	_ = os.Remove(p)

	// Text under a .docx name is refused, saying what to do; HTML under a
	// .doc name (Word's "save as web page") is read as HTML, with a warning.
	_, err := ReadFrom("text.docx", strings.NewReader("这是文本，不是文档"), Options{})
	if !errors.Is(err, ErrUnsupported) || err.Error() != "text.docx: unsupported content: named .docx but it holds plain text, not a Word .docx; rename it .txt to read it as text" {
		t.Errorf("text named .docx: %v", err)
	}
	doc, err := ReadFrom("page.doc", strings.NewReader("<html><body><p>网页</p></body></html>"), Options{})
	if err != nil || doc.Format != FormatHTML || doc.Text != "网页\n" || len(doc.Warnings) != 1 ||
		doc.Warnings[0].Message != "named .doc but it is an HTML page: read as HTML" {
		t.Errorf("HTML named .doc = %+v, %v", doc, err)
	}
}
