package freq

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/partial"
)

// The partial format: counts written by one run (`--emit partial`), to be
// merged with the counts of other runs (`zhpolicy merge`). It is JSON Lines:
//
//	{"format":"zhpolicy-partial","version":1,"command":"freq","settings":{…},"docs":2,"units":1234,"terms":567}
//	{"kind":"term","term":"发展","count":41,"docs":2,"forms":{"發展":3}}
//	…
//
// The first line is the header: what was counted (settings: partials
// counted differently are never merged), the number of documents, of units
// counted and of term lines. Every other line is one term: its Simplified
// key, its count, the number of documents it occurs in, and the counts of
// the surface forms that differ from the key. Term lines are sorted by key,
// so a partial is the same file whatever the order of the documents or the
// number of workers; merging adds integers, so it is associative and
// order-independent, and a merged partial is a partial.
//
// A reader checks every line and the totals of the header, so a file cut
// short by a failed job is refused rather than silently undercounted.
const (
	Magic   = "zhpolicy-partial"
	Version = 1
)

// Settings describe what a freq partial counted. Two partials merge only
// when their settings are equal.
type Settings struct {
	Unit    string   `json:"unit"` // word or char
	N       int      `json:"ngram"`
	MinLen  int      `json:"min_len"`
	HanOnly bool     `json:"han_only"`
	POS     []string `json:"pos,omitempty"`
	// Stopwords, Dicts: digests of the stopword lists and user dictionaries
	// used (empty when none).
	Stopwords string `json:"stopwords,omitempty"`
	Dicts     string `json:"dicts,omitempty"`
	HMM       bool   `json:"hmm"`
	Clean     bool   `json:"clean"`
}

// Equal says whether two settings count the same way.
func (s Settings) Equal(o Settings) bool {
	return s.Unit == o.Unit && s.N == o.N && s.MinLen == o.MinLen && s.HanOnly == o.HanOnly &&
		slices.Equal(s.POS, o.POS) && s.Stopwords == o.Stopwords && s.Dicts == o.Dicts &&
		s.HMM == o.HMM && s.Clean == o.Clean
}

// Diff names the first setting that differs, for error messages.
func (s Settings) Diff(o Settings) string {
	switch {
	case s.Unit != o.Unit:
		return fmt.Sprintf("unit %s vs %s", s.Unit, o.Unit)
	case s.N != o.N:
		return fmt.Sprintf("--ngram %d vs %d", s.N, o.N)
	case s.MinLen != o.MinLen:
		return fmt.Sprintf("--min-len %d vs %d", s.MinLen, o.MinLen)
	case s.HanOnly != o.HanOnly:
		return fmt.Sprintf("--han %v vs %v", s.HanOnly, o.HanOnly)
	case !slices.Equal(s.POS, o.POS):
		return fmt.Sprintf("--pos %s vs %s", strings.Join(s.POS, ","), strings.Join(o.POS, ","))
	case s.Stopwords != o.Stopwords:
		return "different --stopwords"
	case s.Dicts != o.Dicts:
		return "different --dict files"
	case s.HMM != o.HMM:
		return fmt.Sprintf("--hmm %v vs %v", s.HMM, o.HMM)
	case s.Clean != o.Clean:
		return fmt.Sprintf("--no-clean %v vs %v", !s.Clean, !o.Clean)
	}
	return ""
}

// Envelope is what every partial's header line has, whatever the command
// that wrote it.
type Envelope struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Command string `json:"command"`
	// Tool is the zhpolicy version that wrote the file (informative).
	Tool string `json:"tool,omitempty"`
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
		return fmt.Errorf("%s: unsupported partial format version %d (want %d)", where, e.Version, Version)
	}
	return nil
}

// Header is the first line of a freq partial.
type Header struct {
	Envelope
	Settings Settings `json:"settings"`
	Docs     int64    `json:"docs"`
	Units    int64    `json:"units"`
	Terms    int64    `json:"terms"`
}

// Record is one term line of a partial. Other commands' partials (analyze)
// hold term lines of other kinds in the same shape.
type Record struct {
	Kind  string           `json:"kind"`
	Term  string           `json:"term"`
	Count int64            `json:"count"`
	Docs  int64            `json:"docs"`
	Forms map[string]int64 `json:"forms,omitempty"`
}

// KindTerm is the kind of the term lines of a freq partial.
const KindTerm = "term"

// EachRecord calls f with a record for every term, in key order.
func (c *Counts) EachRecord(kind string, f func(Record) error) error {
	for _, k := range c.Keys() {
		e := c.terms[k]
		r := Record{Kind: kind, Term: k, Count: e.n, Docs: e.df}
		if len(e.forms) > 0 {
			r.Forms = e.forms
		}
		if err := f(r); err != nil {
			return err
		}
	}
	return nil
}

// AddRecord adds a term line read from a partial holding docs documents.
// It refuses a line that no run could have written, and a term already
// present (a partial holds each term once).
func (c *Counts) AddRecord(r Record, docs int64) error {
	switch {
	case r.Term == "" || !utf8.ValidString(r.Term):
		return errors.New("empty or invalid term")
	case r.Count < 1:
		return fmt.Errorf("term %q: count %d, want at least 1", r.Term, r.Count)
	case r.Docs < 1 || r.Docs > r.Count || r.Docs > docs:
		return fmt.Errorf("term %q: docs %d, want 1 to min(count %d, documents %d)", r.Term, r.Docs, r.Count, docs)
	}
	if c.terms == nil {
		c.terms = make(map[string]*entry)
	}
	if _, dup := c.terms[r.Term]; dup {
		return fmt.Errorf("term %q appears twice", r.Term)
	}
	e := &entry{n: r.Count, df: r.Docs}
	var sum int64
	for f, n := range r.Forms {
		if f == "" || f == r.Term || n < 1 || !utf8.ValidString(f) {
			return fmt.Errorf("term %q: invalid form %q (%d)", r.Term, f, n)
		}
		sum += n
	}
	if sum > r.Count {
		return fmt.Errorf("term %q: forms count %d, more than the term's %d", r.Term, sum, r.Count)
	}
	if len(r.Forms) > 0 {
		e.forms = make(map[string]int64, len(r.Forms))
		for f, n := range r.Forms {
			e.forms[f] = n
		}
	}
	c.terms[r.Term] = e
	c.Units += r.Count
	return nil
}

// WritePartial writes counts as a freq partial. h gives the envelope's Tool
// and the settings; the totals are taken from c.
func WritePartial(w io.Writer, h Header, c *Counts) error {
	h.Format, h.Version, h.Command = Magic, Version, "freq"
	h.Docs, h.Units, h.Terms = c.Docs, c.Units, int64(len(c.terms))
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h); err != nil {
		return err
	}
	if err := c.EachRecord(KindTerm, func(r Record) error { return enc.Encode(r) }); err != nil {
		return err
	}
	return bw.Flush()
}

// LineReader reads the lines of a partial, numbering them for errors. A
// stream may hold several partials one after the other (cat a.jsonl
// b.jsonl, or the output of xargs running freq twice): a reader of a body
// stops at the next header line (see More).
type LineReader struct {
	Name    string
	br      *bufio.Reader
	Line    int
	pending []byte // a header line read ahead
}

// More says whether another partial follows in the stream.
func (lr *LineReader) More() bool { return lr.pending != nil }

// isHeader says whether a line is the header of a partial.
func isHeader(line []byte) bool {
	if !bytes.Contains(line, []byte(`"format"`)) {
		return false
	}
	var e Envelope
	return json.Unmarshal(line, &e) == nil && e.Format == Magic
}

// Body returns the next line of the current partial's body, or io.EOF at
// its end (the end of the stream, or a header line, kept for More).
func (lr *LineReader) Body() ([]byte, error) {
	line, err := lr.Next()
	if err != nil {
		return nil, err
	}
	if isHeader(line) {
		lr.pending = line
		return nil, io.EOF
	}
	return line, nil
}

// NewLineReader reads partial lines from r; name is used in errors.
func NewLineReader(name string, r io.Reader) *LineReader {
	return &LineReader{Name: name, br: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next non-empty line, or io.EOF.
func (lr *LineReader) Next() ([]byte, error) {
	if lr.pending != nil {
		line := lr.pending
		lr.pending = nil
		return line, nil
	}
	for {
		line, err := lr.br.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("%s: %w", lr.Name, err)
		}
		lr.Line++
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", lr.Name, lr.Line, err)
		}
		line = bytes.TrimSpace(line)
		if lr.Line == 1 {
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

// Errorf returns an error naming the current line.
func (lr *LineReader) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", lr.Name, lr.Line, fmt.Sprintf(format, args...))
}

// ReadEnvelope reads the header line of a partial and checks its envelope;
// it returns the raw line for the command's own header type.
func (lr *LineReader) ReadEnvelope() (Envelope, []byte, error) {
	line, err := lr.Next()
	if err == io.EOF {
		return Envelope{}, nil, fmt.Errorf("%s: empty file, not a zhpolicy partial", lr.Name)
	}
	if err != nil {
		return Envelope{}, nil, err
	}
	var e Envelope
	if json.Unmarshal(line, &e) != nil || e.Format == "" {
		return Envelope{}, nil, fmt.Errorf("%s:%d: not a zhpolicy partial (the first line is not its JSON header); write partials with --emit partial", lr.Name, lr.Line)
	}
	if err := e.Check(fmt.Sprintf("%s:%d", lr.Name, lr.Line)); err != nil {
		return e, nil, err
	}
	return e, line, nil
}

// ReadPartial reads a freq partial written by WritePartial. A stream of
// several partials counted the same way is read as their merge.
func ReadPartial(name string, r io.Reader) (Header, *Counts, error) {
	lr := NewLineReader(name, r)
	var h Header
	var total *Counts
	for total == nil || lr.More() {
		env, line, err := lr.ReadEnvelope()
		if err != nil {
			return Header{}, nil, err
		}
		if env.Command != "freq" {
			return Header{}, nil, fmt.Errorf("%s:%d: a partial of `zhpolicy %s`, not of freq", name, lr.Line, env.Command)
		}
		at := lr.Line
		hh, c, err := ReadFreqBody(lr, line)
		if err != nil {
			return Header{}, nil, err
		}
		if total == nil {
			h, total = hh, c
			continue
		}
		if !hh.Settings.Equal(h.Settings) {
			return Header{}, nil, fmt.Errorf("%s:%d: this partial was counted differently from the first one of the file (%s)", name, at, h.Settings.Diff(hh.Settings))
		}
		total.Merge(c)
	}
	h.Docs, h.Units, h.Terms = total.Docs, total.Units, int64(total.Len())
	return h, total, nil
}

// ReadFreqBody reads the rest of a freq partial whose header line has been
// read by lr.ReadEnvelope.
func ReadFreqBody(lr *LineReader, headerLine []byte) (Header, *Counts, error) {
	var h Header
	at := lr.Line
	if err := strictUnmarshal(headerLine, &h); err != nil {
		return h, nil, fmt.Errorf("%s:%d: bad header: %v", lr.Name, at, err)
	}
	if h.Docs < 0 || h.Units < 0 || h.Terms < 0 {
		return h, nil, fmt.Errorf("%s:%d: negative totals in the header", lr.Name, at)
	}
	c := &Counts{Docs: h.Docs, terms: make(map[string]*entry, min(h.Terms, 1<<20))}
	var terms int64
	for {
		line, err := lr.Body()
		if err == io.EOF {
			break
		}
		if err != nil {
			return h, nil, err
		}
		var rec Record
		if err := strictUnmarshal(line, &rec); err != nil {
			return h, nil, lr.Errorf("bad term line: %v", err)
		}
		if rec.Kind != KindTerm {
			return h, nil, lr.Errorf("unexpected line of kind %q in a freq partial", rec.Kind)
		}
		if err := c.AddRecord(rec, h.Docs); err != nil {
			return h, nil, lr.Errorf("%v", err)
		}
		terms++
	}
	if terms != h.Terms || c.Units != h.Units {
		return h, nil, fmt.Errorf("%s:%d: incomplete partial: the header announces %d terms and %d units, the file has %d and %d (was it cut short?)",
			lr.Name, at, h.Terms, h.Units, terms, c.Units)
	}
	return h, c, nil
}

func strictUnmarshal(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value on the line")
	}
	return nil
}

// ReadPartialFile reads a freq partial file ("-": stdin; .gz
// decompressed).
func ReadPartialFile(path string, stdin io.Reader) (Header, *Counts, error) {
	rc, err := partial.Open(path, stdin)
	if err != nil {
		return Header{}, nil, err
	}
	defer rc.Close()
	return ReadPartial(path, rc)
}
