package freq

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/partial"
)

// A freq partial (see package partial for the format) has the kind "freq";
// its header records what was counted (Settings: partials counted
// differently are never merged) and the totals, and each record is one
// term: its Simplified key, its count, the number of documents it occurs
// in, and the counts of the surface forms that differ from the key.
//
//	{"format":"zhpolicy-partial","version":2,"kind":"freq","parts":["…"],"records":567,"settings":{…},"docs":2,"units":1234}
//	{"kind":"term","term":"发展","count":41,"docs":2,"forms":{"發展":3}}

// Kind is the kind of freq partials.
const Kind = "freq"

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
	// Rules is RulesVersion when the partial was counted (0 before it
	// existed): what a filter leaves out may change with it.
	Rules int `json:"rules,omitempty"`
}

// RulesVersion counts the changes to what the filters leave out (1:
// session 14, HanOnly leaves out numbers written in Chinese numerals).
const RulesVersion = 2 // 2: cleaning joins the lines of text broken at the page width (normalize.Options.Unwrap)

// Equal says whether two settings count the same way.
func (s Settings) Equal(o Settings) bool {
	return s.Unit == o.Unit && s.N == o.N && s.MinLen == o.MinLen && s.HanOnly == o.HanOnly &&
		slices.Equal(s.POS, o.POS) && s.Stopwords == o.Stopwords && s.Dicts == o.Dicts &&
		s.HMM == o.HMM && s.Clean == o.Clean && s.Rules == o.Rules
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
	case s.Rules != o.Rules:
		return fmt.Sprintf("counted by the rules of version %d vs %d", s.Rules, o.Rules)
	}
	return ""
}

// Header is the first line of a freq partial.
type Header struct {
	partial.Envelope
	Settings Settings `json:"settings"`
	Docs     int64    `json:"docs"`
	Units    int64    `json:"units"`
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
	if err := partial.Add(&c.Units, r.Count); err != nil {
		return fmt.Errorf("term %q: %w", r.Term, err)
	}
	c.terms[r.Term] = e
	return nil
}

// WritePartial writes counts as a freq partial. h gives the envelope's Tool
// and Parts and the settings; the totals are taken from c.
func WritePartial(w io.Writer, h Header, c *Counts) error {
	h.Format, h.Version, h.Kind = partial.Magic, partial.Version, Kind
	h.Docs, h.Units, h.Records = c.Docs, c.Units, int64(len(c.terms))
	pw, err := partial.NewWriter(w, h)
	if err != nil {
		return err
	}
	if err := c.EachRecord(KindTerm, func(r Record) error { return pw.Write(r) }); err != nil {
		return err
	}
	return pw.Close()
}

// ReadBody reads the rest of a freq partial whose header line pr has read
// (partial.Reader.Next).
func ReadBody(pr *partial.Reader, headerLine []byte) (Header, *Counts, error) {
	var h Header
	at := pr.Line
	if err := pr.Header(headerLine, &h); err != nil {
		return h, nil, err
	}
	if h.Docs < 0 || h.Units < 0 || h.Records < 0 {
		return h, nil, fmt.Errorf("%s:%d: negative totals in the header", pr.Name, at)
	}
	c := &Counts{Docs: h.Docs, terms: make(map[string]*entry, min(h.Records, 1<<20))}
	for {
		var rec Record
		ok, err := pr.Record(&rec)
		if err != nil {
			return h, nil, err
		}
		if !ok {
			break
		}
		if rec.Kind != KindTerm {
			return h, nil, pr.Errorf("unexpected line of kind %q in a freq partial", rec.Kind)
		}
		if err := c.AddRecord(rec, h.Docs); err != nil {
			return h, nil, pr.Errorf("%v", err)
		}
	}
	if c.Units != h.Units {
		return h, nil, fmt.Errorf("%s:%d: the header announces %d units, the terms add up to %d: the file is damaged", pr.Name, at, h.Units, c.Units)
	}
	return h, c, nil
}

// ReadPartial reads a freq partial. A stream of several partials counted
// the same way is read as their merge.
func ReadPartial(name string, r io.Reader) (Header, *Counts, error) {
	h, c, _, err := partial.ReadStream(name, r, Kind,
		func(k string) string { return fmt.Sprintf("a partial of `zhpolicy %s`, not of freq", k) },
		ReadBody, (*Header).Add)
	return h, c, err
}

// Add merges the counts c2 of a partial with header h2 into total, whose
// header is h: they must have been counted the same way, by other runs.
func (h *Header) Add(h2 Header, total, c2 *Counts) error {
	if !h2.Settings.Equal(h.Settings) {
		return fmt.Errorf("counted differently (%s): merge partials counted with the same flags", h.Settings.Diff(h2.Settings))
	}
	return h.Join(h2.Envelope, func() error {
		if err := total.MergeChecked(c2); err != nil {
			return err
		}
		h.Docs, h.Units, h.Records = total.Docs, total.Units, int64(total.Len())
		return nil
	})
}

// MergeChecked is Merge for counts read from partials: it refuses (and
// leaves c as it was) when a sum would overflow 64 bits.
func (c *Counts) MergeChecked(o *Counts) error {
	if err := c.Fits(o); err != nil {
		return err
	}
	c.Merge(o)
	return nil
}

// Fits checks that merging o into c overflows no count.
func (c *Counts) Fits(o *Counts) error {
	var docs, units int64 = c.Docs, c.Units
	if partial.Add(&docs, o.Docs) != nil || partial.Add(&units, o.Units) != nil {
		return partial.ErrOverflow
	}
	for k, oe := range o.terms {
		if e := c.terms[k]; e != nil {
			n, df := e.n, e.df
			if partial.Add(&n, oe.n) != nil || partial.Add(&df, oe.df) != nil {
				return fmt.Errorf("term %q: %w", k, partial.ErrOverflow)
			}
			for f, m := range oe.forms {
				x := e.forms[f]
				if partial.Add(&x, m) != nil {
					return fmt.Errorf("term %q: %w", k, partial.ErrOverflow)
				}
			}
		}
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
