package script

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// splitRunes appear in no key of any dictionary (dict/opencc/gen checks it),
// so a line may be cut after one of them without changing the result.
const splitRunes = "。，；！？、："

// maxChunk bounds the text converted at once by ConvertReader: a line longer
// than this is cut after a split rune (or, failing that, kept whole).
const maxChunk = 1 << 20

// ConvertReader converts src to dst line by line, keeping line endings, so
// memory stays bounded by the longest line (lines over 1 MiB are cut after a
// full-width punctuation mark, which no dictionary key contains). src must
// be UTF-8; invalid bytes are copied unchanged.
func (c *Converter) ConvertReader(dst io.Writer, src io.Reader) error {
	return c.ConvertLines(dst, src, nil)
}

// ConvertLines is ConvertReader that also calls changed, if not nil, for
// each line that the conversion changes, with its 1-based number, the byte
// offset of its start in src, and its original and converted text (both with
// the line ending). A line cut because it is too long is reported in parts
// under the same number. dst may be nil, to only find the changes.
func (c *Converter) ConvertLines(dst io.Writer, src io.Reader, changed func(line int, offset int64, orig, conv string)) error {
	lb, _ := c.bufs.Get().(*lineBufs)
	if lb == nil {
		lb = &lineBufs{br: bufio.NewReaderSize(nil, 64<<10)}
	}
	defer c.putBufs(lb)
	br := lb.br
	br.Reset(src)
	var bw *bufio.Writer
	if dst != nil {
		if lb.bw == nil {
			lb.bw = bufio.NewWriterSize(nil, 64<<10)
		}
		bw = lb.bw
		bw.Reset(dst)
	}
	pending := lb.pending[:0]
	defer func() { lb.pending = pending }()
	lineNo := 1
	var offset int64
	emit := func(b []byte, endOfLine bool) error {
		// the line as a string over b, without a copy: the converted
		// line is written (copied) before b is used again, and the
		// strings given to changed are copies
		s := unsafe.String(unsafe.SliceData(b), len(b))
		out := c.convertLine(s)
		if changed != nil && out != s {
			changed(lineNo, offset, strings.Clone(s), strings.Clone(out))
		}
		offset += int64(len(b))
		if endOfLine {
			lineNo++
		}
		if bw == nil {
			return nil
		}
		_, err := bw.WriteString(out)
		return err
	}
	for {
		chunk, err := br.ReadSlice('\n')
		pending = append(pending, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			if len(pending) >= maxChunk {
				if cut := lastSplit(pending); cut > 0 {
					if werr := emit(pending[:cut], false); werr != nil {
						return werr
					}
					pending = append(pending[:0], pending[cut:]...)
				}
			}
			continue
		}
		if len(pending) > 0 {
			if werr := emit(pending, true); werr != nil {
				return werr
			}
			pending = pending[:0]
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if bw != nil {
		return bw.Flush()
	}
	return nil
}

// lineBufs are the buffers of one ConvertLines call.
type lineBufs struct {
	br      *bufio.Reader
	bw      *bufio.Writer // made on the first call with a dst
	pending []byte        // the line being read
}

// putBufs keeps lb for the next call, without references to the call's
// reader and writer, and without a line buffer grown past what a line of
// usual length needs (a line of several MiB is not kept for every call).
func (c *Converter) putBufs(lb *lineBufs) {
	lb.br.Reset(nil)
	if lb.bw != nil {
		lb.bw.Reset(nil)
	}
	if cap(lb.pending) > maxChunk {
		lb.pending = nil
	}
	c.bufs.Put(lb)
}

// lastSplit returns the end of the last split rune in b, or 0.
func lastSplit(b []byte) int {
	for end := len(b); end > 0; {
		r, size := utf8.DecodeLastRune(b[:end])
		if size > 1 && strings.ContainsRune(splitRunes, r) {
			return end
		}
		end -= size
	}
	return 0
}
