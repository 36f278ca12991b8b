package input

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// buildPDF makes a PDF of the given objects (numbered from 1, the first
// the catalog) with a cross-reference table.
func buildPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info << /Producer (zhpolicy test) >> >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// pdfStreamObj makes a stream object, deflated if compress.
func pdfStreamObj(content string, compress bool) string {
	if !compress {
		return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write([]byte(content))
	w.Close()
	return fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String())
}

// onePagePDF is a one-page PDF with a Helvetica-like simple font F1 (all
// glyphs 500 wide) and a GBK-EUC-H font F2, running content.
func onePagePDF(content string, compress bool) []byte {
	return buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
		pdfStreamObj(content, compress),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths ["+strings.Repeat("500 ", 95)+"] /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /GBK-EUC-H /DescendantFonts [7 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
	)
}

func gbkHex(t testing.TB, s string) string {
	return fmt.Sprintf("<%X>", mustEncode(t, s, "gbk"))
}

func TestPDFLayout(t *testing.T) {
	// A paragraph over two lines (the first full, the second not
	// indented), a new indented paragraph, words in TJ with a kerning gap
	// that is a space, a page number at the foot.
	c := "BT /F2 16 Tf 1 0 0 1 100 700 Tm " + gbkHex(t, "一二三四五六七八九十") + " Tj ET\n" +
		"BT /F2 16 Tf 1 0 0 1 100 680 Tm " + gbkHex(t, "续行。") + " Tj ET\n" +
		"BT /F2 16 Tf 1 0 0 1 132 660 Tm " + gbkHex(t, "新段") + " Tj ET\n" +
		"BT /F1 10 Tf 1 0 0 1 100 640 Tm [(Hi) -300 (you) 20 (!)] TJ ET\n" +
		"BT /F1 10 Tf 1 0 0 1 100 620 Tm (fake) Tj 1 0 0 1 100.3 620 Tm (fake) Tj ET\n" +
		"BT /F2 14 Tf 1 0 0 1 280 60 Tm " + gbkHex(t, "— 1 —") + " Tj ET"
	for _, compress := range []bool{false, true} {
		doc, err := ReadFrom("t.pdf", bytes.NewReader(onePagePDF(c, compress)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := "一二三四五六七八九十续行。\n新段\nHi you!\nfake\n"
		if doc.Text != want || doc.Format != FormatPDF || doc.Pages != 1 || doc.TextPages != 1 || doc.Producer != "zhpolicy test" {
			t.Errorf("compress %v: %q %s pages %d/%d producer %q, want %q", compress, doc.Text, doc.Format, doc.TextPages, doc.Pages, doc.Producer, want)
		}
	}
}

func TestPDFDamaged(t *testing.T) {
	good := onePagePDF("BT /F2 16 Tf 100 700 Td "+gbkHex(t, "正文")+" Tj ET", true)
	// A wrong startxref offset: the table is rebuilt, with a warning.
	bad := bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1)
	doc, err := ReadFrom("x.pdf", bytes.NewReader(bad), Options{})
	if err != nil || doc.Text != "正文\n" || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Message, "rebuilt") {
		t.Errorf("wrong xref offset: %+v, %v", doc, err)
	}
	// Cut before the page tree: an error.
	cut := good[:bytes.Index(good, []byte("2 0 obj"))]
	if _, err := ReadFrom("cut.pdf", bytes.NewReader(cut), Options{}); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "truncated or damaged PDF") {
		t.Errorf("truncated: %v", err)
	}
	// Scanned: an image and no text.
	scan := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
		pdfStreamObj("q 500 0 0 800 0 0 cm /Im1 Do Q", false),
		"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length 1 >>\nstream\n\x00\nendstream")
	doc, err = ReadFrom("scan.pdf", bytes.NewReader(scan), Options{})
	if err != nil || doc.Text != "" || doc.TextPages != 0 || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Message, "page 1: no text layer") {
		t.Errorf("scanned page: %+v, %v", doc, err)
	}
}

func TestPDFPassword(t *testing.T) {
	dir := intakeDir(t)
	p := dir + "/bad/encrypted_open_password.pdf"
	if _, err := Read(Source{Path: p}, Options{Password: "wrong"}); !errors.Is(err, ErrEncrypted) || !strings.Contains(err.Error(), "the password given does not open it") {
		t.Errorf("wrong password: %v", err)
	}
	doc, err := Read(Source{Path: p}, Options{Password: "linjiang2026"})
	if err != nil || !strings.Contains(doc.Text, "临江市人民政府办公室关于印发") || !doc.Encrypted {
		t.Errorf("right password: %v", err)
	}
}

// buildOFD makes an OFD with one page whose content layer is layer.
func buildOFD(t testing.TB, layer string) []byte {
	return buildZip(t, map[string]string{
		"OFD.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody>` +
			`<ofd:DocInfo><ofd:Creator>zhpolicy</ofd:Creator><ofd:CreatorVersion>1.0</ofd:CreatorVersion></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
		"Doc_0/Document.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>` +
			`<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
		"Doc_0/Tpls/Tpl_0/Content.xml": `<Page><Content><Layer><TextObject Boundary="20 20 100 10" Size="5"><TextCode X="0" Y="5" DeltaX="g 4 5">模板标签</TextCode></TextObject></Layer></Content></Page>`,
		"Doc_0/Pages/Page_0/Content.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Template TemplateID="9"/><ofd:Content><ofd:Layer>` +
			layer + `</ofd:Layer></ofd:Content></ofd:Page>`,
	})
}

func TestOFD(t *testing.T) {
	layer := `<ofd:TextObject Boundary="20 40 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5 2.5 2.5">第一行A&amp;B</ofd:TextCode></ofd:TextObject>` +
		// the same text again 0.1 mm off: fake bold
		`<ofd:TextObject Boundary="20.1 40 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5 2.5 2.5">第一行A&amp;B</ofd:TextCode></ofd:TextObject>` +
		`<ofd:PageBlock><ofd:TextObject Boundary="20 60 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5">块内</ofd:TextCode></ofd:TextObject></ofd:PageBlock>` +
		`<ofd:TextObject Boundary="1e14 60 8 8" Size="5"><ofd:TextCode X="0" Y="5">远处</ofd:TextCode></ofd:TextObject>`
	doc, err := ReadFrom("t.ofd", bytes.NewReader(buildOFD(t, layer)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "模板标签\n第一行A&B\n块内\n"
	if doc.Text != want || doc.Format != FormatOFD || doc.Pages != 1 || doc.Producer != "zhpolicy 1.0" {
		t.Errorf("Text = %q (%s, %d pages, %q), want %q", doc.Text, doc.Format, doc.Pages, doc.Producer, want)
	}
	if got := deltas("1 g 3 2 g 999999999 1", 6); len(got) != 6 || got[3] != 2 || got[5] != 1 {
		t.Errorf("deltas = %v", got)
	}
}

func TestXLSX(t *testing.T) {
	raw := buildZip(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ` +
			`Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="重点任务" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/other.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>任务</t></si><si><t>牵头单位</t></si>` +
			`<si><r><t>建设</t></r><r><t xml:space="preserve">智能工厂</t></r><rPh><t>けんせつ</t></rPh></si><si><t>市工业和信息化局</t></si></sst>`,
		"xl/worksheets/sheet1.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>完成时限</t></is></c></row>` +
			`<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3"><v>20</v></c><c r="D3" t="str"><f>X</f><v>2026年
底前</v></c><c r="E3"/></row>` +
			`</sheetData></worksheet>`,
		"xl/worksheets/other.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="b"><v>1</v></c><c t="s"><v>99</v></c><c><v>3.5</v></c></row></sheetData></worksheet>`,
	})
	doc, err := ReadFrom("tasks.xlsx", bytes.NewReader(raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "重点任务\n任务\t牵头单位\t\t完成时限\n建设智能工厂\t市工业和信息化局\t20\t2026年 底前\n\n说明\nTRUE\t\t3.5\n"
	if doc.Text != want || doc.Format != FormatXLSX || doc.Sheets != 2 {
		t.Errorf("Text = %q (%s, %d sheets), want %q", doc.Text, doc.Format, doc.Sheets, want)
	}
}

func TestRTF(t *testing.T) {
	tests := []struct{ name, rtf, want string }{
		{"unicode and fallback", `{\rtf1\ansi\ansicpg936\uc2 \u25919\'d5\'fe\u24220\'b8\'ae\par 第二}`, "政府\n第二\n"},
		{"code page bytes", `{\rtf1\ansi\ansicpg936 \'d5\'fe\'b8\'ae\par}`, "政府\n"},
		{"font charset", `{\rtf1\ansi{\fonttbl{\f1\fcharset136 MingLiU;}}\f1 \'ac\'46\'a9\'b2\par}`, "政府\n"},
		{"fields and skipped groups", `{\rtf1{\*\generator Test 1;}{\header page}{\field{\*\fldinst HYPERLINK "x"}{\fldrslt 链接}}\tab x\line y\emdash\par}`, "链接\tx\ny—\n"},
		{"table cells", `{\rtf1 甲\cell 乙\cell\row}`, "甲\n乙\n"},
		{"surrogates", `{\rtf1\uc0\u-10176\u-9216 x}`, "𠀀x\n"},
		{"raw bytes in the code page", "{\\rtf1\\ansi\\ansicpg936 \xd5\xfe\xb8\xae}", "政府\n"},
		{"binary data", `{\rtf1 a{\pict\bin4 }}}}b}c}`, "ac\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadFrom("t.rtf", strings.NewReader(tt.rtf), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want || doc.Format != FormatRTF {
				t.Errorf("Text = %q (%s), want %q", doc.Text, doc.Format, tt.want)
			}
		})
	}
}

func TestODTFlat(t *testing.T) {
	fodt := `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">
<office:meta><meta:generator>Writer/1</meta:generator></office:meta>
<office:body><office:text><text:h>标题</text:h><text:p>甲<text:s text:c="2"/>乙<text:tab/>丙<text:line-break/>丁<text:note><text:note-body><text:p>脚注</text:p></text:note-body></text:note></text:p></office:text></office:body></office:document>`
	doc, err := ReadFrom("t.fodt", strings.NewReader(fodt), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "标题\n甲  乙\t丙\n丁\n"; doc.Text != want || doc.Format != FormatODT || doc.Producer != "Writer/1" {
		t.Errorf("Text = %q (%s, %q), want %q", doc.Text, doc.Format, doc.Producer, want)
	}
}

// The caps: a zip entry whose declared size passes MaxUnpacked is refused
// before inflating; one that lies about its size is stopped while
// inflating; MaxBytes and cancellation stop the reading.
func TestLimits(t *testing.T) {
	big := docxBody(strings.Repeat(`<w:p><w:r><w:t>`+strings.Repeat("数", 1000)+`</w:t></w:r></w:p>`, 400)) // ~1.2 MB
	raw := buildDOCX(t, big)
	_, err := ReadFrom("bomb.docx", bytes.NewReader(raw), Options{MaxUnpacked: 1 << 20, LimitHint: "raise it with --max-unpacked"})
	if !errors.Is(err, ErrTooLarge) || err.Error() != "bomb.docx: too large: word/document.xml unpacks to more than the 1.0 MiB limit for one document (a zip bomb?); raise it with --max-unpacked" {
		t.Errorf("declared size over the cap: %v", err)
	}
	// Lie about the size: patch the declared uncompressed size in the
	// central directory and local header to 10 bytes.
	lying := bytes.Clone(raw)
	n := 0
	for i := 0; i+30 < len(lying); i++ {
		if string(lying[i:i+4]) == "PK\x01\x02" && bytes.Contains(lying[i+46:min(len(lying), i+46+40)], []byte("word/document.xml")) {
			lying[i+24], lying[i+25], lying[i+26], lying[i+27] = 10, 0, 0, 0
			n++
		}
	}
	if n == 0 {
		t.Fatal("no central directory entry patched")
	}
	if _, err := ReadFrom("liar.docx", bytes.NewReader(lying), Options{MaxUnpacked: 1 << 20}); err == nil {
		t.Errorf("a zip entry larger than it says was read")
	}
	if doc, err := ReadFrom("ok.docx", bytes.NewReader(raw), Options{MaxUnpacked: -1}); err != nil || len(doc.Text) < 1<<20 {
		t.Errorf("no limit: %v", err)
	}
	// MaxBytes on a stream.
	_, err = ReadFrom("-", strings.NewReader(strings.Repeat("x", 5000)), Options{MaxBytes: 4096, LimitHint: "raise it with --max-size"})
	if !errors.Is(err, ErrTooLarge) || err.Error() != "<stdin>: too large (more than the 4.0 KiB limit); raise it with --max-size" {
		t.Errorf("MaxBytes on stdin: %v", err)
	}
	// Cancelled.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadFromContext(ctx, "a.docx", bytes.NewReader(raw), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// Word's "single file web page" saved as .doc is MIME, not a Word file.
func TestMHTML(t *testing.T) {
	mht := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>正文</p>\r\n--x--\r\n"
	for _, name := range []string{"a.doc", "a.mht", "a"} {
		_, err := ReadFrom(name, strings.NewReader(mht), Options{})
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "MHTML web archive") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// ttfWithCmap makes a TrueType program holding only a format 4 cmap that
// maps each character of chars to glyph 1, 2, 3…
func ttfWithCmap(chars []rune) []byte {
	be := func(b []byte, v ...uint16) []byte {
		for _, x := range v {
			b = append(b, byte(x>>8), byte(x))
		}
		return b
	}
	segs := len(chars) + 1
	var sub []byte
	sub = be(sub, 4, 0, 0, uint16(2*segs), 0, 0, 0)
	for _, c := range chars {
		sub = be(sub, uint16(c))
	}
	sub = be(sub, 0xFFFF, 0)
	for _, c := range chars {
		sub = be(sub, uint16(c))
	}
	sub = be(sub, 0xFFFF)
	for i, c := range chars {
		sub = be(sub, uint16(i+1)-uint16(c))
	}
	sub = be(sub, 1)
	for range segs {
		sub = be(sub, 0)
	}
	sub[2], sub[3] = byte(len(sub)>>8), byte(len(sub))
	cmap := be(nil, 0, 1, 3, 1, 0, 12)
	cmap = append(cmap, sub...)
	font := be(nil, 1, 0, 1, 16, 0, 0)
	font = append(font, "cmap"...)
	font = be(font, 0, 0, 0, 28, uint16(len(cmap)>>16), uint16(len(cmap)))
	return append(font, cmap...)
}

// Identity-H without ToUnicode, but with an embedded TrueType program whose
// cmap says which character each glyph is.
func TestPDFFontProgramCmap(t *testing.T) {
	font := ttfWithCmap([]rune("政府工作报告"))
	pdf := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		pdfStreamObj("BT /F1 16 Tf 100 700 Td <000100020003000400050006> Tj ET", false),
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap /Identity >>",
		"<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontFile2 8 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(font), font),
	)
	doc, err := ReadFrom("cmap.pdf", bytes.NewReader(pdf), Options{})
	if err != nil || doc.Text != "政府工作报告\n" || len(doc.Warnings) != 0 {
		t.Errorf("%+v, %v", doc, err)
	}
	if m := trueTypeUnicode(font); len(m) != 6 || m[1] != '政' || m[6] != '告' {
		t.Errorf("trueTypeUnicode = %v", m)
	}
}

// Every standard security handler revision, made by qpdf (testdata/pdf).
func TestPDFEncryption(t *testing.T) {
	for _, tt := range []struct {
		file, password string
		kind           error
	}{
		{"rc4-40.pdf", "", nil},
		{"rc4-128.pdf", "", nil},
		{"aes-128.pdf", "", nil},
		{"aes-256.pdf", "", nil},
		{"aes-256-objstm.pdf", "", nil},
		{"aes-128-user-password.pdf", "", ErrEncrypted},
		{"aes-128-user-password.pdf", "user-pw", nil},
		{"aes-128-user-password.pdf", "owner-pw", nil},
		{"aes-256-user-password.pdf", "", ErrEncrypted},
		{"aes-256-user-password.pdf", "wrong", ErrEncrypted},
		{"aes-256-user-password.pdf", "user-pw", nil},
		{"aes-256-user-password.pdf", "owner-pw", nil},
	} {
		doc, err := Read(Source{Path: "testdata/pdf/" + tt.file}, Options{Password: tt.password})
		if tt.kind != nil {
			if !errors.Is(err, tt.kind) {
				t.Errorf("%s (%q): %v, want %v", tt.file, tt.password, err, tt.kind)
			}
			continue
		}
		if err != nil || doc.Text != "加密文档的正文\n" || !doc.Encrypted {
			t.Errorf("%s (%q): %+v, %v", tt.file, tt.password, doc, err)
		}
	}
}

// A compressed PDF stream that inflates past MaxUnpacked is refused.
func TestPDFBomb(t *testing.T) {
	c := "BT /F1 10 Tf 100 700 Td (x) Tj ET\n%" + strings.Repeat("0", 3<<20)
	_, err := ReadFrom("bomb.pdf", bytes.NewReader(onePagePDF(c, true)), Options{MaxUnpacked: 1 << 20})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "bomb.pdf: too large: a compressed stream unpacks to more than the 1.0 MiB limit") {
		t.Errorf("%v", err)
	}
}
