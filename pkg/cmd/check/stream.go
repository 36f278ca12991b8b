package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
)

// streamBytes: a plain-text file bigger than this is checked in parts of
// partBytes (lint.Stream) rather than whole, which costs about 10 bytes of
// memory per byte of the file. Variables so that tests can lower them.
var (
	streamBytes = 16 << 20
	partBytes   = corpus.PartBytes
	// onSpool, when set (by tests), is called when standard input is
	// copied to a temporary file
	onSpool func()
)

// streamable reports whether src is checked in parts: a plain-text file
// (by its name: documents and markup are read whole) bigger than
// streamBytes that --fix does not rewrite (--fix reads a file up to
// maxInputBytes whole, to rewrite it).
func streamable(src input.Source, fix bool) bool {
	if src.IsStdin() {
		return false
	}
	st, err := os.Stat(src.Path)
	if err != nil || !st.Mode().IsRegular() || st.Size() <= int64(streamBytes) {
		return false
	}
	if fix && st.Size() <= maxInputBytes {
		return false
	}
	switch strings.ToLower(filepath.Ext(src.Path)) {
	case ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf", ".ofd", ".doc", ".wps", ".xlsx", ".odt", ".fodt", ".rtf":
		return false
	}
	return true
}

// checkStream checks a big plain-text file in parts: a first pass counts
// its script (script-mix and term decide by the whole document), a second
// checks it part by part. whole is true when the file turned out not to
// be plain text (a document under a .txt name, Markdown): it is then to
// be read whole.
//
// name is the input's name in the findings (src.Path, or input.StdinName
// for standard input copied to the file src).
func checkStream(ctx context.Context, opts *Options, s *lint.Settings, src input.Source, name string) (res *lint.Result, whole bool, err error) {
	ropts := opts.In.ReadOptions()
	st, err := os.Stat(src.Path)
	if err != nil {
		return nil, false, err
	}
	open := func() (*input.TextReader, error) {
		rc, _, err := input.OpenTextContext(ctx, src, ropts)
		if err != nil {
			return nil, err
		}
		tr, ok := rc.(*input.TextReader)
		if !ok || tr.Document() != nil || tr.Format() != input.FormatText {
			rc.Close()
			return nil, nil
		}
		return tr, nil
	}
	tr, err := open()
	switch {
	case errors.Is(err, input.ErrBinary) || errors.Is(err, input.ErrCorrupt):
		doc := &lint.Document{Name: name, Size: st.Size(), Problem: problemOf(src.Path, err)}
		return lint.Check(doc, s), false, nil
	case err != nil:
		return nil, false, err
	case tr == nil:
		return nil, true, nil
	}
	doc := lint.Document{Name: name, Format: tr.Format(), Encoding: tr.Encoding(), Size: st.Size()}
	det := lint.DetectPart("", doc.Format)
	if s.Severity(lint.RuleScriptMix) != lint.Off || (s.Severity(lint.RuleTerm) != lint.Off && s.Terms.Len() > 0) {
		err = eachPart(ctx, tr, func(part string) { det = det.Add(lint.DetectPart(part, doc.Format)) })
		tr.Close()
		if err != nil {
			return nil, false, err
		}
		if tr, err = open(); err != nil || tr == nil {
			return nil, tr == nil && err == nil, err
		}
	}
	defer tr.Close()
	stream := lint.NewStream(doc, s, det)
	if err := eachPart(ctx, tr, stream.Part); err != nil {
		return nil, false, err
	}
	return stream.Close(tr.Warnings()), false, nil
}

// spoolStdin reads standard input: up to streamBytes of it (or a first
// block that looks binary: NUL bytes) are returned as rest, to be read
// whole as before; more is copied, up to --max-size, to a temporary file
// whose path is returned, to be checked in parts (standard input cannot be
// read twice). The caller removes the file.
func spoolStdin(opts *Options) (path string, rest io.Reader, err error) {
	in := opts.IO.In
	head, err := io.ReadAll(io.LimitReader(in, int64(streamBytes)+1))
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", input.StdinName, err)
	}
	rest = io.MultiReader(bytes.NewReader(head), in)
	if len(head) <= streamBytes || bytes.IndexByte(head[:min(len(head), 64<<10)], 0) >= 0 {
		return "", rest, nil
	}
	f, err := os.CreateTemp("", "zhpolicy-check-stdin-*")
	if err != nil {
		return "", nil, fmt.Errorf("%s: over %s, it is copied to a temporary file to be checked in parts: %w", input.StdinName, lint.FormatSize(int64(streamBytes)), err)
	}
	limit := opts.In.ReadOptions().MaxBytes
	var n int64
	if limit > 0 {
		n, err = io.Copy(f, io.LimitReader(rest, limit+1))
	} else {
		n, err = io.Copy(f, rest)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("%s: copying it to a temporary file: %w", input.StdinName, err)
	case limit > 0 && n > limit:
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("%s: too large (over %s); raise the limit with --max-size", input.StdinName, lint.FormatSize(limit))
	}
	if onSpool != nil {
		onSpool()
	}
	return f.Name(), nil, nil
}

// eachPart calls fn with the text of r in parts of about partBytes that
// end where lint.PartEnd says.
func eachPart(ctx context.Context, r io.Reader, fn func(string)) error {
	buf := make([]byte, 256<<10)
	var pending []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, rerr := r.Read(buf)
		pending = append(pending, buf[:n]...)
		eof := errors.Is(rerr, io.EOF)
		if rerr != nil && !eof {
			return rerr
		}
		for len(pending) > 0 {
			cut, ok := lint.PartEnd(pending, partBytes, eof)
			if !ok {
				break
			}
			fn(string(pending[:cut]))
			pending = append(pending[:0], pending[cut:]...)
		}
		if eof {
			return nil
		}
	}
}
