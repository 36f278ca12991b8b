package input

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"io"
)

var errPDFFilter = errors.New("unsupported stream filter")

// decodeStream returns a stream's decoded data. Every decoded byte counts
// against the document's budget. Image filters (DCT, JPX, JBIG2, CCITT)
// are not decoded: the text reader does not need them.
func (f *pdfFile) decodeStream(st *pdfStream, decrypt bool) ([]byte, error) {
	data := st.data
	if decrypt && f.crypt != nil && st.dict["Type"] != pdfName("XRef") {
		data = f.crypt.decrypt(data, st.ref, true, st.dict)
	}
	var filters []pdfName
	var parms []pdfDict
	switch v := f.resolve(st.dict["Filter"]).(type) {
	case pdfName:
		filters = []pdfName{v}
		parms = []pdfDict{f.dict(st.dict["DecodeParms"])}
	case pdfArray:
		pa := f.array(st.dict["DecodeParms"])
		for i, x := range v {
			filters = append(filters, f.name(x))
			var p pdfDict
			if i < len(pa) {
				p = f.dict(pa[i])
			}
			parms = append(parms, p)
		}
	}
	for i, name := range filters {
		var err error
		switch name {
		case "FlateDecode", "Fl":
			data, err = f.inflate(data)
		case "LZWDecode", "LZW":
			early := int64(1)
			if v, ok := parms[i]["EarlyChange"].(int64); ok {
				early = v
			}
			data, err = f.lzw(data, early != 0)
		case "ASCIIHexDecode", "AHx":
			data = asciiHex(data)
		case "ASCII85Decode", "A85":
			data = ascii85(data)
		case "RunLengthDecode", "RL":
			data, err = f.runLength(data)
		case "Crypt":
			continue
		default:
			return nil, errPDFFilter
		}
		if err != nil {
			return nil, err
		}
		if p := parms[i]; p != nil && (name == "FlateDecode" || name == "Fl" || name == "LZWDecode" || name == "LZW") {
			if data, err = unpredict(data, p); err != nil {
				return nil, err
			}
		}
	}
	return data, nil
}

// inflate decompresses zlib (or raw deflate) data, keeping what was
// decoded before an error: damaged streams are common and their start is
// still good text.
func (f *pdfFile) inflate(data []byte) ([]byte, error) {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	var buf bytes.Buffer
	buf.Grow(min(len(data)*4, 64<<20))
	_, err := buf.ReadFrom(f.b.reader(r, "a compressed stream"))
	if err != nil {
		var ie *Error
		if errors.As(err, &ie) || f.b.ctx.Err() != nil {
			return nil, err
		}
		// A damaged stream: keep the part that decoded.
	}
	return buf.Bytes(), nil
}

// lzw decodes LZW data as PDF writes it (MSB first, 9-12 bit codes).
func (f *pdfFile) lzw(data []byte, early bool) ([]byte, error) {
	var out []byte
	type entry struct {
		prefix int
		c      byte
		n      int
	}
	table := make([]entry, 4096)
	reset := func() int {
		for i := 0; i < 256; i++ {
			table[i] = entry{-1, byte(i), 1}
		}
		return 258
	}
	next := reset()
	width := 9
	var bitBuf uint32
	bits := 0
	prev := -1
	emit := func(code int) byte {
		n := table[code].n
		start := len(out)
		out = append(out, make([]byte, n)...)
		for i := n - 1; i >= 0; i-- {
			out[start+i] = table[code].c
			code = table[code].prefix
			if code < 0 && i > 0 {
				break
			}
		}
		return out[start]
	}
	for _, c := range data {
		bitBuf = bitBuf<<8 | uint32(c)
		bits += 8
		for bits >= width {
			code := int(bitBuf>>(bits-width)) & (1<<width - 1)
			bits -= width
			switch {
			case code == 256:
				next, width, prev = reset(), 9, -1
				continue
			case code == 257:
				return out, nil
			case code < next && (code < 256 || code >= 258):
				first := emit(code)
				if prev >= 0 && next < 4096 {
					table[next] = entry{prev, first, table[prev].n + 1}
					next++
				}
			case code == next && prev >= 0 && next < 4096:
				// KwKwK: the previous string plus its own first character.
				first := emit(prev)
				out = append(out, first)
				table[next] = entry{prev, first, table[prev].n + 1}
				next++
			default:
				return out, nil // a bad code: keep what decoded
			}
			prev = code
			e := 0
			if early {
				e = 1
			}
			if next+e >= 1<<width && width < 12 {
				width++
			}
			if len(out) > 0 && !f.b.fits(int64(len(out))) {
				return nil, f.b.take(int64(len(out)), "an LZW stream")
			}
		}
	}
	return out, f.b.take(int64(len(out)), "an LZW stream")
}

func asciiHex(data []byte) []byte {
	out := make([]byte, 0, len(data)/2)
	var hi byte
	half := false
	for _, c := range data {
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

func ascii85(data []byte) []byte {
	out := make([]byte, 0, len(data)*4/5+4)
	var group [5]byte
	n := 0
	if bytes.HasPrefix(data, []byte("<~")) {
		data = data[2:]
	}
	flush := func(k int) {
		var v uint32
		for i := 0; i < 5; i++ {
			v = v*85 + uint32(group[i])
		}
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], v)
		out = append(out, b[:k]...)
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '~':
			i = len(data)
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c - '!'
			n++
			if n == 5 {
				flush(4)
				n = 0
			}
		}
	}
	if n > 1 {
		for i := n; i < 5; i++ {
			group[i] = 84
		}
		flush(n - 1)
	}
	return out
}

func (f *pdfFile) runLength(data []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n < 128:
			end := min(len(data), i+n+1)
			out = append(out, data[i:end]...)
			i = end
		case n > 128:
			if i < len(data) {
				out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
				i++
			}
		default:
			return out, nil
		}
		if !f.b.fits(int64(len(out))) {
			return nil, f.b.take(int64(len(out)), "a run-length stream")
		}
	}
	return out, nil
}

// unpredict undoes a PNG or TIFF predictor.
func unpredict(data []byte, p pdfDict) ([]byte, error) {
	pred, _ := p["Predictor"].(int64)
	if pred <= 1 {
		return data, nil
	}
	colors, bpc, cols := int64(1), int64(8), int64(1)
	if v, ok := p["Colors"].(int64); ok && v > 0 && v < 64 {
		colors = v
	}
	if v, ok := p["BitsPerComponent"].(int64); ok && v > 0 && v <= 16 {
		bpc = v
	}
	if v, ok := p["Columns"].(int64); ok && v > 0 && v < 1<<24 {
		cols = v
	}
	bpp := int((colors*bpc + 7) / 8)
	row := int((colors*bpc*cols + 7) / 8)
	if pred == 2 { // TIFF, 8-bit components only
		if bpc != 8 {
			return data, nil
		}
		for i := 0; i+row <= len(data); i += row {
			for j := bpp; j < row; j++ {
				data[i+j] += data[i+j-bpp]
			}
		}
		return data, nil
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, row)
	for i := 0; i < len(data); i += row + 1 {
		typ := data[i]
		end := min(len(data), i+1+row)
		cur := make([]byte, row)
		copy(cur, data[i+1:end])
		for j := 0; j < row; j++ {
			var a, b, c byte
			if j >= bpp {
				a = cur[j-bpp]
				c = prev[j-bpp]
			}
			b = prev[j]
			switch typ {
			case 1:
				cur[j] += a
			case 2:
				cur[j] += b
			case 3:
				cur[j] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[j] += paeth(a, b, c)
			}
		}
		out = append(out, cur[:end-i-1]...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pdfCrypt decrypts the strings and streams of an encrypted PDF (the
// standard security handler: RC4 40-128 bit, AES-128, AES-256).
type pdfCrypt struct {
	key            []byte
	v, r           int
	stm, str       string // "RC4", "AESV2", "AESV3", "None"
	encMeta        bool
	encryptDictNum int
}

var pdfPad = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

var errPDFPassword = errors.New("password required")

// setupCrypt reads the trailer's /Encrypt dictionary and finds the file
// key from password ("" tries the empty user password, which is how PDFs
// restricted by an owner password only are opened).
func (f *pdfFile) setupCrypt(password string) (bool, error) {
	encRef := f.trailer["Encrypt"]
	if encRef == nil {
		return false, nil
	}
	enc := f.dict(encRef)
	if enc == nil {
		return false, nil
	}
	c := &pdfCrypt{encMeta: true}
	if r, ok := encRef.(pdfRef); ok {
		c.encryptDictNum = r.num
	}
	if filter := f.name(enc["Filter"]); filter != "Standard" {
		return true, pdfErrorf("encryption handler %s", filter)
	}
	v, _ := f.int(enc["V"])
	r, _ := f.int(enc["R"])
	c.v, c.r = int(v), int(r)
	length := int64(40)
	if l, ok := f.int(enc["Length"]); ok && l >= 40 && l <= 256 {
		length = l
	}
	if b, ok := f.resolve(enc["EncryptMetadata"]).(bool); ok {
		c.encMeta = b
	}
	c.stm, c.str = "RC4", "RC4"
	if c.v >= 4 {
		cf := f.dict(enc["CF"])
		method := func(name pdfName) string {
			if name == "Identity" || name == "" {
				return "None"
			}
			d := f.dict(cf[name])
			switch f.name(d["CFM"]) {
			case "AESV2":
				return "AESV2"
			case "AESV3":
				return "AESV3"
			case "None":
				return "None"
			}
			return "RC4"
		}
		c.stm, c.str = method(f.name(enc["StmF"])), method(f.name(enc["StrF"]))
		if c.stm == "RC4" || c.str == "RC4" {
			if d := f.dict(cf[f.name(enc["StmF"])]); d != nil {
				if l, ok := f.int(d["Length"]); ok && l >= 5 && l <= 16 {
					length = l * 8
				} else if ok && l > 16 && l <= 128 {
					length = l
				}
			}
		}
	}
	o := pdfBytes(f.resolve(enc["O"]))
	u := pdfBytes(f.resolve(enc["U"]))
	p, _ := f.int(enc["P"])
	var id0 []byte
	if ids := f.array(f.trailer["ID"]); len(ids) > 0 {
		id0 = pdfBytes(f.resolve(ids[0]))
	}
	switch {
	case c.r >= 5:
		oe, ue := pdfBytes(f.resolve(enc["OE"])), pdfBytes(f.resolve(enc["UE"]))
		if len(o) < 48 || len(u) < 48 || len(oe) < 32 || len(ue) < 32 {
			return true, pdfErrorf("damaged encryption dictionary")
		}
		pw := []byte(password)
		if len(pw) > 127 {
			pw = pw[:127]
		}
		if bytes.Equal(hash2B(pw, u[32:40], nil, c.r), u[:32]) {
			c.key = aesCBCNoPad(hash2B(pw, u[40:48], nil, c.r), ue[:32])
		} else if bytes.Equal(hash2B(pw, o[32:40], u[:48], c.r), o[:32]) {
			c.key = aesCBCNoPad(hash2B(pw, o[40:48], u[:48], c.r), oe[:32])
		} else {
			return true, errPDFPassword
		}
	case c.r >= 2 && c.r <= 4:
		n := int(length / 8)
		if c.r == 2 {
			n = 5
		}
		if len(o) < 32 {
			return true, pdfErrorf("damaged encryption dictionary")
		}
		if key := c.userKey([]byte(password), o, uint32(p), id0, n); c.checkUser(key, u, id0) {
			c.key = key
		} else if upw := c.ownerToUser([]byte(password), o, n); upw != nil {
			if key := c.userKey(upw, o, uint32(p), id0, n); c.checkUser(key, u, id0) {
				c.key = key
			}
		}
		if c.key == nil {
			return true, errPDFPassword
		}
	default:
		return true, pdfErrorf("security handler revision %d", c.r)
	}
	f.crypt = c
	f.cache = map[int]any{} // objects read before the key was known
	return true, nil
}

func pdfBytes(o any) []byte {
	s, _ := o.(pdfString)
	return s
}

func padPassword(pw []byte) []byte {
	out := make([]byte, 32)
	n := copy(out, pw)
	copy(out[n:], pdfPad)
	return out
}

// userKey is algorithm 2 of the PDF specification.
func (c *pdfCrypt) userKey(pw, o []byte, p uint32, id0 []byte, n int) []byte {
	h := md5.New()
	h.Write(padPassword(pw))
	h.Write(o[:32])
	var pb [4]byte
	binary.LittleEndian.PutUint32(pb[:], p)
	h.Write(pb[:])
	h.Write(id0)
	if c.r >= 4 && !c.encMeta {
		h.Write([]byte{0xFF, 0xFF, 0xFF, 0xFF})
	}
	sum := h.Sum(nil)
	if c.r >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(sum[:n])
			sum = s[:]
		}
	}
	return sum[:n]
}

// checkUser is algorithms 4 and 5: does key decrypt U?
func (c *pdfCrypt) checkUser(key, u, id0 []byte) bool {
	if len(u) < 16 {
		return false
	}
	if c.r == 2 {
		out := make([]byte, 32)
		rc, _ := rc4.NewCipher(key)
		rc.XORKeyStream(out, pdfPad)
		return len(u) >= 32 && bytes.Equal(out, u[:32])
	}
	h := md5.New()
	h.Write(pdfPad)
	h.Write(id0)
	out := h.Sum(nil)
	k := make([]byte, len(key))
	for i := 0; i < 20; i++ {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		rc, _ := rc4.NewCipher(k)
		rc.XORKeyStream(out, out)
	}
	return bytes.Equal(out[:16], u[:16])
}

// ownerToUser is algorithm 7: the user password from an owner password.
func (c *pdfCrypt) ownerToUser(pw, o []byte, n int) []byte {
	if len(pw) == 0 {
		return nil
	}
	sum := md5.Sum(padPassword(pw))
	k := sum[:]
	if c.r >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(k)
			k = s[:]
		}
	}
	k = k[:n]
	out := append([]byte(nil), o[:32]...)
	if c.r == 2 {
		rc, _ := rc4.NewCipher(k)
		rc.XORKeyStream(out, out)
		return out
	}
	kk := make([]byte, n)
	for i := 19; i >= 0; i-- {
		for j := range k {
			kk[j] = k[j] ^ byte(i)
		}
		rc, _ := rc4.NewCipher(kk)
		rc.XORKeyStream(out, out)
	}
	return out
}

// hash2B is the password hash of revisions 5 (SHA-256) and 6 (algorithm 2.B).
func hash2B(pw, salt, udata []byte, r int) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if r < 6 {
		return k
	}
	for round := 0; ; round++ {
		k1 := make([]byte, 0, 64*(len(pw)+len(k)+len(udata)))
		for i := 0; i < 64; i++ {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		default:
			s := sha512.Sum512(e)
			k = s[:]
		}
		if round >= 63 && int(e[len(e)-1]) <= round-31 {
			break
		}
		if round > 1000 {
			break
		}
	}
	return k[:32]
}

func aesCBCNoPad(key, data []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil || len(data)%16 != 0 {
		return nil
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(out, data)
	return out
}

// objectKey is algorithm 1: the key of one object.
func (c *pdfCrypt) objectKey(ref pdfRef, aesMode bool) []byte {
	if c.r >= 5 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(ref.num), byte(ref.num >> 8), byte(ref.num >> 16), byte(ref.gen), byte(ref.gen >> 8)})
	if aesMode {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

// decrypt decrypts a string or stream of object ref.
func (c *pdfCrypt) decrypt(data []byte, ref pdfRef, isStream bool, dict pdfDict) []byte {
	method := c.str
	if isStream {
		method = c.stm
		if dict != nil && dict["Type"] == pdfName("Metadata") && !c.encMeta {
			return data
		}
	}
	switch method {
	case "None":
		return data
	case "AESV2", "AESV3":
		if len(data) < 32 || len(data)%16 != 0 {
			if len(data) < 16 {
				return nil
			}
			data = data[:len(data)-len(data)%16]
			if len(data) < 32 {
				return nil
			}
		}
		block, err := aes.NewCipher(c.objectKey(ref, true))
		if err != nil {
			return nil
		}
		out := make([]byte, len(data)-16)
		cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
		if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
			out = out[:len(out)-n]
		}
		return out
	}
	rc, err := rc4.NewCipher(c.objectKey(ref, false))
	if err != nil {
		return data
	}
	out := make([]byte, len(data))
	rc.XORKeyStream(out, data)
	return out
}

// decryptObject decrypts the strings of an object read from the file
// (streams are decrypted when decoded).
func (f *pdfFile) decryptObject(o any, ref pdfRef) any {
	if f.crypt == nil || ref.num == f.crypt.encryptDictNum {
		return o
	}
	var walk func(o any, depth int) any
	walk = func(o any, depth int) any {
		if depth > pdfMaxDepth {
			return o
		}
		switch v := o.(type) {
		case pdfString:
			return pdfString(f.crypt.decrypt(v, ref, false, nil))
		case pdfArray:
			for i := range v {
				v[i] = walk(v[i], depth+1)
			}
		case pdfDict:
			for k, x := range v {
				v[k] = walk(x, depth+1)
			}
		case *pdfStream:
			for k, x := range v.dict {
				v.dict[k] = walk(x, depth+1)
			}
		}
		return o
	}
	return walk(o, 0)
}
