package check

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	lint "zhpolicy/pkg/analysis/check"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/safewrite"
)

// maxInputBytes is the largest file check reads; larger ones are named on
// stderr and skipped (the size rule reports files far smaller than this).
const maxInputBytes = 256 << 20

// readDoc reads one input for the linter: its raw size, encoding and
// warnings, and its decoded text (the decoded markup for HTML, so that
// positions point into the file). A file that is binary or a corrupt DOCX
// is a document with a Problem (an encoding finding); other failures
// (missing, unreadable, unsupported format, too large) are errors.
//
// With forFix, the file is read for a later rewrite (safewrite.Replace):
// snap is its snapshot, or nil when it cannot be rewritten in place (not a
// regular file, several hard links).
func readDoc(src input.Source, stdin io.Reader, ropts input.Options, forFix bool) (doc *lint.Document, snap *safewrite.Snapshot, err error) {
	name := src.Path
	var (
		raw  []byte
		d    *input.Document
		read bool // d and err are input's answer already
	)
	if src.IsStdin() {
		name = input.StdinName
		raw, d, err = readStream(name, stdin, ropts)
		read = true
	} else {
		var st fs.FileInfo
		if st, err = os.Stat(name); err == nil && st.Size() > maxInputBytes {
			return nil, nil, fmt.Errorf("%s: too large (%s, limit %s), skipped", name, lint.FormatSize(st.Size()), lint.FormatSize(maxInputBytes))
		}
		switch {
		case err != nil:
		case !st.Mode().IsRegular():
			// a FIFO or a device (/dev/zero): its size says nothing, so
			// it is read as a stream, and never rewritten
			var f *os.File
			if f, err = os.Open(name); err == nil {
				raw, d, err = readStream(name, f, ropts)
				f.Close()
				read = true
			}
		case forFix:
			var s safewrite.Snapshot
			if raw, s, err = safewrite.SnapshotOf(name); err == nil {
				snap = &s
			} else {
				// readable, but not rewritable in place: check it as it is
				raw, err = os.ReadFile(name)
			}
		default:
			raw, err = os.ReadFile(name)
		}
	}
	if err != nil && !read {
		return nil, nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	if len(raw) > maxInputBytes {
		return nil, nil, fmt.Errorf("%s: too large (limit %s), skipped", name, lint.FormatSize(maxInputBytes))
	}
	if !read {
		d, err = input.ReadFrom(name, bytes.NewReader(raw), ropts)
	}
	if err != nil {
		if errors.Is(err, input.ErrBinary) || errors.Is(err, input.ErrCorrupt) {
			return &lint.Document{Name: name, Size: int64(len(raw)), Problem: problemOf(name, err)}, snap, nil
		}
		return nil, nil, err
	}
	doc = &lint.Document{Name: name, Format: d.Format, Encoding: d.Encoding, Size: int64(len(raw)), Text: d.Text, Warnings: d.Warnings}
	if d.Format == input.FormatHTML {
		// Lint the markup itself, decoded as input decided.
		text, _, warns, err := input.Decode(raw, d.Encoding)
		if err == nil {
			doc.Text, doc.Warnings = text, warns
		}
	}
	return doc, snap, nil
}

// readStream reads a stream (standard input, a FIFO, a device) through
// input's reader, which looks at its first block before reading on, and
// keeps the bytes read: a stream that looks binary (/dev/zero) is refused
// after one block, and none is read past maxInputBytes (issue 22: check
// on /dev/zero grew without bound). On success raw is the whole stream.
func readStream(name string, r io.Reader, ropts input.Options) (raw []byte, d *input.Document, err error) {
	var buf bytes.Buffer
	d, err = input.ReadFrom(name, io.TeeReader(io.LimitReader(r, maxInputBytes+1), &buf), ropts)
	return buf.Bytes(), d, err
}

// problemOf is an input error's message without the file name, followed by
// what to do.
func problemOf(name string, err error) string {
	msg := strings.TrimPrefix(err.Error(), name+": ")
	switch {
	case errors.Is(err, input.ErrBinary):
		return "not a text file (" + msg + "); remove it, or save it as UTF-8 text"
	case errors.Is(err, input.ErrCorrupt):
		return msg + "; open and save it again in a word processor, or export it to .txt"
	}
	return msg
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadConfig reads --config, or the .zhpolicy.yaml found upward from the
// current directory, or returns the defaults.
func loadConfig(opts *Options) (*lint.Config, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if opts.NoConfig {
		return lint.DefaultConfig(cwd), nil
	}
	path := opts.Config
	if path == "" {
		path = findConfig(cwd)
		if path == "" {
			return lint.DefaultConfig(cwd), nil
		}
		if rel, err := filepath.Rel(cwd, path); err == nil {
			path = rel
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("configuration %s: %w", path, unwrapPath(err))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return lint.ParseConfig(path, filepath.Dir(abs), data)
}

// findConfig looks for a configuration file in dir and its parents.
func findConfig(dir string) string {
	for {
		for _, name := range lint.ConfigFileNames() {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
