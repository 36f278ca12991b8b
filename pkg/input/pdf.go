package input

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A PDF text reader written for this project: the file structure
// (cross-reference tables and streams, object streams, repair of damaged
// tables), the standard security handler (RC4 and AES: PDFs restricted by
// an owner password open without one), the filters text needs, fonts with
// and without ToUnicode maps, including the predefined Chinese CMaps
// (GBK-EUC-H is GBK bytes, UniGB-UCS2-H is UCS-2, ETen-B5-H is Big5, so
// they decode without Adobe's CMap tables), and a content-stream
// interpreter that places every glyph; layout.go rebuilds lines and
// paragraphs from the places.

// pdfMaxPages bounds the pages read from one document.
const pdfMaxPages = 100000

type pdfPageRef struct {
	dict  pdfDict
	res   pdfDict
	box   [4]float64
	index int
}

// extractPDF returns the text of a PDF.
func extractPDF(name string, raw []byte, b *budget, password string) (x *extracted, err error) {
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, corruptError(name, nil, "could not read this PDF (reader failure: %v); please report it", r)
		}
	}()
	f, _ := openPDF(raw, b)
	encrypted, cerr := f.setupCrypt(password)
	switch {
	case errors.Is(cerr, errPDFPassword) && password != "":
		return nil, encryptedError(name, "encrypted PDF: the password given does not open it")
	case errors.Is(cerr, errPDFPassword):
		return nil, encryptedError(name, "encrypted PDF: a password is needed to open it; give the password, or save a copy without one")
	case cerr != nil:
		return nil, encryptedError(name, fmt.Sprintf("encrypted PDF this reader cannot open (%v); save a copy without encryption", cerr))
	}
	if err := b.ctx.Err(); err != nil {
		return nil, err
	}
	pages := f.pages()
	x = &extracted{encrypted: encrypted}
	if len(pages) == 0 {
		pages = f.scanPages()
		if len(pages) == 0 {
			return nil, corruptError(name, nil, "truncated or damaged PDF: no page tree (the file may be cut short); it cannot be read")
		}
		x.warnings = append(x.warnings, Warning{Offset: -1, Message: fmt.Sprintf(
			"truncated or damaged PDF: no page tree; %d pages were found by scanning the file: the text is partial and may be out of order", len(pages))})
	} else if f.repaired {
		x.warnings = append(x.warnings, Warning{Offset: -1, Message: "damaged PDF: its cross-reference table was rebuilt by scanning the file; some text may be missing"})
	}
	x.producer = f.producer()
	x.pages = len(pages)
	problems := map[string][]int{}
	var order []string
	note := func(msg string, page int) {
		if _, ok := problems[msg]; !ok {
			order = append(order, msg)
		}
		problems[msg] = append(problems[msg], page)
	}
	layout := make([]pageLines, 0, len(pages))
	fonts := map[any]*pdfFont{}
	for _, pg := range pages {
		if err := b.ctx.Err(); err != nil {
			return nil, err
		}
		ex := &pdfExtractor{f: f, fonts: fonts, unmapped: map[string]int{}, forms: map[pdfRef]bool{}}
		content, cerr := f.pageContent(pg.dict)
		if cerr != nil {
			var ie *Error
			if errors.As(cerr, &ie) || b.ctx.Err() != nil {
				return nil, cerr
			}
			note("the content could not be read (damaged); its text is missing", pg.index)
		}
		if err := ex.run(content, pg.res, identity, 0); err != nil {
			return nil, err
		}
		// PDF's y grows upwards; the layout's downwards.
		for i := range ex.glyphs {
			ex.glyphs[i].y = -ex.glyphs[i].y
			ex.glyphs[i].dy = -ex.glyphs[i].dy
		}
		lines := layoutPage(ex.glyphs)
		layout = append(layout, pageLines{lines: lines, height: pg.box[3] - pg.box[1]})
		if ex.mapped > 0 {
			x.textPages++
		}
		fontsOut := make([]string, 0, len(ex.unmapped))
		for fn := range ex.unmapped {
			fontsOut = append(fontsOut, fn)
		}
		sort.Strings(fontsOut)
		switch {
		case ex.mapped == 0 && len(ex.unmapped) > 0:
			note(fmt.Sprintf("no usable text layer: the glyphs of font %s map to no characters (no ToUnicode map); "+
				"the text cannot be extracted, run OCR on the page (for example ocrmypdf -l chi_sim)", strings.Join(fontsOut, ", ")), pg.index)
		case len(ex.unmapped) > 0:
			n := 0
			for _, c := range ex.unmapped {
				n += c
			}
			note(fmt.Sprintf("characters in font %s map to no text (no ToUnicode map) and were left out", strings.Join(fontsOut, ", ")), pg.index)
		case ex.mapped == 0 && ex.images > 0:
			note("no text layer (a scanned image?); run OCR on the page to read it (for example ocrmypdf -l chi_sim)", pg.index)
		}
	}
	for _, msg := range order {
		ps := problems[msg]
		x.warnings = append(x.warnings, Warning{Offset: -1, Page: ps[0], Message: pageList(ps) + ": " + msg})
	}
	x.text = paragraphs(layout)
	return x, nil
}

// pageList names pages: "page 3", "pages 2-5, 7".
func pageList(ps []int) string {
	var b strings.Builder
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if j > i {
			fmt.Fprintf(&b, "%d-%d", ps[i], ps[j])
		} else {
			b.WriteString(strconv.Itoa(ps[i]))
		}
		i = j + 1
	}
	if len(ps) == 1 {
		return "page " + b.String()
	}
	return "pages " + b.String()
}

// pages walks the page tree, with inherited resources and boxes.
func (f *pdfFile) pages() []pdfPageRef {
	root := f.dict(f.trailer["Root"])
	if root == nil {
		return nil
	}
	var out []pdfPageRef
	seen := map[pdfRef]bool{}
	var walk func(node any, res pdfDict, box [4]float64, depth int)
	walk = func(node any, res pdfDict, box [4]float64, depth int) {
		if depth > 64 || len(out) >= pdfMaxPages {
			return
		}
		if r, ok := node.(pdfRef); ok {
			if seen[r] {
				return
			}
			seen[r] = true
		}
		d := f.dict(node)
		if d == nil {
			return
		}
		if r := f.dict(d["Resources"]); r != nil {
			res = r
		}
		if mb := f.array(d["MediaBox"]); len(mb) == 4 {
			for i := range box {
				box[i], _ = f.num(mb[i])
			}
		}
		kids, hasKids := f.resolve(d["Kids"]).(pdfArray)
		if f.name(d["Type"]) == "Page" || !hasKids {
			if f.name(d["Type"]) == "Page" || d["Contents"] != nil {
				out = append(out, pdfPageRef{dict: d, res: res, box: box, index: len(out) + 1})
			}
			return
		}
		for _, k := range kids {
			walk(k, res, box, depth+1)
		}
	}
	walk(root["Pages"], nil, [4]float64{0, 0, 595, 842}, 0)
	return out
}

// scanPages finds page objects by their type when the page tree is gone.
func (f *pdfFile) scanPages() []pdfPageRef {
	nums := make([]int, 0, len(f.xref))
	for n := range f.xref {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var out []pdfPageRef
	for _, n := range nums {
		d, ok := f.load(pdfRef{n, f.xref[n].gen}).(pdfDict)
		if !ok || f.name(d["Type"]) != "Page" {
			continue
		}
		res := f.dict(d["Resources"])
		if res == nil {
			if parent := f.dict(d["Parent"]); parent != nil {
				res = f.dict(parent["Resources"])
			}
		}
		out = append(out, pdfPageRef{dict: d, res: res, box: [4]float64{0, 0, 595, 842}, index: len(out) + 1})
	}
	return out
}

// pageContent returns the page's content streams, concatenated.
func (f *pdfFile) pageContent(page pdfDict) ([]byte, error) {
	var parts []any
	switch c := f.resolve(page["Contents"]).(type) {
	case *pdfStream:
		parts = []any{c}
	case pdfArray:
		parts = c
	}
	var out []byte
	var firstErr error
	for _, p := range parts {
		data, err := f.streamData(p)
		if err != nil {
			var ie *Error
			if errors.As(err, &ie) || f.b.ctx.Err() != nil {
				return nil, err
			}
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		out = append(out, data...)
		out = append(out, '\n')
	}
	return out, firstErr
}

// producer returns the Info dictionary's Producer, else its Creator.
func (f *pdfFile) producer() string {
	info := f.dict(f.trailer["Info"])
	for _, k := range []pdfName{"Producer", "Creator"} {
		if s, ok := f.resolve(info[k]).(pdfString); ok {
			if t := strings.TrimSpace(pdfText(s)); t != "" {
				return t
			}
		}
	}
	return ""
}

// pdfText decodes a text string: UTF-16BE with a BOM, UTF-8 with a BOM
// (PDF 2.0), else PDFDocEncoding (taken as Latin-1).
func pdfText(s []byte) string {
	switch {
	case len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF:
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return strings.ToValidUTF8(string(utf16.Decode(u)), "")
	case bytes.HasPrefix(s, []byte(bomUTF8)):
		return strings.ToValidUTF8(string(s[3:]), "")
	}
	if utf8.Valid(s) {
		return string(s)
	}
	rs := make([]rune, len(s))
	for i, c := range s {
		rs[i] = rune(c)
	}
	return string(rs)
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type pdfGState struct {
	ctm                         matrix
	font                        *pdfFont
	fontName                    string
	size, tc, tw, th, tl, trise float64
}

// pdfExtractor runs content streams and collects glyphs.
type pdfExtractor struct {
	f        *pdfFile
	fonts    map[any]*pdfFont
	glyphs   []glyph
	mapped   int
	images   int
	unmapped map[string]int
	forms    map[pdfRef]bool
	ops      int
}

// pdfMaxGlyphs bounds the glyphs kept from one page.
const pdfMaxGlyphs = 1 << 20

func (e *pdfExtractor) run(data []byte, res pdfDict, ctm matrix, depth int) error {
	f := e.f
	gs := pdfGState{ctm: ctm, th: 1}
	var stack []pdfGState
	var tm, tlm matrix = identity, identity
	var ops []any
	l := &pdfLexer{b: data}
	num := func(i int) float64 {
		if i < 0 || i >= len(ops) {
			return 0
		}
		switch v := ops[i].(type) {
		case int64:
			return float64(v)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return 0
			}
			return v
		}
		return 0
	}
	td := func(tx, ty float64) {
		tlm = matrix{1, 0, 0, 1, tx, ty}.mul(tlm)
		tm = tlm
	}
	show := func(s []byte) {
		ft := gs.font
		if ft == nil {
			return
		}
		for len(s) > 0 {
			code, n := ft.nextCode(s)
			s = s[n:]
			w0 := ft.width(code, n)
			text, ok := ft.text(code, n)
			trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.trise}.mul(tm).mul(gs.ctm)
			var tx, ty float64
			if ft.vertical {
				ty = -(gs.size + gs.tc)
				if n == 1 && code == 32 {
					ty -= gs.tw
				}
			} else {
				tx = (w0*gs.size + gs.tc) * gs.th
				if n == 1 && code == 32 {
					tx += gs.tw * gs.th
				}
			}
			if ok && text != "" && len(e.glyphs) < pdfMaxGlyphs {
				m := tm.mul(gs.ctm)
				dx, dy := m[0], m[1]
				if ft.vertical {
					dx, dy = -m[2], -m[3]
				}
				norm := math.Hypot(dx, dy)
				size := math.Hypot(trm[2], trm[3])
				adv := math.Hypot(tx*m[0]+ty*m[2], tx*m[1]+ty*m[3])
				if ft.vertical {
					adv = size
				}
				if norm > 0 {
					dx, dy = dx/norm, dy/norm
				}
				e.glyphs = append(e.glyphs, glyph{text: strings.ToValidUTF8(text, ""), x: trm[4], y: trm[5], adv: adv, size: size,
					dx: dx, dy: dy, estimated: ft.estimated})
				if !isSpaceText(text) {
					e.mapped++
				}
			} else if !ok {
				e.unmapped[gs.fontName]++
			}
			tm = matrix{1, 0, 0, 1, tx, ty}.mul(tm)
		}
	}
	for {
		obj := l.object(0)
		if obj == nil && l.pos >= len(l.b) {
			return nil
		}
		op, isOp := obj.(pdfKeyword)
		if !isOp {
			if len(ops) < 64 {
				ops = append(ops, obj)
			}
			continue
		}
		if e.ops++; e.ops%4096 == 0 {
			if err := f.b.ctx.Err(); err != nil {
				return err
			}
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, gs)
			}
		case "Q":
			if n := len(stack); n > 0 {
				gs = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(ops) >= 6 {
				gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) >= 2 {
				if fn, ok := ops[0].(pdfName); ok {
					gs.font, gs.fontName = e.font(res, fn)
				}
				gs.size = num(1)
			}
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.trise = num(0)
		case "Td":
			td(num(0), num(1))
		case "TD":
			gs.tl = -num(1)
			td(num(0), num(1))
		case "Tm":
			if len(ops) >= 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			td(0, -gs.tl)
		case "Tj":
			if len(ops) >= 1 {
				if s, ok := ops[len(ops)-1].(pdfString); ok {
					show(s)
				}
			}
		case "'":
			td(0, -gs.tl)
			if len(ops) >= 1 {
				if s, ok := ops[len(ops)-1].(pdfString); ok {
					show(s)
				}
			}
		case "\"":
			if len(ops) >= 3 {
				gs.tw, gs.tc = num(0), num(1)
				td(0, -gs.tl)
				if s, ok := ops[2].(pdfString); ok {
					show(s)
				}
			}
		case "TJ":
			if len(ops) >= 1 {
				if arr, ok := ops[len(ops)-1].(pdfArray); ok {
					for _, it := range arr {
						switch v := it.(type) {
						case pdfString:
							show(v)
						case int64, float64:
							var n float64
							if i, ok := v.(int64); ok {
								n = float64(i)
							} else {
								n = v.(float64)
							}
							if gs.font != nil && gs.font.vertical {
								tm = matrix{1, 0, 0, 1, 0, -n / 1000 * gs.size}.mul(tm)
							} else {
								tm = matrix{1, 0, 0, 1, -n / 1000 * gs.size * gs.th, 0}.mul(tm)
							}
						}
					}
				}
			}
		case "Do":
			if len(ops) >= 1 {
				if n, ok := ops[0].(pdfName); ok {
					if err := e.xobject(res, n, gs.ctm, depth); err != nil {
						return err
					}
				}
			}
		case "BI":
			e.images++
			skipInlineImage(l)
		}
		ops = ops[:0]
	}
}

// font returns the font named n in the resources (read once per dictionary).
func (e *pdfExtractor) font(res pdfDict, n pdfName) (*pdfFont, string) {
	f := e.f
	fonts := f.dict(res["Font"])
	ref := fonts[n]
	if ref == nil {
		return nil, string(n)
	}
	key := any(ref)
	if _, isRef := ref.(pdfRef); !isRef {
		key = fmt.Sprintf("%p", f.dict(ref))
	}
	if ft, ok := e.fonts[key]; ok {
		return ft, fontLabel(ft, n)
	}
	d := f.dict(ref)
	if d == nil {
		return nil, string(n)
	}
	ft := f.loadFont(d)
	e.fonts[key] = ft
	return ft, fontLabel(ft, n)
}

func fontLabel(ft *pdfFont, n pdfName) string {
	if ft != nil && ft.name != "" {
		return ft.name
	}
	return string(n)
}

// xobject runs a form XObject, or counts an image.
func (e *pdfExtractor) xobject(res pdfDict, n pdfName, ctm matrix, depth int) error {
	f := e.f
	ref := f.dict(res["XObject"])[n]
	st, ok := f.resolve(ref).(*pdfStream)
	if !ok {
		return nil
	}
	switch f.name(st.dict["Subtype"]) {
	case "Image":
		e.images++
		return nil
	case "Form":
	default:
		return nil
	}
	if depth >= 12 {
		return nil
	}
	if r, ok := ref.(pdfRef); ok {
		if e.forms[r] {
			return nil // a form that draws itself
		}
		e.forms[r] = true
		defer delete(e.forms, r)
	}
	data, err := f.decodeStream(st, true)
	if err != nil {
		var ie *Error
		if errors.As(err, &ie) || f.b.ctx.Err() != nil {
			return err
		}
		return nil
	}
	m := identity
	if arr := f.array(st.dict["Matrix"]); len(arr) == 6 {
		for i := range m {
			m[i], _ = f.num(arr[i])
		}
	}
	fres := f.dict(st.dict["Resources"])
	if fres == nil {
		fres = res
	}
	return e.run(data, fres, m.mul(ctm), depth+1)
}

// skipInlineImage skips "... ID <data> EI" after BI.
func skipInlineImage(l *pdfLexer) {
	for {
		tok := l.token()
		if tok == nil {
			return
		}
		if k, ok := tok.(pdfKeyword); ok && k == "ID" {
			break
		}
	}
	l.pos++ // the single white-space character after ID
	for l.pos < len(l.b) {
		i := bytes.Index(l.b[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(l.b)
			return
		}
		at := l.pos + i
		before := at == 0 || isPDFSpace(l.b[at-1])
		after := at+2 >= len(l.b) || isPDFSpace(l.b[at+2]) || isPDFDelim(l.b[at+2])
		l.pos = at + 2
		if before && after {
			return
		}
	}
}
