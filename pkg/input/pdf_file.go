package input

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// pdfFile is a parsed PDF: its cross-reference table and object cache.
type pdfFile struct {
	raw      []byte
	xref     map[int]pdfXref
	trailer  pdfDict
	cache    map[int]any
	loading  map[int]bool
	crypt    *pdfCrypt
	b        *budget
	repaired bool // the cross-reference table was rebuilt by scanning
	objstm   map[int][]pdfObjOff
}

// pdfXref locates an object: at a byte offset, or inside an object stream.
type pdfXref struct {
	offset int64
	gen    int
	stream int // object stream number, 0 if none
	index  int
}

type pdfObjOff struct{ num, off int }

var errPDFNoXref = errors.New("no cross-reference table")

// openPDF reads the structure of a PDF: the cross-reference sections from
// startxref (tables and streams, following /Prev), or, when they are
// missing or wrong, a table rebuilt by scanning the file for objects.
func openPDF(raw []byte, b *budget) (*pdfFile, error) {
	f := &pdfFile{raw: raw, xref: map[int]pdfXref{}, cache: map[int]any{}, loading: map[int]bool{}, b: b}
	if err := f.readXrefChain(); err != nil || f.trailer == nil || f.trailer["Root"] == nil {
		f.rebuild()
	}
	return f, nil
}

// readXrefChain reads the cross-reference sections from the last startxref.
func (f *pdfFile) readXrefChain() error {
	tail := f.raw[max(0, len(f.raw)-64<<10):] // some writers append data after %%EOF
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return errPDFNoXref
	}
	l := &pdfLexer{b: tail, pos: i + len("startxref")}
	off, ok := l.token().(int64)
	if !ok || off <= 0 || off >= int64(len(f.raw)) {
		return errPDFNoXref
	}
	seen := map[int64]bool{}
	first := true
	for off > 0 && !seen[off] && len(seen) < 512 {
		seen[off] = true
		trailer, err := f.readXrefSection(off)
		if err != nil {
			return err
		}
		if first {
			f.trailer = trailer
			first = false
		}
		if xs, ok := trailer["XRefStm"].(int64); ok && xs > 0 && xs < int64(len(f.raw)) && !seen[xs] {
			seen[xs] = true
			if _, err := f.readXrefSection(xs); err != nil {
				return err
			}
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			break
		}
		off = prev
	}
	return nil
}

// readXrefSection reads one table or stream at off; entries already known
// (from newer sections) are kept.
func (f *pdfFile) readXrefSection(off int64) (pdfDict, error) {
	if off < 0 || off >= int64(len(f.raw)) {
		return nil, errPDFNoXref
	}
	l := &pdfLexer{b: f.raw, pos: int(off)}
	l.skipSpace()
	if bytes.HasPrefix(f.raw[l.pos:], []byte("xref")) {
		l.pos += 4
		for {
			save := l.pos
			start, ok1 := l.token().(int64)
			count, ok2 := l.token().(int64)
			if !ok1 || !ok2 {
				l.pos = save
				break
			}
			if start < 0 || count < 0 || count > int64(len(f.raw)/18+1) {
				return nil, errPDFNoXref
			}
			for k := int64(0); k < count; k++ {
				o, ok1 := l.token().(int64)
				g, ok2 := l.token().(int64)
				kind, ok3 := l.token().(pdfKeyword)
				if !ok1 || !ok2 || !ok3 {
					return nil, errPDFNoXref
				}
				num := int(start + k)
				if _, known := f.xref[num]; known || num == 0 {
					continue
				}
				if kind == "n" && o > 0 {
					f.xref[num] = pdfXref{offset: o, gen: int(g)}
				} else {
					f.xref[num] = pdfXref{offset: -1} // free: newer sections say it is gone
				}
			}
		}
		if k, ok := l.token().(pdfKeyword); !ok || k != "trailer" {
			return nil, errPDFNoXref
		}
		d, ok := l.object(0).(pdfDict)
		if !ok {
			return nil, errPDFNoXref
		}
		return d, nil
	}
	// A cross-reference stream.
	obj, _, err := f.parseIndirectAt(off)
	if err != nil {
		return nil, err
	}
	st, ok := obj.(*pdfStream)
	if !ok || st.dict["Type"] != pdfName("XRef") {
		return nil, errPDFNoXref
	}
	data, err := f.decodeStream(st, false)
	if err != nil {
		return nil, err
	}
	w, _ := st.dict["W"].(pdfArray)
	if len(w) != 3 {
		return nil, errPDFNoXref
	}
	var ws [3]int
	for i := range ws {
		n, _ := w[i].(int64)
		if n < 0 || n > 8 {
			return nil, errPDFNoXref
		}
		ws[i] = int(n)
	}
	size, _ := st.dict["Size"].(int64)
	index := []int64{0, size}
	if ix, ok := st.dict["Index"].(pdfArray); ok && len(ix) >= 2 {
		index = index[:0]
		for _, v := range ix {
			n, _ := v.(int64)
			index = append(index, n)
		}
	}
	rec := ws[0] + ws[1] + ws[2]
	if rec == 0 {
		return nil, errPDFNoXref
	}
	field := func(b []byte) int64 {
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		start, count := index[i], index[i+1]
		if start < 0 || count < 0 {
			return nil, errPDFNoXref
		}
		for k := int64(0); k < count && pos+rec <= len(data); k++ {
			e := data[pos : pos+rec]
			pos += rec
			typ := int64(1)
			if ws[0] > 0 {
				typ = field(e[:ws[0]])
			}
			a, c := field(e[ws[0]:ws[0]+ws[1]]), field(e[ws[0]+ws[1]:])
			num := int(start + k)
			if _, known := f.xref[num]; known || num == 0 {
				continue
			}
			switch typ {
			case 1:
				f.xref[num] = pdfXref{offset: a, gen: int(c)}
			case 2:
				f.xref[num] = pdfXref{offset: -1, stream: int(a), index: int(c)}
			default:
				f.xref[num] = pdfXref{offset: -1}
			}
		}
	}
	return st.dict, nil
}

// rebuild scans the whole file for "n g obj" and "trailer", as readers do
// with damaged files.
func (f *pdfFile) rebuild() {
	f.repaired = true
	f.xref = map[int]pdfXref{}
	f.cache = map[int]any{}
	var trailer pdfDict
	raw := f.raw
	for i := 0; i < len(raw); {
		j := bytes.Index(raw[i:], []byte("obj"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 3
		if at+3 < len(raw) && !isPDFSpace(raw[at+3]) && !isPDFDelim(raw[at+3]) {
			continue
		}
		// Back over "num gen ".
		k := at - 1
		for k >= 0 && isPDFSpace(raw[k]) {
			k--
		}
		ge := k + 1
		for k >= 0 && raw[k] >= '0' && raw[k] <= '9' {
			k--
		}
		gs := k + 1
		if gs == ge {
			continue
		}
		for k >= 0 && isPDFSpace(raw[k]) {
			k--
		}
		ne := k + 1
		for k >= 0 && raw[k] >= '0' && raw[k] <= '9' {
			k--
		}
		ns := k + 1
		if ns == ne || ne == gs {
			continue
		}
		num, err1 := strconv.Atoi(string(raw[ns:ne]))
		gen, err2 := strconv.Atoi(string(raw[gs:ge]))
		if err1 != nil || err2 != nil || num <= 0 {
			continue
		}
		f.xref[num] = pdfXref{offset: int64(ns), gen: gen}
	}
	// The last trailer dictionary, else an XRef stream's, else a catalog.
	if t := bytes.LastIndex(raw, []byte("trailer")); t >= 0 {
		l := &pdfLexer{b: raw, pos: t + len("trailer")}
		trailer, _ = l.object(0).(pdfDict)
	}
	if trailer == nil || trailer["Root"] == nil {
		for num, x := range f.xref {
			obj, _, err := f.parseIndirectAt(x.offset)
			if err != nil {
				continue
			}
			switch o := obj.(type) {
			case pdfDict:
				if o["Type"] == pdfName("Catalog") && o["Pages"] != nil {
					if trailer == nil {
						trailer = pdfDict{}
					}
					trailer["Root"] = pdfRef{num, x.gen}
				}
			case *pdfStream:
				if o.dict["Type"] == pdfName("XRef") && o.dict["Root"] != nil && trailer == nil {
					trailer = o.dict
				}
			}
		}
	}
	// Objects inside object streams.
	for num, x := range f.xref {
		obj, _, err := f.parseIndirectAt(x.offset)
		if err != nil {
			continue
		}
		if st, ok := obj.(*pdfStream); ok && st.dict["Type"] == pdfName("ObjStm") {
			offs, _ := f.objStreamIndex(num, st)
			for idx, o := range offs {
				if _, known := f.xref[o.num]; !known {
					f.xref[o.num] = pdfXref{offset: -1, stream: num, index: idx}
				}
			}
		}
	}
	if trailer == nil {
		trailer = pdfDict{}
	}
	f.trailer = trailer
	f.cache = map[int]any{}
}

// parseIndirectAt reads "num gen obj ... endobj" at off.
func (f *pdfFile) parseIndirectAt(off int64) (any, pdfRef, error) {
	if off < 0 || off >= int64(len(f.raw)) {
		return nil, pdfRef{}, errPDFNoXref
	}
	l := &pdfLexer{b: f.raw, pos: int(off)}
	num, ok1 := l.token().(int64)
	gen, ok2 := l.token().(int64)
	kw, ok3 := l.token().(pdfKeyword)
	if !ok1 || !ok2 || !ok3 || kw != "obj" {
		return nil, pdfRef{}, errPDFNoXref
	}
	ref := pdfRef{int(num), int(gen)}
	obj := l.object(0)
	if d, ok := obj.(pdfDict); ok {
		save := l.pos
		if k, ok := l.token().(pdfKeyword); ok && k == "stream" {
			// The data starts after the end of line that follows "stream".
			p := l.pos
			if p < len(f.raw) && f.raw[p] == '\r' {
				p++
			}
			if p < len(f.raw) && f.raw[p] == '\n' {
				p++
			}
			n := int64(-1)
			switch v := d["Length"].(type) {
			case int64:
				n = v
			case pdfRef:
				if v.num != ref.num {
					if ln, ok := f.resolve(v).(int64); ok {
						n = ln
					}
				}
			}
			end := -1
			if n >= 0 && int64(p)+n <= int64(len(f.raw)) {
				e := p + int(n)
				rest := f.raw[e:min(len(f.raw), e+32)]
				if bytes.Contains(rest, []byte("endstream")) {
					end = e
				}
			}
			if end < 0 { // a wrong or missing /Length: look for endstream
				k := bytes.Index(f.raw[p:], []byte("endstream"))
				if k < 0 {
					end = len(f.raw)
				} else {
					end = p + k
					for end > p && (f.raw[end-1] == '\n' || f.raw[end-1] == '\r') {
						end--
					}
				}
			}
			return &pdfStream{dict: d, data: f.raw[p:end], ref: ref}, ref, nil
		}
		l.pos = save
	}
	return obj, ref, nil
}

// resolve follows references (one level at a time, until a direct object).
func (f *pdfFile) resolve(o any) any {
	for i := 0; i < 32; i++ {
		r, ok := o.(pdfRef)
		if !ok {
			return o
		}
		o = f.load(r)
	}
	return nil
}

// load returns an indirect object, decrypted, from the cache or the file.
func (f *pdfFile) load(r pdfRef) any {
	if v, ok := f.cache[r.num]; ok {
		return v
	}
	if f.loading[r.num] {
		return nil // a reference loop
	}
	f.loading[r.num] = true
	defer delete(f.loading, r.num)
	x, ok := f.xref[r.num]
	var obj any
	switch {
	case !ok:
		obj = nil
	case x.stream > 0:
		obj = f.loadFromObjStream(r.num, x)
	case x.offset >= 0:
		o, ref, err := f.parseIndirectAt(x.offset)
		if err != nil || ref.num != r.num {
			if !f.repaired { // a wrong table: rebuild it once and try again
				f.rebuild()
				delete(f.loading, r.num)
				return f.load(r)
			}
			obj = nil
		} else {
			obj = f.decryptObject(o, ref)
		}
	}
	f.cache[r.num] = obj
	return obj
}

// objStreamIndex reads the header of an object stream: numbers and offsets.
func (f *pdfFile) objStreamIndex(num int, st *pdfStream) ([]pdfObjOff, []byte) {
	data, err := f.decodeStream(st, true)
	if err != nil {
		return nil, nil
	}
	n, _ := st.dict["N"].(int64)
	first, _ := st.dict["First"].(int64)
	if n < 0 || first < 0 || first > int64(len(data)) || n > int64(len(data)) {
		return nil, nil
	}
	l := &pdfLexer{b: data[:first]}
	offs := make([]pdfObjOff, 0, n)
	for i := int64(0); i < n; i++ {
		on, ok1 := l.token().(int64)
		oo, ok2 := l.token().(int64)
		if !ok1 || !ok2 || oo < 0 || first+oo > int64(len(data)) {
			break
		}
		offs = append(offs, pdfObjOff{int(on), int(first + oo)})
	}
	return offs, data
}

func (f *pdfFile) loadFromObjStream(num int, x pdfXref) any {
	if f.objstm == nil {
		f.objstm = map[int][]pdfObjOff{}
	}
	sobj := f.load(pdfRef{x.stream, 0})
	st, ok := sobj.(*pdfStream)
	if !ok {
		return nil
	}
	offs, data := f.objStreamIndex(x.stream, st)
	pick := -1
	if x.index < len(offs) && offs[x.index].num == num {
		pick = x.index
	} else {
		for i, o := range offs {
			if o.num == num {
				pick = i
				break
			}
		}
	}
	if pick < 0 {
		return nil
	}
	l := &pdfLexer{b: data, pos: offs[pick].off}
	obj := l.object(0)
	// Cache the stream's other objects too: object streams are read once.
	for i, o := range offs {
		if i == pick || o.num == num {
			continue
		}
		if xx, ok := f.xref[o.num]; ok && xx.stream == x.stream {
			if _, cached := f.cache[o.num]; !cached && !f.loading[o.num] {
				ll := &pdfLexer{b: data, pos: o.off}
				f.cache[o.num] = ll.object(0)
			}
		}
	}
	return obj
}

// dict resolves o to a dictionary (a stream's dictionary too), or nil.
func (f *pdfFile) dict(o any) pdfDict {
	switch v := f.resolve(o).(type) {
	case pdfDict:
		return v
	case *pdfStream:
		return v.dict
	}
	return nil
}

func (f *pdfFile) array(o any) pdfArray {
	a, _ := f.resolve(o).(pdfArray)
	return a
}

func (f *pdfFile) name(o any) pdfName {
	n, _ := f.resolve(o).(pdfName)
	return n
}

func (f *pdfFile) num(o any) (float64, bool) {
	switch v := f.resolve(o).(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

func (f *pdfFile) int(o any) (int64, bool) {
	switch v := f.resolve(o).(type) {
	case int64:
		return v, true
	case float64:
		return int64(v), true
	}
	return 0, false
}

// stream resolves o to a stream and decodes it, or returns nil.
func (f *pdfFile) streamData(o any) ([]byte, error) {
	st, ok := f.resolve(o).(*pdfStream)
	if !ok {
		return nil, nil
	}
	return f.decodeStream(st, true)
}

func pdfErrorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
