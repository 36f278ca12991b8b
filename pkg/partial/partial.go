// Package partial opens the partial files that `--emit partial` writes and
// `merge` reads: mergeable counts of one run, in JSON Lines, optionally
// gzip-compressed. What a partial holds is defined by the analysis that
// wrote it (freq, overview …); this package only finds and opens them.
package partial

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Open opens a partial file for reading: "-" is standard input, and a .gz
// file is decompressed.
func Open(path string, stdin io.Reader) (io.ReadCloser, error) {
	var rc io.ReadCloser
	if path == "-" {
		rc = io.NopCloser(stdin)
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, pathErr(err))
		}
		rc = f
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(rc)
		if err != nil {
			rc.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return readCloser{zr, rc}, nil
	}
	return rc, nil
}

type readCloser struct {
	io.Reader
	under io.Closer
}

func (r readCloser) Close() error { return r.under.Close() }

// IsPath says whether a path names a partial file rather than a document
// or a directory: a regular file ending in .jsonl, .jsonl.gz or .ndjson.
func IsPath(path string) bool {
	if !slices.ContainsFunc([]string{".jsonl", ".jsonl.gz", ".ndjson"}, func(s string) bool { return strings.HasSuffix(path, s) }) {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
