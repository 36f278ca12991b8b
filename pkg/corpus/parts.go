package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/input"
)

// PartBytes is the part size commands use for Config.PartSize: big
// enough that per-part costs vanish, small enough that 2*jobs parts in
// flight stay a few tens of megabytes.
const PartBytes = 1 << 20

// WholeBytes is the part size for work that needs a whole document
// (Config.PartsAsDocs): a plain-text input bigger than this is analysed as
// consecutive documents of about this size. Real policy documents are far
// smaller (a national work report is about 60 KB, a five-year plan about
// 150 KB); what is bigger is a dump of many, and reading it whole would cost
// about 100 bytes of memory per input byte in the analyses that need a
// whole document (bench/memory).
const WholeBytes = 1 << 20

// part is one unit of work for EachPart: a whole source to read, or a
// chunk of a big one already read by the producer.
type part struct {
	src   input.Source
	doc   *input.Document // nil: read src whole in the worker
	base  int
	index int
	final bool
	err   error // the stream failed here
}

func streamable(src input.Source, chunk int) bool {
	if chunk <= 0 {
		return false
	}
	if src.IsStdin() {
		return true
	}
	switch strings.ToLower(filepath.Ext(src.Path)) {
	case ".html", ".htm", ".xhtml", ".docx", ".pdf", ".ofd", ".doc", ".wps", ".xlsx", ".odt", ".fodt", ".rtf":
		return false // documents are read whole (their format is checked by content too, below)
	}
	return src.Size > int64(chunk)
}

// streamParts reads src (standard input from stdin) as decoded text and
// yields it in parts of about chunk bytes that end at a line end.
func streamParts(ctx context.Context, src input.Source, stdin io.Reader, opts input.Options, chunk int) iter.Seq[part] {
	return func(yield func(part) bool) {
		var tr *input.TextReader
		if src.IsStdin() {
			r, err := input.NewTextReader(input.StdinName, stdin, opts)
			if err != nil {
				yield(part{src: src, err: err})
				return
			}
			tr = r
		} else {
			rc, _, err := input.OpenText(src, opts)
			if err != nil {
				yield(part{src: src, err: err})
				return
			}
			defer rc.Close()
			r, ok := rc.(*input.TextReader)
			if !ok {
				yield(part{src: src, err: fmt.Errorf("%s: internal error: unexpected reader %T", src.Path, rc)})
				return
			}
			tr = r
		}
		if doc := tr.Document(); doc != nil {
			// Not plain text after all (a document under another name): it
			// was read whole; it is one part.
			yield(part{src: src, doc: doc, final: true})
			return
		}
		format := tr.Format()
		name := tr.Name()
		var pending []byte
		buf := make([]byte, 256<<10)
		base, index := 0, 0
		for {
			if err := ctx.Err(); err != nil {
				yield(part{src: src, err: err})
				return
			}
			n, rerr := tr.Read(buf)
			pending = append(pending, buf[:n]...)
			eof := errors.Is(rerr, io.EOF)
			if rerr != nil && !eof {
				yield(part{src: src, err: rerr})
				return
			}
			for {
				cut, ok := cutPoint(pending, chunk, eof)
				if !ok {
					break // read on
				}
				final := eof && cut == len(pending)
				d := &input.Document{Name: name, Text: string(pending[:cut]), Encoding: tr.Encoding(), Format: format, Size: int64(cut)}
				if final {
					d.Warnings = tr.Warnings()
				}
				if !yield(part{src: src, doc: d, base: base, index: index, final: final}) || final {
					return
				}
				base += cut
				index++
				pending = append(pending[:0], pending[cut:]...)
			}
		}
	}
}

// cutPoint says where the next part of pending ends: at the last line end
// within chunk bytes, else at the first line end after it; a line that
// grows past 4*chunk bytes without ending is cut after its last 。 (or at a
// character boundary). ok is false when more input is needed first.
func cutPoint(pending []byte, chunk int, eof bool) (cut int, ok bool) {
	if len(pending) < chunk || (eof && len(pending) == chunk) {
		return len(pending), eof
	}
	if i := bytes.LastIndexByte(pending[:chunk], '\n'); i >= 0 {
		return i + 1, true
	}
	if j := bytes.IndexByte(pending[chunk:], '\n'); j >= 0 {
		return chunk + j + 1, true
	}
	if eof {
		return len(pending), true
	}
	if len(pending) < 4*chunk {
		return 0, false
	}
	if i := bytes.LastIndex(pending, []byte("。")); i >= 0 {
		return i + len("。"), true
	}
	i := len(pending) - 1 // cut before the last character, which may be incomplete
	for i > 0 && !utf8.RuneStart(pending[i]) {
		i--
	}
	return max(i, 1), true
}
