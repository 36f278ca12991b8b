package partial

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The partial format: what one run counted (`--emit partial`), to be added
// to the counts of other runs (`zhpolicy merge`). It is JSON Lines:
//
//	{"format":"zhpolicy-partial","version":2,"kind":"freq","tool":"…","parts":["3f2a…"],"docs":2,"records":567,"options":{…},…}
//	{"kind":"term","term":"发展","count":41,"docs":2,"forms":{"發展":3}}
//	…
//
// The first line is the header: the Envelope, which every kind shares, and
// the fields of the kind (what was counted, corpus totals). Every other
// line is a record of the kind, in a fixed order (sorted by key), so that a
// partial is the same bytes whatever the order of the documents or the
// number of workers. Merging adds integers (overflow is an error), so it is
// associative and independent of order, and a merged partial is a partial.
//
// Parts names the runs a partial holds: one ID for a run over documents,
// the union of its inputs' IDs for a merged partial. Merge refuses two
// partials that share a part: the same documents would be counted twice.
// A reader checks every line and the record count of the header, so a
// file cut short by a failed job is refused rather than undercounted.
const (
	Magic   = "zhpolicy-partial"
	Version = 2
)

// Envelope is what every partial's header line has, whatever its kind.
type Envelope struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// Kind is what the partial counts: the command that wrote it (freq,
	// analyze, slogans, keywords, entities, instruments …).
	Kind string `json:"kind"`
	// Tool is the zhpolicy version that wrote the file (informative).
	Tool string `json:"tool,omitempty"`
	// Parts are the IDs of the runs whose counts the partial holds.
	Parts []string `json:"parts"`
	// Records is the number of record lines after the header.
	Records int64 `json:"records"`
}

// Check verifies the envelope of a header read at where (file:line).
func (e Envelope) Check(where string) error {
	if e.Format != Magic {
		return fmt.Errorf("%s: not a zhpolicy partial (the header has no \"format\":%q); write partials with --emit partial", where, Magic)
	}
	if e.Version != Version {
		if e.Version > Version {
			return fmt.Errorf("%s: partial format version %d is newer than this zhpolicy reads (%d); upgrade zhpolicy", where, e.Version, Version)
		}
		return fmt.Errorf("%s: partial format version %d, written by an older zhpolicy; this one reads version %d: count the documents again with this version", where, e.Version, Version)
	}
	if e.Kind == "" {
		return fmt.Errorf("%s: partial header without a kind", where)
	}
	if len(e.Parts) == 0 {
		return fmt.Errorf("%s: partial header without parts", where)
	}
	return nil
}

// RunID is the ID of a run over the inputs given: a digest of their paths
// and sizes, so that the same documents counted twice (the same shard run
// twice, or a partial given twice) are recognised.
func RunID(inputs []Input) string {
	s := slices.Clone(inputs)
	slices.SortFunc(s, func(a, b Input) int { return strings.Compare(a.Path, b.Path) })
	h := sha256.New()
	for _, in := range s {
		fmt.Fprintf(h, "%s\x00%d\n", in.Path, in.Size)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Input is one document a run read, for its RunID.
type Input struct {
	Path string
	Size int64
}

// Inputs collects the documents of a run (a document read in parts adds
// up the sizes of its parts).
type Inputs struct {
	at   map[string]int
	list []Input
	// Empty names a run that read no document (its shard and arguments),
	// so that the runs of two empty shards have different IDs.
	Empty string
}

// Add records size more bytes of the document at path.
func (in *Inputs) Add(path string, size int64) {
	if in.at == nil {
		in.at = map[string]int{}
	}
	i, ok := in.at[path]
	if !ok {
		i = len(in.list)
		in.at[path] = i
		in.list = append(in.list, Input{Path: path})
	}
	in.list[i].Size += size
}

// Parts is the one-element part list of the run over these inputs.
func (in *Inputs) Parts() []string {
	if len(in.list) == 0 {
		return []string{RunID([]Input{{Path: "\x00empty run: " + in.Empty}})}
	}
	return []string{RunID(in.list)}
}

// MergeParts is the union of two part lists, sorted; an error names a part
// both hold.
func MergeParts(a, b []string) ([]string, error) {
	for _, p := range b {
		if slices.Contains(a, p) {
			return nil, fmt.Errorf("both hold the counts of run %s: the same documents would be counted twice (give each partial once, and do not merge a merged partial with one of its inputs)", p)
		}
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return out, nil
}

// Join is how a kind's header takes in the header o of another partial,
// once the kind has checked that both were made the same way: it refuses a
// run both hold, lets merge add the counts (merge must leave them as they
// were when it fails, and may set the header's own totals), and then
// records the runs of both and the first tool version known.
func (e *Envelope) Join(o Envelope, merge func() error) error {
	parts, err := MergeParts(e.Parts, o.Parts)
	if err != nil {
		return err
	}
	if err := merge(); err != nil {
		return err
	}
	e.Parts = parts
	if e.Tool == "" {
		e.Tool = o.Tool
	}
	return nil
}

// Add adds b to *a, refusing an overflow of int64.
func Add(a *int64, b int64) error {
	if b > 0 && *a > math.MaxInt64-b || b < 0 && *a < math.MinInt64-b {
		return ErrOverflow
	}
	*a += b
	return nil
}

// ErrOverflow is a count that no longer fits in 64 bits.
var ErrOverflow = errors.New("a count overflows 64 bits")

// Writer writes one partial: the header, then its records.
type Writer struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewWriter writes the header line h (the kind's header, embedding an
// Envelope whose Format and Version it fills in).
func NewWriter(w io.Writer, h any) (*Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h); err != nil {
		return nil, err
	}
	return &Writer{bw: bw, enc: enc}, nil
}

// Write writes one record line.
func (w *Writer) Write(rec any) error { return w.enc.Encode(rec) }

// Close flushes the partial.
func (w *Writer) Close() error { return w.bw.Flush() }

// Reader reads partials, numbering lines for errors. A stream may hold
// several partials one after the other (cat a.jsonl b.jsonl): Next reads
// the next header, Record the records of the current partial.
type Reader struct {
	Name    string
	br      *bufio.Reader
	Line    int
	pending []byte // a header line read ahead
	records int64  // records read of the current partial
	want    int64  // records its header announces
}

// NewReader reads partial lines from r; name is used in errors.
func NewReader(name string, r io.Reader) *Reader {
	return &Reader{Name: name, br: bufio.NewReaderSize(r, 64<<10)}
}

// Next reads the header line of the next partial, checks its envelope and
// returns it with the line (for the kind's own header type: Header). It
// returns io.EOF at the end of the stream; first says that no partial was
// read yet (an empty stream is then an error).
func (r *Reader) Next(first bool) (Envelope, []byte, error) {
	line, err := r.line()
	if err == io.EOF {
		if first {
			return Envelope{}, nil, fmt.Errorf("%s: empty file, not a zhpolicy partial", r.Name)
		}
		return Envelope{}, nil, io.EOF
	}
	if err != nil {
		return Envelope{}, nil, err
	}
	var e Envelope
	if json.Unmarshal(line, &e) != nil || e.Format == "" {
		return Envelope{}, nil, r.Errorf("not a zhpolicy partial (the first line is not its JSON header); write partials with --emit partial")
	}
	if err := e.Check(fmt.Sprintf("%s:%d", r.Name, r.Line)); err != nil {
		return e, nil, err
	}
	r.records, r.want = 0, e.Records
	return e, line, nil
}

// Header decodes a header line into h, refusing unknown fields.
func (r *Reader) Header(line []byte, h any) error {
	if err := Strict(line, h); err != nil {
		return r.Errorf("bad partial header: %v", err)
	}
	return nil
}

// Record decodes the next record of the current partial into v, refusing
// unknown fields; ok is false at the end of the partial, which must have
// had the records its header announced.
func (r *Reader) Record(v any) (ok bool, err error) {
	line, err := r.line()
	if err == io.EOF || err == nil && isHeader(line) {
		if err == nil {
			r.pending = line
		}
		if r.records != r.want {
			return false, fmt.Errorf("%s: the partial ends after %d of the %d records its header announces: the file is cut short or damaged; write it again", r.Name, r.records, r.want)
		}
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := Strict(line, v); err != nil {
		return false, r.Errorf("bad record: %v", err)
	}
	r.records++
	if r.records > r.want {
		return false, r.Errorf("more records than the %d the header announces", r.want)
	}
	return true, nil
}

// Errorf returns an error naming the current line.
func (r *Reader) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.Name, r.Line, fmt.Sprintf(format, args...))
}

func isHeader(line []byte) bool {
	if !bytes.Contains(line, []byte(`"format"`)) {
		return false
	}
	var e Envelope
	return json.Unmarshal(line, &e) == nil && e.Format == Magic
}

// line returns the next non-empty line, or io.EOF.
func (r *Reader) line() ([]byte, error) {
	if r.pending != nil {
		line := r.pending
		r.pending = nil
		return line, nil
	}
	for {
		line, err := r.readLine()
		if _, ok := err.(lineError); ok {
			return nil, err
		}
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("%s: %w", r.Name, err)
		}
		r.Line++
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", r.Name, r.Line, err)
		}
		line = bytes.TrimSpace(line)
		if r.Line == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if len(line) > 0 {
			return line, nil
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
}

// MaxLine is the longest line a partial may have (a header listing the
// runs of a million shards takes about 20 MB).
const MaxLine = 64 << 20

// readLine reads one line as bufio's ReadBytes does, but refuses a line
// longer than MaxLine, and a first line that does not begin as JSON
// (issue 22: merge /dev/zero read without bound).
func (r *Reader) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		line = append(line, chunk...)
		if err != bufio.ErrBufferFull {
			return line, err
		}
		if r.Line == 0 {
			t := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(line, " \t\r\n"), []byte("\uFEFF")), " \t\r\n")
			if len(t) > 0 && t[0] != '{' {
				return nil, lineError{fmt.Errorf("%s:1: not a zhpolicy partial (the first line is not its JSON header); write partials with --emit partial", r.Name)}
			}
		}
		if len(line) > MaxLine {
			return nil, lineError{fmt.Errorf("%s:%d: a line longer than %d MiB: not a zhpolicy partial, or a damaged one", r.Name, r.Line+1, MaxLine>>20)}
		}
	}
}

// lineError is a refusal of readLine, which names the file and line.
type lineError struct{ error }

// Strict decodes one JSON value, refusing unknown fields and trailing data.
func Strict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// Versioned is a JSON value that names its kind and version (an analysis's
// counts, held in a partial).
type Versioned interface {
	KindVersion() (kind string, version int)
}

// DecodeVersioned decodes b into v as Strict does and refuses a value of
// another kind or version; what names the value in errors ("network
// counts").
func DecodeVersioned(b []byte, v Versioned, what, kind string, version int) error {
	if err := Strict(b, v); err != nil {
		return fmt.Errorf("%s: %v", what, err)
	}
	k, ver := v.KindVersion()
	if k != kind {
		return fmt.Errorf("%s: kind %q, want %q", what, k, kind)
	}
	if ver != version {
		return fmt.Errorf("%s: version %d, this zhpolicy reads %d", what, ver, version)
	}
	return nil
}

// ReadStream reads a stream of partials of one kind (several made the same
// way, one after the other) as their sum: body reads one partial after its
// header line, add adds one into the sum. wrongKind phrases the refusal of
// a partial of another kind. found is false for a stream without partials.
func ReadStream[H, C any](name string, r io.Reader, kind string, wrongKind func(kind string) string,
	body func(pr *Reader, header []byte) (H, C, error), add func(h *H, h2 H, total, c C) error) (h H, total C, found bool, err error) {
	pr := NewReader(name, r)
	fail := func(err error) (H, C, bool, error) {
		var zh H
		var zc C
		return zh, zc, false, err
	}
	for first := true; ; first = false {
		env, line, err := pr.Next(first)
		if err == io.EOF {
			return h, total, found, nil
		}
		if err != nil {
			return fail(err)
		}
		if env.Kind != kind {
			return fail(fmt.Errorf("%s:%d: %s", name, pr.Line, wrongKind(env.Kind)))
		}
		at := pr.Line
		hh, c, err := body(pr, line)
		if err != nil {
			return fail(err)
		}
		if !found {
			h, total, found = hh, c, true
			continue
		}
		if err := add(&h, hh, total, c); err != nil {
			return fail(fmt.Errorf("%s:%d: %v", name, at, err))
		}
	}
}
