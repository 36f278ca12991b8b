package input

import (
	"encoding/xml"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A reader of OFD (GB/T 33190-2016) documents, written here on archive/zip
// and encoding/xml: OFD.xml → DocBody → DocRoot (Document.xml) → its pages
// and the template pages they use → every TextObject's TextCode, with
// positions from X, Y, DeltaX and DeltaY (including the "g N v" repeat
// form), the object's Boundary and CTM. Namespaces are ignored (files use
// http://www.ofdspec.org/2016, http://www.ofdspec.org or none). Lines and
// paragraphs are rebuilt by layout.go, as for PDF.

// ofdMaxPages bounds the pages read from one document.
const ofdMaxPages = 100000

func extractOFD(z *zipDoc) (*extracted, error) {
	root := z.file("OFD.xml")
	if root == nil {
		return nil, corruptError(z.name, nil, "damaged .ofd: no OFD.xml in the archive")
	}
	data, err := z.read(root)
	if err != nil {
		return nil, err
	}
	var ofd struct {
		Bodies []struct {
			Info struct {
				Creator        string `xml:"Creator"`
				CreatorVersion string `xml:"CreatorVersion"`
			} `xml:"DocInfo"`
			DocRoot string `xml:"DocRoot"`
		} `xml:"DocBody"`
	}
	if err := newXMLDecoder(strings.NewReader(string(data))).Decode(&ofd); err != nil {
		return nil, z.partError("OFD.xml", err)
	}
	if len(ofd.Bodies) == 0 || strings.TrimSpace(ofd.Bodies[0].DocRoot) == "" {
		return nil, corruptError(z.name, nil, "damaged .ofd: OFD.xml names no document (DocBody/DocRoot)")
	}
	x := &extracted{}
	info := ofd.Bodies[0].Info
	x.producer = strings.TrimSpace(info.Creator)
	if v := strings.TrimSpace(info.CreatorVersion); v != "" && !strings.Contains(x.producer, v) {
		x.producer = strings.TrimSpace(x.producer + " " + v)
	}
	var pages []pageLines
	for _, body := range ofd.Bodies {
		docPath := ofdPath("", body.DocRoot)
		ps, err := readOFDDocument(z, docPath, x)
		if err != nil {
			return nil, err
		}
		pages = append(pages, ps...)
	}
	x.pages = len(pages)
	x.text = paragraphs(pages)
	var empty []int
	for i, p := range pages {
		if len(p.lines) > 0 {
			x.textPages++
		} else {
			empty = append(empty, i+1)
		}
	}
	if len(empty) > 0 && len(empty) < len(pages)+1 {
		x.warnings = append(x.warnings, Warning{Offset: -1, Page: empty[0],
			Message: pageList(empty) + ": no text (drawn as paths or images?); run OCR on the page if it should have some"})
	}
	return x, nil
}

// ofdPath resolves a location in the package against the directory of the
// file that names it: absolute ("/Doc_0/…") or relative.
func ofdPath(dir, loc string) string {
	loc = strings.TrimSpace(strings.ReplaceAll(loc, `\`, "/"))
	if strings.HasPrefix(loc, "/") {
		return strings.TrimPrefix(path.Clean(loc), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+"/"+loc), "/")
}

// ofdDocument is what Document.xml says.
type ofdDocument struct {
	Common struct {
		PageArea struct {
			Physical string `xml:"PhysicalBox"`
		} `xml:"PageArea"`
		Templates []struct {
			ID      string `xml:"ID,attr"`
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"TemplatePage"`
	} `xml:"CommonData"`
	Pages struct {
		Page []struct {
			ID      string `xml:"ID,attr"`
			BaseLoc string `xml:"BaseLoc,attr"`
		} `xml:"Page"`
	} `xml:"Pages"`
}

func readOFDDocument(z *zipDoc, docPath string, x *extracted) ([]pageLines, error) {
	f := z.file(docPath)
	if f == nil {
		return nil, corruptError(z.name, nil, "damaged .ofd: %s (the DocRoot) is not in the archive", docPath)
	}
	data, err := z.read(f)
	if err != nil {
		return nil, err
	}
	var doc ofdDocument
	if err := newXMLDecoder(strings.NewReader(string(data))).Decode(&doc); err != nil {
		return nil, z.partError(docPath, err)
	}
	dir := path.Dir(docPath)
	templates := map[string]string{}
	for _, t := range doc.Common.Templates {
		templates[t.ID] = ofdPath(dir, t.BaseLoc)
	}
	tplGlyphs := map[string][]glyph{}
	runs := 0
	var out []pageLines
	for i, p := range doc.Pages.Page {
		if i >= ofdMaxPages {
			break
		}
		if err := z.b.ctx.Err(); err != nil {
			return nil, err
		}
		loc := ofdPath(dir, p.BaseLoc)
		pf := z.file(loc)
		if pf == nil {
			x.warnings = append(x.warnings, Warning{Offset: -1, Page: i + 1,
				Message: "page " + strconv.Itoa(i+1) + ": " + loc + " is not in the archive; its text is missing"})
			out = append(out, pageLines{})
			continue
		}
		pg, err := readOFDContent(z, pf.Name, &runs)
		if err != nil {
			return nil, err
		}
		gs := pg.glyphs
		for _, tid := range pg.templates {
			tl, ok := templates[tid]
			if !ok {
				continue
			}
			tg, seen := tplGlyphs[tl]
			if !seen {
				if tf := z.file(tl); tf != nil {
					tp, err := readOFDContent(z, tf.Name, &runs)
					if err != nil {
						return nil, err
					}
					tg = tp.glyphs
				}
				tplGlyphs[tl] = tg
			}
			gs = append(append([]glyph(nil), tg...), gs...)
		}
		out = append(out, pageLines{lines: layoutPage(gs)})
	}
	return out, nil
}

// ofdPage is the text of one page or template content file.
type ofdPage struct {
	glyphs    []glyph
	templates []string // TemplateIDs the page uses
}

// readOFDContent streams a page's XML and places the glyphs of its
// TextObjects.
func readOFDContent(z *zipDoc, name string, runs *int) (*ofdPage, error) {
	rc, err := z.open(z.file(name))
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := newXMLDecoder(rc)
	pg := &ofdPage{}
	var (
		obj    *ofdTextObject
		code   *ofdTextCode
		text   strings.Builder
		penX   float64
		penY   float64
		hasPen bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, z.partError(name, err)
		}
		if err := z.b.tick(1); err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Template":
				if id := attr(t, "TemplateID"); id != "" {
					pg.templates = append(pg.templates, id)
				}
			case "TextObject":
				obj = newOFDTextObject(t)
				hasPen = false
			case "TextCode":
				if obj != nil {
					code = &ofdTextCode{x: attrNum(t, "X", math.NaN()), y: attrNum(t, "Y", math.NaN()),
						dx: attr(t, "DeltaX"), dy: attr(t, "DeltaY")}
					text.Reset()
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TextCode":
				if obj != nil && code != nil {
					if math.IsNaN(code.x) {
						code.x = penX
						if !hasPen {
							code.x = 0
						}
					}
					if math.IsNaN(code.y) {
						code.y = penY
						if !hasPen {
							code.y = 0
						}
					}
					*runs++
					penX, penY = obj.place(code, text.String(), *runs, &pg.glyphs)
					hasPen = true
				}
				code = nil
			case "TextObject":
				obj = nil
			}
		case xml.CharData:
			if code != nil {
				text.Write(t)
			}
		}
	}
	return pg, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrNum(t xml.StartElement, name string, dflt float64) float64 {
	s := strings.TrimSpace(attr(t, name))
	if s == "" {
		return dflt
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return dflt
	}
	return v
}

// ofdTextObject is a TextObject's placement: its Boundary's origin, CTM
// and font size.
type ofdTextObject struct {
	ox, oy float64
	ctm    matrix
	size   float64
	hscale float64
	dirX   float64 // the reading direction (ReadDirection) as a vector in object space
	dirY   float64
}

type ofdTextCode struct {
	x, y   float64
	dx, dy string
}

func newOFDTextObject(t xml.StartElement) *ofdTextObject {
	o := &ofdTextObject{ctm: identity, size: attrNum(t, "Size", 3.5), hscale: attrNum(t, "HScale", 1), dirX: 1}
	if b := numbers(attr(t, "Boundary"), 4); len(b) >= 2 {
		o.ox, o.oy = b[0], b[1]
	}
	if c := numbers(attr(t, "CTM"), 6); len(c) == 6 {
		o.ctm = matrix{c[0], c[1], c[2], c[3], c[4], c[5]}
	}
	switch strings.TrimSpace(attr(t, "ReadDirection")) {
	case "90":
		o.dirX, o.dirY = 0, 1
	case "180":
		o.dirX, o.dirY = -1, 0
	case "270":
		o.dirX, o.dirY = 0, -1
	}
	return o
}

// numbers parses up to max space-separated numbers.
func numbers(s string, max int) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		if len(out) >= max {
			break
		}
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return out
		}
		out = append(out, v)
	}
	return out
}

// deltas expands a DeltaX/DeltaY list ("3.17 g 4 3.17 2.1") into at most
// n values.
func deltas(s string, n int) []float64 {
	out := make([]float64, 0, min(n, 1024))
	fs := strings.Fields(s)
	for i := 0; i < len(fs) && len(out) < n; i++ {
		if fs[i] == "g" && i+2 < len(fs) {
			count, err1 := strconv.Atoi(fs[i+1])
			v, err2 := strconv.ParseFloat(fs[i+2], 64)
			i += 2
			if err1 != nil || err2 != nil || count < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			for k := 0; k < count && len(out) < n; k++ {
				out = append(out, v)
			}
			continue
		}
		v, err := strconv.ParseFloat(fs[i], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// place puts the characters of one TextCode on the page and returns the
// pen position after its last character (in object space).
func (o *ofdTextObject) place(c *ofdTextCode, text string, run int, out *[]glyph) (float64, float64) {
	n := utf8.RuneCountInString(text)
	dx, dy := deltas(c.dx, n-1), deltas(c.dy, n-1)
	// The baseline direction and the size on the page, through the CTM.
	bx, by := o.ctm[0]*o.dirX+o.ctm[2]*o.dirY, o.ctm[1]*o.dirX+o.ctm[3]*o.dirY
	scale := math.Sqrt(math.Abs(o.ctm[0]*o.ctm[3] - o.ctm[1]*o.ctm[2]))
	if scale == 0 || math.IsNaN(scale) {
		scale = 1
	}
	if norm := math.Hypot(bx, by); norm > 0 {
		bx, by = bx/norm, by/norm
	} else {
		bx, by = 1, 0
	}
	size := o.size * scale
	x, y := c.x, c.y
	i := 0
	for _, r := range text {
		px := o.ox + o.ctm[0]*x + o.ctm[2]*y + o.ctm[4]
		py := o.oy + o.ctm[1]*x + o.ctm[3]*y + o.ctm[5]
		adv := 0.0
		if i < len(dx) {
			adv = dx[i]
		} else {
			adv = o.size * o.hscale
			if r < 0x80 {
				adv /= 2
			}
		}
		g := glyph{text: string(r), x: px, y: py, adv: math.Abs(adv) * scale, size: size, dx: bx, dy: by, run: run}
		if len(*out) < 1<<20 {
			*out = append(*out, g)
		}
		if i < len(dx) {
			x += dx[i] * o.dirX
			y += dx[i] * o.dirY
		} else {
			x += adv * o.dirX
			y += adv * o.dirY
		}
		if i < len(dy) {
			y += dy[i]
		}
		i++
	}
	return x, y
}
