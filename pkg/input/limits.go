package input

import (
	"context"
	"io"
)

// checkEvery is how many bytes or tokens a long loop handles between two
// looks at its context.
const checkEvery = 1 << 20

// maxBytes is the effective Options.MaxBytes: -1 for no limit.
func (o Options) maxBytes() int64 {
	switch {
	case o.MaxBytes == 0:
		return DefaultMaxBytes
	case o.MaxBytes < 0:
		return -1
	}
	return o.MaxBytes
}

// maxUnpacked is the effective Options.MaxUnpacked: -1 for no limit.
func (o Options) maxUnpacked() int64 {
	switch {
	case o.MaxUnpacked == 0:
		return DefaultMaxUnpacked
	case o.MaxUnpacked < 0:
		return -1
	}
	return o.MaxUnpacked
}

// budget is what one document may still unpack, shared by every part
// read from it, and the context that cancels the work.
type budget struct {
	ctx   context.Context
	name  string // the document, for errors
	limit int64  // -1: none
	left  int64
	hint  string
	steps int // work done since the context was last checked
}

func newBudget(ctx context.Context, name string, opts Options) *budget {
	if ctx == nil {
		ctx = context.Background()
	}
	l := opts.maxUnpacked()
	return &budget{ctx: ctx, name: name, limit: l, left: l, hint: opts.LimitHint}
}

// take reserves n bytes for what ("word/document.xml"), failing with
// ErrTooLarge when the document would pass its limit.
func (b *budget) take(n int64, what string) error {
	if b.limit < 0 {
		return nil
	}
	if n > b.left || n < 0 {
		b.left = -1
		return unpackedError(b.name, what, b.limit, b.hint)
	}
	b.left -= n
	return nil
}

// fits reports whether n more bytes would fit, without taking them.
func (b *budget) fits(n int64) bool { return b.limit < 0 || (n >= 0 && n <= b.left) }

// tick counts n units of work and returns the context's error every
// checkEvery units: long loops call it so cancellation reaches them.
func (b *budget) tick(n int) error {
	b.steps += n
	if b.steps < checkEvery {
		return nil
	}
	b.steps = 0
	return b.ctx.Err()
}

// reader counts the bytes read from r against the budget and checks the
// context between blocks.
func (b *budget) reader(r io.Reader, what string) io.Reader {
	return &budgetReader{r: r, b: b, what: what}
}

type budgetReader struct {
	r    io.Reader
	b    *budget
	what string
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if err := br.b.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := br.r.Read(p)
	if n > 0 {
		if e := br.b.take(int64(n), br.what); e != nil {
			return n, e
		}
	}
	return n, err
}

// readAllBudget reads r to the end against the budget; hint is the
// expected size (used for the first allocation only, and only when it fits).
func (b *budget) readAll(r io.Reader, what string, hint int64) ([]byte, error) {
	if hint > 0 && !b.fits(hint) {
		return nil, b.take(hint, what)
	}
	n := int64(4 << 10)
	if hint > 0 && hint < 64<<20 {
		n = hint + 1
	}
	buf := make([]byte, 0, n)
	rr := b.reader(r, what)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := rr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
