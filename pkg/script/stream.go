package script

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
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
	br := bufio.NewReaderSize(src, 64<<10)
	var bw *bufio.Writer
	if dst != nil {
		bw = bufio.NewWriterSize(dst, 64<<10)
	}
	var pending []byte
	lineNo := 1
	var offset int64
	emit := func(b []byte, endOfLine bool) error {
		s := string(b)
		out := c.convertLine(s)
		if changed != nil && out != s {
			changed(lineNo, offset, s, out)
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
